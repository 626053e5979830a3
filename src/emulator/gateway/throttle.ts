/** The sliding window the per-key limit applies to: one second, in ms. */
export const THROTTLE_WINDOW_MS = 1000;

/**
 * A sliding-window limit per AccessKeyId: at most `limit` admitted requests in any window of
 * {@link THROTTLE_WINDOW_MS}. Only admitted requests occupy a slot, so a client that keeps calling
 * while refused is let in again as soon as its oldest admitted request leaves the window.
 *
 * Each key keeps the times of its last `limit` admissions in a ring; the oldest of them decides.
 */
export class SlidingWindowThrottle {
  private readonly rings = new Map<string, { times: Float64Array; next: number; filled: boolean }>();

  /** `limit` admissions per window; `Infinity` admits everything. */
  constructor(private readonly limit: number) {}

  /**
   * Admits the request at `now` (ms) and returns 0, or refuses it and returns how many ms remain
   * until a slot frees (at least 1).
   */
  admit(key: string, now: number): number {
    if (this.limit === Infinity) return 0;
    let ring = this.rings.get(key);
    if (ring === undefined) {
      ring = { times: new Float64Array(this.limit), next: 0, filled: false };
      this.rings.set(key, ring);
    }
    if (ring.filled) {
      // `next` is the slot of the oldest of the last `limit` admissions.
      const frees = ring.times[ring.next]! + THROTTLE_WINDOW_MS;
      if (frees > now) return Math.max(1, Math.ceil(frees - now));
    }
    ring.times[ring.next] = now;
    ring.next++;
    if (ring.next === this.limit) {
      ring.next = 0;
      ring.filled = true;
    }
    return 0;
  }

  clear(): void {
    this.rings.clear();
  }
}
