import { QPS_LIMIT_PER_ACCOUNT } from '../../../generated/operations.js';
import { LiveOptionError } from '../../errors/live-option-error.js';
import { sharedMemoryStore } from './memory-rate-limit-store.js';
import type { RateLimitStore } from './rate-limit-store.js';
import type { RedisRateLimitOptions } from './redis/redis-options.js';
import { sharedRedisStore } from './redis/shared-redis-stores.js';

/**
 * The client-side rate limit: at most `limit` requests per `windowMs` per AccessKeyId, as the
 * service counts them, so a burst is spread out instead of being refused with `Throttling.User`.
 * A request's window starts when its answer arrives (see {@link RateLimitStore}); every attempt,
 * retries included, takes a slot. Callers waiting for a slot queue in order, one timer per key;
 * the wait counts against the attempt's `timeoutMs` and ends at once when the call's signal aborts.
 */
export interface RateLimitOptions {
  /** Set to false to send without waiting for slots. @default true */
  readonly enabled?: boolean;
  /** Requests per window. @default QPS_LIMIT_PER_ACCOUNT (10, the service's per-account limit) */
  readonly limit?: number;
  /** The window the service counts in, milliseconds. @default 1000 */
  readonly windowMs?: number;
  /**
   * Where slots are kept. @default one in-memory store shared by every client of the process,
   * keyed by AccessKeyId
   */
  readonly store?: RateLimitStore;
  /**
   * Shares the budget with every process and machine that uses this Redis: a `redis://` URL or
   * {@link RedisRateLimitOptions} (needs the optional peer dependency ioredis 5). Ignored when
   * `store` is given. @default none: the in-memory store
   */
  readonly redis?: string | RedisRateLimitOptions;
}

/** {@link RateLimitOptions} with every default applied. */
export interface ResolvedRateLimit {
  readonly limit: number;
  readonly windowMs: number;
  readonly store: RateLimitStore;
}

export const DEFAULT_RATE_LIMIT_WINDOW_MS = 1000;

/** The resolved limit, or `undefined` when rate limiting is off. */
export function resolveRateLimit(options: RateLimitOptions | undefined): ResolvedRateLimit | undefined {
  if (options?.enabled === false) return undefined;
  const limit = options?.limit ?? QPS_LIMIT_PER_ACCOUNT;
  const windowMs = options?.windowMs ?? DEFAULT_RATE_LIMIT_WINDOW_MS;
  if (!(Number.isInteger(limit) && limit > 0))
    throw new LiveOptionError('rateLimit.limit', `rateLimit.limit must be a positive integer (got ${limit})`);
  if (!(windowMs > 0))
    throw new LiveOptionError('rateLimit.windowMs', `rateLimit.windowMs must be positive (got ${windowMs})`);
  const store = options?.store ?? (options?.redis === undefined ? sharedMemoryStore : sharedRedisStore(options.redis));
  return { limit, windowMs, store };
}
