import { safeError } from '../../redaction/safe-error.js';
import { urlCredentials } from '../../redaction/url-credentials.js';
import { MemoryRateLimitStore } from '../memory-rate-limit-store.js';
import type { RateLimitStore, SlotDecision, SlotLease, SlotRequest } from '../rate-limit-store.js';
import { fallbackLimit } from './fallback-limit.js';
import { MissingIoredisError } from './missing-ioredis-error.js';
import { RateLimitUnavailableError } from './rate-limit-unavailable-error.js';
import { RECONNECT_MAX_DELAY_MS } from './redis-link.js';
import type { ResolvedRedisOptions } from './redis-options.js';

/** A store shared between processes, which throws when it cannot be reached. */
export interface SharedSlotStore extends RateLimitStore {
  /**
   * `acquire`, also saying how long processes may still be sending on their own budgets
   * (`ownBudgetsMs`). `rejoinMs` > 0 announces that this process is returning from an outage.
   */
  acquireShared(
    request: SlotRequest,
    rejoinMs: number,
  ): Promise<{ readonly decision: SlotDecision; readonly ownBudgetsMs: number }>;
  /** Gives back a slot that was not used. */
  cancel(lease: SlotLease): Promise<void>;
  /** Whether `lease` came from this store. */
  owns(lease: SlotLease): boolean;
  /** Whether a call now would reach the store (it may still fail). Answers at once. */
  reachable(): boolean;
  /**
   * How many times the store has connected. A new connection may reach a store that lost its
   * state (Redis restarted empty, or a replica took over).
   */
  connections(): number;
}

/** The state of an outage of the shared store, in this process. */
interface Outage {
  /** Why the shared store failed, without secrets. */
  readonly reason: Error;
  /** Not a failure: the store reconnected and may have lost its state (see `noticeReconnect`). */
  readonly afterReconnect: boolean;
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
  /** Until when (this process's clock, ms) processes may be sending on their own budgets. */
  private ownBudgetsUntilMs = 0;
  /** Local slots taken beside shared ones while processes may be on their own budgets. */
  private readonly pairedLocal = new WeakMap<SlotLease, SlotLease>();
  /** The shared store's connection count when this process last used it. */
  private seenConnections: number | undefined;

  constructor(
    private readonly shared: SharedSlotStore,
    private readonly options: Pick<
      ResolvedRedisOptions,
      'url' | 'safeUrl' | 'workers' | 'onRedisDown' | 'logger' | 'commandTimeoutMs'
    >,
  ) {}

  async acquire(request: SlotRequest): Promise<SlotDecision> {
    if (this.outage === undefined || this.outage.afterReconnect || this.shared.reachable()) {
      this.noticeReconnect(request);
      const waitMs = this.outage === undefined ? 0 : untilQuiet(this.outage, request);
      if (waitMs > 0) return { granted: false, waitMs };
      try {
        const rejoinMs = this.outage === undefined ? 0 : this.rejoinMs(request);
        const { decision, ownBudgetsMs } = await this.shared.acquireShared(request, rejoinMs);
        this.seenConnections = this.shared.connections();
        this.recovered();
        return await this.withinOwnShare(decision, ownBudgetsMs, request);
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
    const paired = this.pairedLocal.get(lease);
    if (paired !== undefined) this.local.release(paired, doneMs);
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

  /**
   * While other processes may still be on their own budgets (they have not noticed Redis is back,
   * or their last local calls are still in their window), the shared store does not know of their
   * calls: a shared slot is used only if this process's own fallback share allows it too, so the
   * fleet as a whole stays within the limit.
   */
  private async withinOwnShare(
    decision: SlotDecision,
    ownBudgetsMs: number,
    request: SlotRequest,
  ): Promise<SlotDecision> {
    this.ownBudgetsUntilMs = Math.max(this.ownBudgetsUntilMs, request.nowMs + ownBudgetsMs);
    if (!decision.granted || request.nowMs >= this.ownBudgetsUntilMs) return decision;
    const local = this.local.acquire(this.localRequest(request));
    if (local.granted) {
      this.pairedLocal.set(decision.lease, local.lease);
      return decision;
    }
    await this.shared.cancel(decision.lease).catch(() => undefined);
    return local;
  }

  /**
   * How long, after this process returns from an outage, others may still send on their own
   * budgets: until they notice Redis is back (a reconnect or a failed command's pause, plus one
   * command) and their last local call has left its window.
   */
  private rejoinMs(request: SlotRequest): number {
    return RECONNECT_MAX_DELAY_MS + this.options.commandTimeoutMs + request.windowMs + 1;
  }

  private localRequest(request: SlotRequest): SlotRequest {
    return { ...request, ...fallbackLimit(request.limit, request.windowMs, this.options.workers) };
  }

  private enterOutage(error: unknown, request: SlotRequest): void {
    if (this.outage !== undefined && !this.outage.afterReconnect) return;
    // ioredis keeps each command's arguments on its errors: an AUTH password among them.
    const reason = safeError(error, urlCredentials(this.options.url));
    // A failure while waiting out a reconnect keeps that wait, and is reported as what it is.
    const pending = this.outage;
    this.outage = {
      reason,
      localInFlight: pending?.localInFlight ?? 0,
      localQuietAtMs: pending?.localQuietAtMs ?? request.nowMs,
      afterReconnect: false,
    };
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
    // After a reconnect the local budget was spent then, and nothing was sent since.
    if (this.options.onRedisDown === 'fail-closed' || pending !== undefined) return;
    this.spendLocalBudget(request);
  }

  /** The local budget starts spent: each slot, released now, frees a window from now. */
  private spendLocalBudget(request: SlotRequest): void {
    const local = this.localRequest(request);
    for (let d = this.local.acquire(local); d.granted; d = this.local.acquire(local))
      this.local.release(d.lease, request.nowMs);
  }

  /**
   * A reconnected store may have forgotten the calls of the last window (Redis restarted empty):
   * the process then stays off it (and sends nothing) for one window from now, so that every call
   * it forgot has left its window, and says so once.
   */
  private noticeReconnect(request: SlotRequest): void {
    const connections = this.shared.connections();
    const seen = this.seenConnections;
    if (seen === undefined || seen === connections) return;
    this.seenConnections = connections;
    const quietAtMs = request.nowMs + request.windowMs + 1;
    if (this.outage !== undefined) {
      this.outage.localQuietAtMs = Math.max(this.outage.localQuietAtMs, quietAtMs);
      return;
    }
    this.outage = {
      reason: new Error('reconnected; its record of recent calls may be lost'),
      localInFlight: 0,
      localQuietAtMs: quietAtMs,
      afterReconnect: true,
    };
    // Should Redis fail within this window, the calls it forgot still bound the local budget.
    this.spendLocalBudget(request);
    this.options.logger.warn(
      `live-relay rate limit: Redis at ${this.options.safeUrl} reconnected and may have lost its record of recent ` +
        `calls (a restart); this process sends nothing for one window (${request.windowMs} ms) before sharing the budget through it again`,
    );
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
