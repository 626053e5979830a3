import { describe, expect, it } from 'vitest';
import { resolveRedisOptions } from './redis-options.js';

describe('resolveRedisOptions', () => {
  it('applies the documented defaults to a bare URL', () => {
    expect(resolveRedisOptions('redis://:pw@cache:6379/1')).toMatchObject({
      url: 'redis://:pw@cache:6379/1',
      safeUrl: 'redis://:***@cache:6379/1',
      workers: 10,
      onRedisDown: 'fallback',
      leaseTtlMs: 30_000,
      connectTimeoutMs: 1_000,
      commandTimeoutMs: 500,
      keyPrefix: 'live-relay:rl:',
    });
  });

  it('names the option that is wrong', () => {
    expect(() => resolveRedisOptions('http://cache')).toThrow(
      'rateLimit.redis.url must be a redis:// or rediss:// URL (got http://cache/)',
    );
    expect(() => resolveRedisOptions({ url: 'redis://cache', workers: 0 })).toThrow(
      'rateLimit.redis.workers must be a positive integer (got 0)',
    );
    expect(() => resolveRedisOptions({ url: 'redis://cache', commandTimeoutMs: 0.5 })).toThrow(
      'rateLimit.redis.commandTimeoutMs',
    );
    expect(() => resolveRedisOptions({ url: 'redis://cache', onRedisDown: 'ignore' as 'fallback' })).toThrow(
      `rateLimit.redis.onRedisDown must be 'fallback' or 'fail-closed' (got "ignore")`,
    );
  });
});
