import { describe, expect, it } from 'vitest';
import { cliRateLimitRedis, RATE_LIMIT_REDIS_ENV } from './rate-limit-redis.js';

describe('cliRateLimitRedis', () => {
  it('is undefined when neither the flag nor the variable is set, or the variable is empty', () => {
    expect(cliRateLimitRedis(undefined, {})).toBeUndefined();
    expect(cliRateLimitRedis(undefined, { [RATE_LIMIT_REDIS_ENV]: '' })).toBeUndefined();
  });

  it('turns a URL into a Redis store, the flag winning over the variable', () => {
    const fromFlag = cliRateLimitRedis('redis://127.0.0.1:1', { [RATE_LIMIT_REDIS_ENV]: 'not a url' });
    expect(fromFlag).toMatchObject({
      rateLimit: { store: { acquire: expect.any(Function), close: expect.any(Function) } },
    });
    expect(cliRateLimitRedis(undefined, { [RATE_LIMIT_REDIS_ENV]: 'rediss://cache:6380' })).toHaveProperty(
      'rateLimit.store',
    );
  });

  it('gives the same store for the same URL, as clients of one process share a budget', () => {
    const a = cliRateLimitRedis('redis://127.0.0.1:2', {});
    const b = cliRateLimitRedis(undefined, { [RATE_LIMIT_REDIS_ENV]: 'redis://127.0.0.1:2' });
    expect(a && 'rateLimit' in a && a.rateLimit.store).toBe(b && 'rateLimit' in b && b.rateLimit.store);
  });

  it('names the source of a bad value without echoing a password', () => {
    expect(cliRateLimitRedis('http://user:s3cret@cache', {})).toEqual({
      problem: '--rate-limit-redis must be a redis:// or rediss:// URL (got http://***:***@cache/)',
    });
    expect(cliRateLimitRedis(undefined, { [RATE_LIMIT_REDIS_ENV]: 's3cret' })).toEqual({
      problem: `$${RATE_LIMIT_REDIS_ENV} must be a redis:// or rediss:// URL (got (unparseable Redis URL))`,
    });
  });
});
