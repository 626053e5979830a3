import { type RateLimitLogger, type RedisRateLimitOptions, resolveRedisOptions } from './redis-options.js';
import { createRedisRateLimitStore, type RedisRateLimitStore } from './redis-rate-limit-store.js';

/** By settings (logger aside), then by logger. */
const stores = new Map<string, WeakMap<RateLimitLogger, RedisRateLimitStore>>();

/**
 * The store for `rateLimit.redis`: clients of one process that name the same URL and settings
 * share one store, hence one connection and, while Redis is down, one local fallback budget.
 */
export function sharedRedisStore(options: string | RedisRateLimitOptions): RedisRateLimitStore {
  const { logger, safeUrl: _safeUrl, ...settings } = resolveRedisOptions(options);
  const key = JSON.stringify(settings);
  let byLogger = stores.get(key);
  if (byLogger === undefined) {
    byLogger = new WeakMap();
    stores.set(key, byLogger);
  }
  let store = byLogger.get(logger);
  if (store === undefined) {
    store = createRedisRateLimitStore({ ...settings, logger });
    byLogger.set(logger, store);
  }
  return store;
}
