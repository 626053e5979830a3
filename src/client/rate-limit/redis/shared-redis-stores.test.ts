import { describe, expect, it } from 'vitest';
import { sharedRedisStore } from './shared-redis-stores.js';

describe('sharedRedisStore', () => {
  it('gives clients of one process one store per URL, settings and logger', () => {
    const logger = { warn: () => undefined };
    const a = sharedRedisStore({ url: 'redis://127.0.0.1:3', workers: 4, logger });
    expect(sharedRedisStore({ url: 'redis://127.0.0.1:3', workers: 4, logger })).toBe(a);
    expect(sharedRedisStore({ url: 'redis://127.0.0.1:3', workers: 5, logger })).not.toBe(a);
    expect(sharedRedisStore({ url: 'redis://127.0.0.1:4', workers: 4, logger })).not.toBe(a);
    expect(sharedRedisStore({ url: 'redis://127.0.0.1:3', workers: 4, logger: { warn: () => undefined } })).not.toBe(a);
    expect(sharedRedisStore('redis://127.0.0.1:3')).toBe(sharedRedisStore({ url: 'redis://127.0.0.1:3' }));
  });
});
