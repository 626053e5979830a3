import { DueHeap } from '../clock/due-heap.js';

/** How many nonces the emulator remembers per AccessKeyId by default. */
export const DEFAULT_MAX_NONCES_PER_KEY = 100_000;

/** What {@link NonceCache.use} found: a new nonce (now recorded), one still remembered, or no room. */
export type NonceVerdict = 'fresh' | 'replayed' | 'full';

/**
 * The signature nonces one AccessKeyId has used, each remembered until it expires.
 *
 * A nonce must be refused for as long as a request carrying it could still pass the timestamp
 * check, so the caller passes that instant as the expiry, and nothing is forgotten before it: a
 * forgotten nonce would let a captured request be replayed. Memory is bounded by refusing
 * instead: with `capacity` live nonces, a new one is turned away (`full`) until the earliest
 * expires. Expiries are kept in a min-heap, so expired nonces leave in expiry order whatever
 * order they came in.
 */
export class NonceCache {
  /** nonce -> expiry (ms since the epoch). */
  private readonly expiries = new DueHeap();

  constructor(private readonly capacity: number = DEFAULT_MAX_NONCES_PER_KEY) {}

  /** Records `nonce` until `expiresAt` if it is new and there is room; `now` in ms. */
  use(nonce: string, expiresAt: number, now: number): NonceVerdict {
    while (this.expiries.popDue(now) !== undefined) {
      // Expired nonces could no longer pass the timestamp check.
    }
    if (this.expiries.dueAt(nonce) !== undefined) return 'replayed';
    if (this.expiries.size >= this.capacity) return 'full';
    this.expiries.schedule(nonce, expiresAt);
    return 'fresh';
  }

  /** Milliseconds from `now` until the earliest nonce expires and makes room (0 when empty). */
  msUntilRoom(now: number): number {
    const earliest = this.expiries.peek();
    return earliest === undefined ? 0 : Math.max(0, earliest.at - now);
  }

  get size(): number {
    return this.expiries.size;
  }
}
