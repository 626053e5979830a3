import { safeError } from '../../redaction/safe-error.js';
import { urlCredentials } from '../../redaction/url-credentials.js';
import { MemoryRateLimitStore } from '../memory-rate-limit-store.js';
import type { RateLimitStore, SlotDecision, SlotLease, SlotRequest } from '../rate-limit-store.js';
import { fallbackLimit } from './fallback-limit.js';
import { MissingIoredisError } from './import-ioredis.js';
import { RateLimitUnavailableError } from './rate-limit-unavailable-error.js';
import type { ResolvedRedisOptions } from './redis-options.js';

/** A store shared between processes, which throws when it cannot be reached. */
export interface SharedSlotStore extends RateLimitStore {
  /** Whether `lease` came from this store. */
  owns(lease: SlotLease): boolean;
  /** Whether a call now would reach the store (it may still fail). Answers at once. */
  reachable(): boolean;
}

/** The state of an outage of the shared store, in this process. */
interface Outage {
  /** Why the shared store failed, without secrets. */
  readonly reason: Error;
  /** Local slots taken and not yet released. */
  localInFlight: number;
  /** When the last released local slot leaves the service's window (this process's clock, ms). */
  localQuietAtMs: number;
}

/**
 * Uses the shared store while it answers. While it does not, `onRedisDown` decides: `fallback`
 * grants slots from a store in this process's memory at {@link fallbackLimit}; `fail-closed`
 * throws {@link RateLimitUnavailableError}. The logger hears of an outage once, when the first
 * call meets it, and of the recovery once.
 *
 * Switching budgets waits out one window either way, so that no window of the service's clock
 * holds this process's calls under both: the local budget starts full for a window (the shared
 * one may have been spent to the limit just before the outage), and the shared store is asked
 * again only once every local slot has left its window. While the shared store is down, asking it
 * costs nothing (a disconnected client fails at once, a connected one that failed is left alone
 * for a while), so the process notices its return on the next call after it reconnects.
 */
export class FallbackStore implements RateLimitStore {
  private readonly local = new MemoryRateLimitStore();
  /** Local leases, with the service's window each was taken for (ms). */
  private readonly localWindows = new WeakMap<SlotLease, number>();
  private outage: Outage | undefined;

  constructor(
    private readonly shared: SharedSlotStore,
    private readonly options: Pick<ResolvedRedisOptions, 'url' | 'safeUrl' | 'workers' | 'onRedisDown' | 'logger'>,
  ) {}

  async acquire(request: SlotRequest): Promise<SlotDecision> {
    if (this.outage === undefined || this.shared.reachable()) {
      const waitMs = this.outage === undefined ? 0 : untilQuiet(this.outage, request);
      if (waitMs > 0) return { granted: false, waitMs };
      try {
        const decision = await this.shared.acquire(request);
        this.recovered();
        return decision;
      } catch (error) {
        if (error instanceof MissingIoredisError) throw error;
        this.enterOutage(error, request);
      }
    }
    const outage = this.outage!;
    if (this.options.onRedisDown === 'fail-closed')
      throw new RateLimitUnavailableError(this.options.safeUrl, outage.reason);
    const decision = this.local.acquire(this.localRequest(request));
    if (decision.granted) {
      outage.localInFlight++;
      this.localWindows.set(decision.lease, request.windowMs);
    }
    return decision;
  }

  async release(lease: SlotLease, doneMs: number): Promise<void> {
    const windowMs = this.localWindows.get(lease);
    if (windowMs !== undefined) {
      this.local.release(lease, doneMs);
      // Recovery waits for the local slots (see `acquire`); only a call for another AccessKeyId
      // racing the recovery can release one after it.
      const outage = this.outage;
      if (outage !== undefined) {
        outage.localInFlight--;
        outage.localQuietAtMs = Math.max(outage.localQuietAtMs, doneMs + windowMs + 1);
      }
      return;
    }
    try {
      await this.shared.release(lease, doneMs);
    } catch {
      // Redis went away mid-call; the slot frees itself when its lease expires (leaseTtlMs).
    }
  }

  private localRequest(request: SlotRequest): SlotRequest {
    return { ...request, ...fallbackLimit(request.limit, request.windowMs, this.options.workers) };
  }

  private enterOutage(error: unknown, request: SlotRequest): void {
    if (this.outage !== undefined) return;
    // ioredis keeps each command's arguments on its errors: an AUTH password among them.
    const reason = safeError(error, urlCredentials(this.options.url));
    this.outage = { reason, localInFlight: 0, localQuietAtMs: request.nowMs };
    const local = this.localRequest(request);
    const then =
      this.options.onRedisDown === 'fail-closed'
        ? "calls fail with RateLimitUnavailableError until it answers again (onRedisDown 'fail-closed')"
        : `after one window this process keeps to ${local.limit} call(s) per ${local.windowMs} ms on its own ` +
          `(the account's limit shared by ${this.options.workers} workers) until it answers again`;
    const why = reason.message;
    this.options.logger.warn(
      `live-relay rate limit: Redis at ${this.options.safeUrl} is unreachable (${why}); ${then}`,
    );
    if (this.options.onRedisDown === 'fail-closed') return;
    // The local budget starts spent: each slot, released now, frees a window from now.
    for (let d = this.local.acquire(local); d.granted; d = this.local.acquire(local))
      this.local.release(d.lease, request.nowMs);
  }

  private recovered(): void {
    if (this.outage === undefined) return;
    this.outage = undefined;
    this.options.logger.info?.(
      `live-relay rate limit: Redis at ${this.options.safeUrl} answers again; the budget is shared through it once more`,
    );
  }
}

/** How long until the outage's local slots have all left their window; 0 when they have. */
function untilQuiet(outage: Outage, request: SlotRequest): number {
  // A local slot still in flight: ask again a window from now, or when its release wakes the line.
  if (outage.localInFlight > 0) return request.windowMs;
  return Math.max(0, outage.localQuietAtMs - request.nowMs);
}
