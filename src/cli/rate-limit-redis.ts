import type { RateLimitOptions } from '../client/rate-limit/rate-limit-options.js';
import { redactedUrl } from '../client/rate-limit/redis/redacted-url.js';
import { sharedRedisStore } from '../client/rate-limit/redis/shared-redis-stores.js';

import { RATE_LIMIT_REDIS_ENV } from './rate-limit-redis-env.js';

export { RATE_LIMIT_REDIS_ENV };

/** The CLI's Redis rate-limit choice: client options to use, or a problem to report. */
export type CliRateLimitRedis = { readonly rateLimit: RateLimitOptions } | { readonly problem: string };

/**
 * Resolves `--rate-limit-redis URL`, else `$LIVE_RELAY_RATE_LIMIT_REDIS` (an empty value counts as
 * unset), into the client's `rateLimit` option; `undefined` when neither is set (the in-memory
 * limiter). Nothing connects until the first call. The problem text never holds the password.
 */
export function cliRateLimitRedis(
  flag: string | undefined,
  env: Readonly<Record<string, string | undefined>>,
): CliRateLimitRedis | undefined {
  const fromEnv = env[RATE_LIMIT_REDIS_ENV];
  const [source, url] =
    flag !== undefined
      ? ['--rate-limit-redis', flag]
      : [`$${RATE_LIMIT_REDIS_ENV}`, fromEnv === '' ? undefined : fromEnv];
  if (url === undefined) return undefined;
  try {
    return { rateLimit: { store: sharedRedisStore(url) } };
  } catch {
    return { problem: `${source} must be a redis:// or rediss:// URL (got ${redactedUrl(url)})` };
  }
}
