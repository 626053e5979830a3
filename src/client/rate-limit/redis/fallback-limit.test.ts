import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { fallbackLimit } from './fallback-limit.js';

describe('fallbackLimit', () => {
  it('splits 10 per second between workers', () => {
    expect(fallbackLimit(10, 1000, 1)).toEqual({ limit: 10, windowMs: 1000 });
    expect(fallbackLimit(10, 1000, 4)).toEqual({ limit: 2, windowMs: 1000 });
    expect(fallbackLimit(10, 1000, 10)).toEqual({ limit: 1, windowMs: 1000 });
    expect(fallbackLimit(10, 1000, 12)).toEqual({ limit: 1, windowMs: 1200 });
  });

  it('never lets workers up to `limit` exceed the limit together, and never goes below 1 call', () => {
    fc.assert(
      fc.property(
        fc.integer({ min: 1, max: 1000 }),
        fc.integer({ min: 1, max: 60_000 }),
        fc.integer({ min: 1, max: 5000 }),
        (limit, windowMs, workers) => {
          const local = fallbackLimit(limit, windowMs, workers);
          expect(local.limit).toBeGreaterThanOrEqual(1);
          expect(local.windowMs).toBeGreaterThanOrEqual(windowMs);
          if (workers <= limit) expect(workers * local.limit).toBeLessThanOrEqual(limit);
          // The account's average rate holds whatever the worker count.
          expect((workers * local.limit) / local.windowMs).toBeLessThanOrEqual(limit / windowMs);
        },
      ),
    );
  });
});
