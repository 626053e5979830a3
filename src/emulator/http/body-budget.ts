/** Default cap on the request-body bytes held at once across every connection: 32 MiB. */
export const DEFAULT_MAX_BUFFERED_BODY_BYTES = 32 * 1024 * 1024;

/**
 * The request-body bytes the emulator holds in memory at once, across every connection. Each
 * body is capped on its own (`maxBodyBytes`); without an overall cap, many slow senders could
 * each park a body just under that cap and grow the process without bound.
 */
export class BodyBudget {
  #held = 0;

  /** `limit`: most bytes held at once. */
  constructor(readonly limit: number) {}

  /** Takes `bytes` from the budget; false, taking nothing, when they do not fit. */
  reserve(bytes: number): boolean {
    if (this.#held + bytes > this.limit) return false;
    this.#held += bytes;
    return true;
  }

  /** Gives back `bytes` taken by {@link reserve}. */
  release(bytes: number): void {
    this.#held -= bytes;
  }

  /** Bytes held now. */
  get held(): number {
    return this.#held;
  }
}
