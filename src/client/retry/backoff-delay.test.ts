import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { backoffDelay } from './backoff-delay.js';
import { DEFAULT_RETRY } from './retry-options.js';

describe('backoffDelay', () => {
  it('draws from [0, base × 2^(retry − 1)) capped at maxDelayMs (full jitter)', () => {
    fc.assert(
      fc.property(
        fc.integer({ min: 1, max: 40 }),
        fc.double({ min: 0, max: 0.999999, noNaN: true }),
        (retry, random) => {
          const delay = backoffDelay(retry, DEFAULT_RETRY, undefined, () => random);
          const ceiling = Math.min(DEFAULT_RETRY.maxDelayMs, DEFAULT_RETRY.baseDelayMs * 2 ** (retry - 1));
          expect(delay).toBeGreaterThanOrEqual(0);
          expect(delay).toBeLessThan(ceiling);
        },
      ),
    );
  });

  it('spans the whole range', () => {
    expect(backoffDelay(3, DEFAULT_RETRY, undefined, () => 0)).toBe(0);
    expect(backoffDelay(3, DEFAULT_RETRY, undefined, () => 0.5)).toBe(400);
  });

  it('uses the service’s retry-after as is, capped at maxDelayMs', () => {
    expect(backoffDelay(1, DEFAULT_RETRY, 2000, () => 0.9)).toBe(2000);
    expect(backoffDelay(1, DEFAULT_RETRY, 120_000)).toBe(20_000);
    expect(backoffDelay(1, DEFAULT_RETRY, 0)).toBe(0);
  });
});
