import type { ResolvedRetry } from './retry-options.js';

/**
 * The wait before retry number `retry` (1 for the first retry): the service's `retryAfterMs` when
 * given, else full-jitter exponential backoff; both capped at `maxDelayMs`. Milliseconds.
 */
export function backoffDelay(
  retry: number,
  options: ResolvedRetry,
  retryAfterMs: number | undefined,
  random: () => number = Math.random,
): number {
  if (retryAfterMs !== undefined) return Math.min(retryAfterMs, options.maxDelayMs);
  const ceiling = Math.min(options.maxDelayMs, options.baseDelayMs * 2 ** (retry - 1));
  return Math.floor(random() * ceiling);
}
