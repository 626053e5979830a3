import { LiveOptionError } from '../../errors/live-option-error.js';

/**
 * How failed attempts are retried: exponential backoff with full jitter (a delay drawn uniformly
 * from 0 to `min(maxDelayMs, baseDelayMs × 2^(retry − 1))`), or exactly the service's
 * `x-acs-retry-after` when it sends one (capped at `maxDelayMs`).
 *
 * Retried: throttling (`Throttling.*`, HTTP 429), HTTP 5xx, connection failures and attempt
 * timeouts. A POST (CreateLivePullToPush, which is not idempotent: a duplicate would be a second
 * task) is retried only when the request provably did not take effect: throttling, or a connection
 * that failed before anything was sent (refused, DNS). Never after a timeout, a reset or a 5xx.
 */
export interface RetryOptions {
  /** Attempts per call, the first included; 1 turns retries off. @default 3 */
  readonly maxAttempts?: number;
  /** Backoff base, milliseconds. @default 200 */
  readonly baseDelayMs?: number;
  /** Longest wait between two attempts, milliseconds. @default 20000 */
  readonly maxDelayMs?: number;
}

export type ResolvedRetry = Required<RetryOptions>;

export const DEFAULT_RETRY: ResolvedRetry = Object.freeze({ maxAttempts: 3, baseDelayMs: 200, maxDelayMs: 20_000 });

export function resolveRetry(options: RetryOptions | undefined): ResolvedRetry {
  const retry = { ...DEFAULT_RETRY, ...options };
  if (!(Number.isInteger(retry.maxAttempts) && retry.maxAttempts >= 1)) {
    throw new LiveOptionError(
      'retry.maxAttempts',
      `retry.maxAttempts must be an integer of at least 1 (got ${retry.maxAttempts})`,
    );
  }
  for (const name of ['baseDelayMs', 'maxDelayMs'] as const) {
    if (!(retry[name] >= 0))
      throw new LiveOptionError(
        `retry.${name}`,
        `retry.${name} must be a number of milliseconds >= 0 (got ${retry[name]})`,
      );
  }
  return retry;
}
