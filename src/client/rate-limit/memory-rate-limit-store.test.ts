import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { MemoryRateLimitStore } from './memory-rate-limit-store.js';
import type { SlotLease } from './rate-limit-store.js';

const LIMIT = 3;
const WINDOW = 100;

describe('MemoryRateLimitStore', () => {
  it('grants `limit` slots, then names the time the first released slot leaves its window', () => {
    const store = new MemoryRateLimitStore();
    const request = (nowMs: number) => store.acquire({ key: 'k', nowMs, limit: 2, windowMs: 1000 });
    const first = request(0);
    const second = request(0);
    expect(first.granted && second.granted).toBe(true);
    expect(request(0)).toEqual({ granted: false, waitMs: 1000 });
    if (first.granted) store.release(first.lease, 30);
    expect(request(40)).toEqual({ granted: false, waitMs: 991 });
    expect(request(1030)).toEqual({ granted: false, waitMs: 1 });
    expect(request(1031).granted).toBe(true);
  });

  it('keeps keys apart', () => {
    const store = new MemoryRateLimitStore();
    expect(store.acquire({ key: 'a', nowMs: 0, limit: 1, windowMs: 1000 }).granted).toBe(true);
    expect(store.acquire({ key: 'b', nowMs: 0, limit: 1, windowMs: 1000 }).granted).toBe(true);
    expect(store.acquire({ key: 'a', nowMs: 0, limit: 1, windowMs: 1000 }).granted).toBe(false);
  });

  it('never lets a window of the service’s clock see more than `limit` requests, wherever in flight each arrived', () => {
    type Step = { advance: number; action: 'acquire' } | { advance: number; action: 'release'; which: number };
    const step: fc.Arbitrary<Step> = fc.oneof(
      fc.record({ advance: fc.nat(60), action: fc.constant('acquire' as const) }),
      fc.record({ advance: fc.nat(60), action: fc.constant('release' as const), which: fc.nat() }),
    );
    fc.assert(
      fc.property(fc.array(step, { maxLength: 200 }), (steps) => {
        const store = new MemoryRateLimitStore();
        const requests: { granted: number; done: number; lease: SlotLease }[] = [];
        const inFlight: (typeof requests)[number][] = [];
        let now = 0;
        for (const s of steps) {
          now += s.advance;
          if (s.action === 'acquire') {
            const decision = store.acquire({ key: 'k', nowMs: now, limit: LIMIT, windowMs: WINDOW });
            if (decision.granted) {
              const request = { granted: now, done: Infinity, lease: decision.lease };
              requests.push(request);
              inFlight.push(request);
            } else {
              expect(decision.waitMs).toBeGreaterThanOrEqual(1);
            }
          } else if (inFlight.length > 0) {
            const [request] = inFlight.splice(s.which % inFlight.length, 1);
            request!.done = now;
            store.release(request!.lease, now);
          }
        }
        // A request may have arrived anywhere in [granted, done]; a window [x, x + WINDOW) can hold it
        // iff x is in (granted - WINDOW, done]. No x may be in more than LIMIT such ranges.
        for (const { done: x } of requests) {
          if (x === Infinity) continue;
          const overlapping = requests.filter((r) => r.granted - WINDOW < x && x <= r.done).length;
          expect(overlapping).toBeLessThanOrEqual(LIMIT);
        }
        const lastGrant = Math.max(0, ...requests.map((r) => r.granted));
        expect(
          requests.filter((r) => r.granted - WINDOW < lastGrant && lastGrant <= r.done).length,
        ).toBeLessThanOrEqual(LIMIT);
      }),
    );
  });
});
