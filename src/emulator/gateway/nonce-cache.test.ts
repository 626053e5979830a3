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
            expect(cache.use(nonce, now + ttl, now)).toBe(fresh ? 'fresh' : 'replayed');
            if (fresh) model.set(nonce, now + ttl);
          }
        },
      ),
    );
  });

  it('refuses new nonces beyond its capacity instead of forgetting live ones, until one expires', () => {
    const cache = new NonceCache(3);
    for (const nonce of ['a', 'b', 'c']) expect(cache.use(nonce, 1000 + nonce.charCodeAt(0), 0)).toBe('fresh');
    expect(cache.use('d', 2000, 10)).toBe('full');
    expect(cache.size).toBe(3);
    // However much traffic is turned away, the first nonce is still remembered.
    for (let i = 0; i < 1000; i++) expect(cache.use(`flood-${i}`, 2000, 20)).toBe('full');
    expect(cache.use('a', 2000, 30)).toBe('replayed');
    expect(cache.msUntilRoom(30)).toBe(1000 + 97 - 30);
    // Once the earliest expires there is room for one more.
    expect(cache.use('d', 3000, 1097)).toBe('fresh');
    expect(cache.use('e', 3000, 1097)).toBe('full');
    expect(cache.use('a', 3000, 1097)).toBe('full');
  });

  it('drops expired entries in expiry order, whatever order they came in', () => {
    const cache = new NonceCache(100);
    for (let i = 0; i < 50; i++) cache.use(`n${i}`, i % 2 === 0 ? 10_000 : i + 10, i);
    expect(cache.use('late', 20_000, 100)).toBe('fresh');
    expect(cache.size).toBe(26);
  });
});
