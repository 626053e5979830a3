import { createHash, randomUUID } from 'node:crypto';
import type { SlotDecision, SlotLease, SlotRequest } from '../rate-limit-store.js';
import { ACQUIRE_SLOT_LUA } from './acquire-slot.lua.js';
import type { SharedSlotStore } from './fallback-store.js';
import type { RedisLink } from './redis-link.js';
import type { ResolvedRedisOptions } from './redis-options.js';
import { RELEASE_SLOT_LUA } from './release-slot.lua.js';

/** A slot held in Redis: `id` is its member in the account's sorted set. */
interface RedisLease extends SlotLease {
  readonly id: string;
  /** The window it was taken for, milliseconds: it stays busy that long after its release. */
  readonly windowMs: number;
}

/** A Lua script and its SHA-1, the name `EVALSHA` runs it by. */
class Script {
  private digest: string | undefined;
  constructor(readonly source: string) {}

  /** Hashed on first use: a process that never reaches Redis (a CLI call) does not pay for it. */
  get sha1(): string {
    this.digest ??= createHash('sha1').update(this.source).digest('hex');
    return this.digest;
  }
}

const ACQUIRE = new Script(ACQUIRE_SLOT_LUA);
const RELEASE = new Script(RELEASE_SLOT_LUA);
/** Appended to an account's key for the key that says processes may be on their own budgets. */
const OWN_BUDGETS_SUFFIX = ':own-budgets';

/**
 * The slots of every account, kept in Redis (see `ACQUIRE_SLOT_LUA` for the layout), so all the
 * processes that share a Redis share each account's budget. Each acquire and release is one
 * atomic script. It throws whenever Redis cannot answer; `FallbackStore` decides what then.
 * The callers' clocks are not used: the scripts read Redis's.
 */
export class RedisSlotStore implements SharedSlotStore {
  private readonly leases = new WeakSet<SlotLease>();

  constructor(
    private readonly link: RedisLink,
    private readonly options: Pick<ResolvedRedisOptions, 'keyPrefix' | 'leaseTtlMs'>,
  ) {}

  async acquire(request: SlotRequest): Promise<SlotDecision> {
    return (await this.acquireShared(request, 0)).decision;
  }

  async acquireShared(
    { key, limit, windowMs }: SlotRequest,
    rejoinMs: number,
  ): Promise<{ decision: SlotDecision; ownBudgetsMs: number }> {
    const id = randomUUID();
    const redisKey = this.options.keyPrefix + key;
    let reply: [number, number, number];
    try {
      reply = (await this.run(
        ACQUIRE,
        [redisKey, redisKey + OWN_BUDGETS_SUFFIX],
        [limit, windowMs, this.options.leaseTtlMs, id, rejoinMs],
      )) as [number, number, number];
    } catch (error) {
      this.forget(redisKey, id);
      throw error;
    }
    const ownBudgetsMs = reply[2];
    if (reply[0] === 1) {
      const lease: RedisLease = { key, id, windowMs };
      this.leases.add(lease);
      return { decision: { granted: true, lease }, ownBudgetsMs };
    }
    return { decision: { granted: false, waitMs: Math.max(1, reply[1]) }, ownBudgetsMs };
  }

  async cancel(lease: SlotLease): Promise<void> {
    const { key, id } = lease as RedisLease;
    const client = await this.link.client();
    await client.zrem(this.options.keyPrefix + key, id);
  }

  /** Redis's clock stamps the release; `doneMs` (this machine's clock) is not comparable with it. */
  async release(lease: SlotLease, _doneMs: number): Promise<void> {
    const { key, id, windowMs } = lease as RedisLease;
    await this.run(RELEASE, [this.options.keyPrefix + key], [windowMs, id]);
  }

  /**
   * Drops a reservation this process gave up on. A paused Redis (or a slow network) runs a
   * timed-out acquire once it answers again, and nobody would release that reservation; the
   * removal is queued on the same connection, so Redis runs it right after the acquire.
   */
  private forget(redisKey: string, id: string): void {
    this.link
      .connected()
      ?.zrem(redisKey, id)
      .catch(() => undefined);
  }

  owns(lease: SlotLease): boolean {
    return this.leases.has(lease);
  }

  reachable(): boolean {
    return this.link.reachable();
  }

  connections(): number {
    return this.link.connections;
  }

  private async run(which: Script, keys: readonly string[], args: readonly (string | number)[]): Promise<unknown> {
    const client = await this.link.client();
    try {
      try {
        return await client.evalsha(which.sha1, keys.length, ...keys, ...args);
      } catch (error) {
        // A restarted or flushed Redis has forgotten the script: send it whole once.
        if (!(error instanceof Error && error.message.startsWith('NOSCRIPT'))) throw error;
        return await client.eval(which.source, keys.length, ...keys, ...args);
      }
    } catch (error) {
      const failure = error instanceof Error ? error : new Error(String(error));
      this.link.failed(failure);
      throw failure;
    }
  }
}
