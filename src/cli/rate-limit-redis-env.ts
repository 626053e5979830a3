/**
 * The environment variable the CLI reads when `--rate-limit-redis` is not given. Its own module so
 * that scanning the environment for secrets does not load the Redis store.
 */
export const RATE_LIMIT_REDIS_ENV = 'LIVE_RELAY_RATE_LIMIT_REDIS';
