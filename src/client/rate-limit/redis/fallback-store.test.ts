import { inspect } from 'node:util';
import { describe, expect, it } from 'vitest';
import type { SlotDecision, SlotLease, SlotRequest } from '../rate-limit-store.js';
import { FallbackStore, type SharedSlotStore } from './fallback-store.js';
import { MissingIoredisError } from './missing-ioredis-error.js';
import { RateLimitUnavailableError } from './rate-limit-unavailable-error.js';
import type { OnRedisDown } from './redis-options.js';

/** A shared store that grants everything while `up`, and throws `down` otherwise. */
class FakeShared implements SharedSlotStore {
  up = true;
  down: Error = new Error('connect ECONNREFUSED 127.0.0.1:6390');
  asked = 0;
  connected = 1;
  readonly released: SlotLease[] = [];
  private readonly leases = new WeakSet<SlotLease>();

  async acquire({ key }: SlotRequest): Promise<SlotDecision> {
    this.asked++;
    if (!this.up) throw this.down;
    const lease = { key };
    this.leases.add(lease);
    return { granted: true, lease };
  }

  /** What the shared store says of processes on their own budgets, ms. */
  ownBudgetsMs = 0;
  rejoins: number[] = [];

  async acquireShared(request: SlotRequest, rejoinMs: number) {
    if (rejoinMs > 0) this.rejoins.push(rejoinMs);
    return { decision: await this.acquire(request), ownBudgetsMs: Math.max(this.ownBudgetsMs, rejoinMs) };
  }

  async cancel(lease: SlotLease): Promise<void> {
    this.cancelled.push(lease);
  }

  readonly cancelled: SlotLease[] = [];

  async release(lease: SlotLease): Promise<void> {
    if (!this.up) throw this.down;
    this.released.push(lease);
  }

  owns(lease: SlotLease): boolean {
    return this.leases.has(lease);
  }

  reachable(): boolean {
    return this.up;
  }

  connections(): number {
    return this.connected;
  }
}

function setup(onRedisDown: OnRedisDown, workers = 4) {
  const shared = new FakeShared();
  const log: string[] = [];
  const store = new FallbackStore(shared, {
    url: 'redis://relay:redis-pw-0123@cache:6390',
    safeUrl: 'redis://:***@cache:6390',
    commandTimeoutMs: 500,
    workers,
    onRedisDown,
    logger: { warn: (m) => log.push(`warn ${m}`), info: (m) => log.push(`info ${m}`) },
  });
  return { shared, log, store };
}

const at = (nowMs: number): SlotRequest => ({ key: 'LTAIfleet', nowMs, limit: 10, windowMs: 1000 });

async function granted(decision: Promise<SlotDecision>): Promise<SlotLease> {
  const d = await decision;
  if (!d.granted) throw new Error(`not granted: wait ${d.waitMs} ms`);
  return d.lease;
}

describe('FallbackStore', () => {
  it('uses the shared store while it answers, and releases its leases there', async () => {
    const { shared, log, store } = setup('fallback');
    const lease = await granted(store.acquire(at(0)));
    await store.release(lease, 5);
    expect(shared.released).toEqual([lease]);
    expect(log).toEqual([]);
  });

  it('falls back, after one window, to limit / workers per window, warning once', async () => {
    const { shared, log, store } = setup('fallback', 4);
    shared.up = false;
    // The shared budget may have been spent just before the outage: the local one starts spent.
    expect(await store.acquire(at(0))).toEqual({ granted: false, waitMs: 1001 });
    const decisions = [];
    for (let i = 0; i < 3; i++) decisions.push(await store.acquire(at(1001)));
    expect(decisions.map((d) => d.granted)).toEqual([true, true, false]);
    expect(log).toEqual([
      'warn live-relay rate limit: Redis at redis://:***@cache:6390 is unreachable (connect ECONNREFUSED 127.0.0.1:6390); ' +
        "after one window this process keeps to 2 call(s) per 1000 ms on its own (the account's limit shared by 4 workers) until it answers again",
    ]);
    // While it stays unreachable the shared store is not asked again.
    expect(shared.asked).toBe(1);
  });

  it('returns to the shared store once its local slots have left their window, and says so once', async () => {
    const { shared, log, store } = setup('fallback', 10);
    shared.up = false;
    await store.acquire(at(0));
    const local = await granted(store.acquire(at(1001)));
    shared.up = true;
    expect(await store.acquire(at(1100))).toEqual({ granted: false, waitMs: 1000 });
    await store.release(local, 1200);
    expect(await store.acquire(at(1300))).toEqual({ granted: false, waitMs: 901 });
    expect(shared.asked).toBe(1);
    const back = await granted(store.acquire(at(2201)));
    expect(shared.owns(back)).toBe(true);
    expect(log.filter((line) => line.startsWith('info'))).toEqual([
      'info live-relay rate limit: Redis at redis://:***@cache:6390 answers again; the budget is shared through it once more',
    ]);
    // A second outage is announced again.
    shared.up = false;
    await store.acquire(at(3000));
    expect(log.filter((line) => line.startsWith('warn'))).toHaveLength(2);
  });

  it('swallows a failed release of a shared lease: it expires in Redis by itself', async () => {
    const { shared, store } = setup('fallback');
    const lease = await granted(store.acquire(at(0)));
    shared.up = false;
    await expect(store.release(lease, 10)).resolves.toBeUndefined();
  });

  it('fails closed with RateLimitUnavailableError naming the redacted URL and the cause, warning once', async () => {
    const { shared, log, store } = setup('fail-closed');
    shared.up = false;
    const error = await store.acquire(at(0)).catch((e: unknown) => e);
    expect(error).toBeInstanceOf(RateLimitUnavailableError);
    expect(error).toMatchObject({
      code: 'RateLimitUnavailable',
      redisUrl: 'redis://:***@cache:6390',
      cause: shared.down,
    });
    await expect(store.acquire(at(5000))).rejects.toBeInstanceOf(RateLimitUnavailableError);
    expect(log).toEqual([
      'warn live-relay rate limit: Redis at redis://:***@cache:6390 is unreachable (connect ECONNREFUSED 127.0.0.1:6390); ' +
        "calls fail with RateLimitUnavailableError until it answers again (onRedisDown 'fail-closed')",
    ]);
    shared.up = true;
    expect((await store.acquire(at(5001))).granted).toBe(true);
  });

  it('never takes a missing ioredis for an outage', async () => {
    const { shared, log, store } = setup('fallback');
    shared.up = false;
    shared.down = new MissingIoredisError('install ioredis');
    shared.reachable = () => true;
    await expect(store.acquire(at(0))).rejects.toBe(shared.down);
    expect(log).toEqual([]);
  });

  it('never carries the Redis password in the error, its cause or the warning (ioredis keeps AUTH arguments)', async () => {
    const { shared, log, store } = setup('fail-closed');
    shared.up = false;
    shared.down = Object.assign(new Error('Command timed out (auth relay redis-pw-0123)'), {
      command: { name: 'auth', args: ['relay', 'redis-pw-0123'] },
      previousErrors: [new Error('redis://relay:redis-pw-0123@cache:6390 refused')],
    });
    const error = await store.acquire(at(0)).catch((e: unknown) => e);
    expect(error).toBeInstanceOf(RateLimitUnavailableError);
    const shown = [
      inspect(error, { depth: 10, showHidden: true }),
      JSON.stringify(error),
      (error as Error).stack,
      ...log,
    ];
    expect(shown.join('\n')).not.toContain('redis-pw-0123');
    expect((error as Error).cause).toMatchObject({ message: 'Command timed out (auth *** ***)' });
  });

  it('after a reconnect (Redis may have restarted empty) sends nothing for one window, saying so once', async () => {
    const { shared, log, store } = setup('fallback');
    await granted(store.acquire(at(0)));
    shared.connected = 2;
    expect(await store.acquire(at(100))).toEqual({ granted: false, waitMs: 1001 });
    expect(await store.acquire(at(600))).toEqual({ granted: false, waitMs: 501 });
    expect(shared.asked).toBe(1);
    await granted(store.acquire(at(1101)));
    expect(log).toEqual([
      expect.stringMatching(
        /^warn live-relay rate limit: Redis at redis:\/\/:\*\*\*@cache:6390 reconnected and may have lost/,
      ),
      expect.stringMatching(/^info .* answers again/),
    ]);
  });

  it('back from an outage, announces it and keeps to its own share while others may still be on theirs', async () => {
    const { shared, store } = setup('fallback', 4);
    shared.up = false;
    await store.acquire(at(0));
    shared.up = true;
    // Quiet after the outage's window, then back on the shared store, announcing a rejoin.
    const first = await granted(store.acquire(at(1001)));
    expect(shared.rejoins).toEqual([1000 + 500 + 1000 + 1]);
    await granted(store.acquire(at(1001)));
    // A third shared slot is beyond this process's share (10 / 4 workers): given back, and waited for.
    expect(await store.acquire(at(1002))).toMatchObject({ granted: false });
    expect(shared.cancelled).toHaveLength(1);
    await store.release(first, 1010);
    // Once the others cannot be on their own budgets any more, the shared store alone decides.
    const later = await Promise.all(Array.from({ length: 5 }, () => store.acquire(at(1001 + 2501))));
    expect(later.every((d) => d.granted)).toBe(true);
  });

  it('a failure while waiting out a reconnect is reported as the failure, and the wait still holds', async () => {
    const { shared, log, store } = setup('fallback', 2);
    await granted(store.acquire(at(0)));
    shared.connected = 2;
    expect(await store.acquire(at(100))).toMatchObject({ granted: false });
    shared.up = false;
    // Redis fails after the quiet ends: the local budget was spent at the reconnect, and is free a window later.
    expect(await store.acquire(at(1101))).toMatchObject({ granted: true });
    expect(log).toEqual([
      expect.stringContaining('reconnected and may have lost'),
      expect.stringContaining('is unreachable (connect ECONNREFUSED'),
    ]);
  });
});
