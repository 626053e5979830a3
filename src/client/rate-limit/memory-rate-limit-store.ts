import type { RateLimitStore, SlotDecision, SlotLease, SlotRequest } from './rate-limit-store.js';

/** A slot of the memory store: in flight until `doneMs` is set. */
interface MemoryLease extends SlotLease {
  doneMs: number | undefined;
}

/**
 * A {@link RateLimitStore} in this process's memory: per key, the slots taken and not yet out of
 * their window. A slot released at `d` frees at `d + windowMs + 1`, strictly after its window, so
 * millisecond rounding on either clock cannot put two requests exactly one window apart into one.
 */
export class MemoryRateLimitStore implements RateLimitStore {
  private readonly busy = new Map<string, MemoryLease[]>();

  acquire({ key, nowMs, limit, windowMs }: SlotRequest): SlotDecision {
    const leases = (this.busy.get(key) ?? []).filter(
      (lease) => lease.doneMs === undefined || lease.doneMs + windowMs >= nowMs,
    );
    if (leases.length < limit) {
      const lease: MemoryLease = { key, doneMs: undefined };
      leases.push(lease);
      this.busy.set(key, leases);
      return { granted: true, lease };
    }
    this.busy.set(key, leases);
    let firstFree = Infinity;
    for (const { doneMs } of leases) if (doneMs !== undefined) firstFree = Math.min(firstFree, doneMs + windowMs + 1);
    // Every slot still in flight: ask again after a window; a release in this process wakes the waiter sooner.
    return { granted: false, waitMs: firstFree === Infinity ? windowMs : Math.max(1, firstFree - nowMs) };
  }

  release(lease: SlotLease, doneMs: number): void {
    const own = lease as MemoryLease;
    own.doneMs = Math.max(own.doneMs ?? doneMs, doneMs);
  }
}

/** The store every client in this process uses unless given another: one budget per AccessKeyId. */
export const sharedMemoryStore: RateLimitStore = new MemoryRateLimitStore();
