/** How many nonces the emulator remembers per AccessKeyId by default. */
export const DEFAULT_MAX_NONCES_PER_KEY = 100_000;

/**
 * The signature nonces one AccessKeyId has used, each remembered until it expires.
 *
 * A nonce must be refused for as long as a request carrying it could still pass the timestamp
 * check, so the caller passes that instant as the expiry. The cache is bounded: past `capacity`
 * the oldest entries are forgotten first. At the API's 10 requests per second a key cannot use
 * more than 9,000 nonces in 15 minutes, so the bound only bites when throttling is switched off.
 */
export class NonceCache {
  /** nonce -> expiry (ms since the epoch), in insertion order. */
  private readonly entries = new Map<string, number>();

  constructor(private readonly capacity: number = DEFAULT_MAX_NONCES_PER_KEY) {}

  /** Records `nonce` until `expiresAt`; returns false, recording nothing, if it is still remembered. */
  use(nonce: string, expiresAt: number, now: number): boolean {
    const expiry = this.entries.get(nonce);
    if (expiry !== undefined) {
      if (expiry > now) return false;
      this.entries.delete(nonce);
    }
    this.entries.set(nonce, expiresAt);
    this.sweep(now);
    return true;
  }

  get size(): number {
    return this.entries.size;
  }

  /** Drops expired entries from the front and anything beyond the capacity. Expiries are only
   *  roughly in insertion order, so a live entry at the front stops the sweep early; expired
   *  entries behind it are still treated as gone by {@link use}. */
  private sweep(now: number): void {
    for (const [nonce, expiry] of this.entries) {
      if (expiry > now && this.entries.size <= this.capacity) return;
      this.entries.delete(nonce);
    }
  }
}
