import type { RateLimitStore, SlotDecision, SlotLease, SlotRequest } from '../rate-limit-store.js';
import { FallbackStore } from './fallback-store.js';
import { RedisLink } from './redis-link.js';
import { type RedisRateLimitOptions, resolveRedisOptions } from './redis-options.js';
import { RedisSlotStore } from './redis-slot-store.js';

/** A {@link RateLimitStore} shared through Redis; see {@link createRedisRateLimitStore}. */
export interface RedisRateLimitStore extends RateLimitStore {
  acquire(request: SlotRequest): Promise<SlotDecision>;
  release(lease: SlotLease, doneMs: number): Promise<void>;
  /**
   * Closes the Redis connection. Optional: the store never keeps a process alive; call it to end
   * the connection early (tests, a long-lived process dropping the store).
   */
  close(): Promise<void>;
}

/**
 * A rate-limit store that every process and machine using the same Redis shares: no sliding
 * window of `windowMs` sees more than `limit` calls per AccessKeyId in all. ioredis is loaded,
 * and Redis connected, on the first call. A URL alone takes every default of
 * {@link RedisRateLimitOptions}. Throws at once on an invalid option.
 *
 * @example
 * const store = createRedisRateLimitStore({ url: 'redis://cache.internal:6379', workers: 12 });
 * const client = createLiveClient({ rateLimit: { store } });
 */
export function createRedisRateLimitStore(options: string | RedisRateLimitOptions): RedisRateLimitStore {
  const resolved = resolveRedisOptions(options);
  const link = new RedisLink(resolved);
  const store = new FallbackStore(new RedisSlotStore(link, resolved), resolved);
  return {
    acquire: (request) => store.acquire(request),
    release: (lease, doneMs) => store.release(lease, doneMs),
    close: () => link.close(),
  };
}
