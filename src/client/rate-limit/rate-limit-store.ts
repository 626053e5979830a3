/** A slot taken from a {@link RateLimitStore}; hand it back with `release`. Stores may add fields. */
export interface SlotLease {
  /** Whose budget the slot belongs to: the AccessKeyId. */
  readonly key: string;
}

/** One request for a send slot; see {@link RateLimitStore.acquire}. */
export interface SlotRequest {
  readonly key: string;
  /** The current time, milliseconds since the epoch (wall clock, so a store can be shared between processes). */
  readonly nowMs: number;
  /** Most busy slots at any time. */
  readonly limit: number;
  /** How long a slot stays busy after its release, milliseconds. */
  readonly windowMs: number;
}

/** The store's answer: a slot, or how long to wait before asking again (milliseconds, at least 1). */
export type SlotDecision =
  | { readonly granted: true; readonly lease: SlotLease }
  | { readonly granted: false; readonly waitMs: number };

/**
 * Where the rate limiter keeps each key's slots. A slot is busy from the moment it is taken until
 * `windowMs` after it is released, and a key never has more than `limit` busy slots. The client
 * releases a slot when the attempt's answer has arrived (or the attempt failed): the service cannot
 * have counted the request any later than that, so no window of the service's clock can see more
 * than `limit` of our requests, whatever the network latency.
 *
 * `acquire` never blocks: when every slot is busy it says how long until the first frees (or,
 * when the busy slots are all still in flight, how long to wait before asking again; the limiter
 * also asks again as soon as a slot of this process is released). Share one store between every
 * client that spends the same account's budget: the default in-memory store is shared by the whole
 * process; a store backed by Redis can be shared by several processes.
 */
export interface RateLimitStore {
  acquire(request: SlotRequest): SlotDecision | Promise<SlotDecision>;
  /** The attempt sent in `lease` ended at `doneMs` (milliseconds since the epoch). */
  release(lease: SlotLease, doneMs: number): void | Promise<void>;
}
