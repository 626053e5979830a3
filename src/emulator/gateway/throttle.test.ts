import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { SlidingWindowThrottle, THROTTLE_WINDOW_MS } from './throttle.js';

describe('SlidingWindowThrottle', () => {
  it('never admits more than the limit in any window, and refuses only when the window is full', () => {
    fc.assert(
      fc.property(
        fc.integer({ min: 1, max: 12 }),
        fc.array(fc.integer({ min: 0, max: 400 }), { minLength: 1, maxLength: 200 }),
        (limit, gaps) => {
          const throttle = new SlidingWindowThrottle(limit);
          const admitted: number[] = [];
          let now = 1_000_000;
          for (const gap of gaps) {
            now += gap;
            const wait = throttle.admit('key', now);
            const inWindow = admitted.filter((t) => t > now - THROTTLE_WINDOW_MS);
            if (wait === 0) {
              expect(inWindow.length).toBeLessThan(limit);
              admitted.push(now);
            } else {
              expect(inWindow.length).toBe(limit);
              // The wait is exactly until the oldest admission in the window leaves it.
              expect(wait).toBe(inWindow[0]! + THROTTLE_WINDOW_MS - now);
            }
          }
        },
      ),
    );
  });

  it('keeps keys apart', () => {
    const throttle = new SlidingWindowThrottle(1);
    expect(throttle.admit('a', 0)).toBe(0);
    expect(throttle.admit('a', 10)).toBe(990);
    expect(throttle.admit('b', 10)).toBe(0);
  });

  it('admits everything when the limit is Infinity', () => {
    const throttle = new SlidingWindowThrottle(Infinity);
    for (let i = 0; i < 100; i++) expect(throttle.admit('a', 0)).toBe(0);
  });
});
