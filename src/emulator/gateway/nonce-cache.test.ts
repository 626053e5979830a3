import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { NonceCache } from './nonce-cache.js';

describe('NonceCache', () => {
  it('refuses a nonce exactly while it is remembered (model check)', () => {
    fc.assert(
      fc.property(
        fc.array(
          fc.tuple(
            fc.constantFrom('a', 'b', 'c', 'd'),
            fc.integer({ min: 0, max: 50 }),
            fc.integer({ min: 1, max: 100 }),
          ),
        ),
        (uses) => {
          const cache = new NonceCache(1000);
          const model = new Map<string, number>();
          let now = 0;
          for (const [nonce, gap, ttl] of uses) {
            now += gap;
            const fresh = !(model.has(nonce) && model.get(nonce)! > now);
            expect(cache.use(nonce, now + ttl, now)).toBe(fresh);
            if (fresh) model.set(nonce, now + ttl);
          }
        },
      ),
    );
  });

  it('forgets the oldest entries beyond its capacity', () => {
    const cache = new NonceCache(3);
    for (const nonce of ['a', 'b', 'c', 'd']) expect(cache.use(nonce, 1000, 0)).toBe(true);
    expect(cache.size).toBe(3);
    expect(cache.use('a', 1000, 0)).toBe(true);
    expect(cache.use('d', 1000, 0)).toBe(false);
  });

  it('drops expired entries as it goes', () => {
    const cache = new NonceCache(100);
    for (let i = 0; i < 50; i++) cache.use(`n${i}`, i + 10, i);
    expect(cache.size).toBeLessThanOrEqual(11);
  });
});
