/** The limit one process keeps to while the shared store is unreachable. */
export interface LocalLimit {
  readonly limit: number;
  readonly windowMs: number;
}

/**
 * Splits an account's `limit` calls per `windowMs` between `workers` processes that can no longer
 * coordinate. With up to `limit` workers each gets `floor(limit / workers)` per window, so no
 * window can see more than `limit` calls in all. With more workers than `limit`, each gets 1 call
 * per window stretched by `workers / limit`: the account's average rate still holds, but a window
 * can see up to one call from every worker (the service's `Throttling.User` answers, retried,
 * absorb the excess).
 */
export function fallbackLimit(limit: number, windowMs: number, workers: number): LocalLimit {
  if (workers <= limit) return { limit: Math.floor(limit / workers), windowMs };
  return { limit: 1, windowMs: Math.ceil((windowMs * workers) / limit) };
}
