import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { DueHeap } from './due-heap.js';

type Step = { op: 'schedule'; key: number; at: number } | { op: 'cancel'; key: number } | { op: 'pop'; until: number };

const step: fc.Arbitrary<Step> = fc.oneof(
  {
    weight: 4,
    arbitrary: fc.record({ op: fc.constant('schedule' as const), key: fc.nat({ max: 20 }), at: fc.nat({ max: 50 }) }),
  },
  { weight: 1, arbitrary: fc.record({ op: fc.constant('cancel' as const), key: fc.nat({ max: 20 }) }) },
  { weight: 2, arbitrary: fc.record({ op: fc.constant('pop' as const), until: fc.nat({ max: 50 }) }) },
);

describe('DueHeap', () => {
  it('pops the live entries due by `until` in (time, scheduling order), like a sorted list', () => {
    fc.assert(
      fc.property(fc.array(step, { maxLength: 300 }), (steps) => {
        const heap = new DueHeap();
        /** The model: key → [at, order]. */
        const model = new Map<string, [number, number]>();
        let order = 0;
        for (const s of steps) {
          if (s.op === 'schedule') {
            heap.schedule(String(s.key), s.at);
            model.set(String(s.key), [s.at, order++]);
          } else if (s.op === 'cancel') {
            heap.cancel(String(s.key));
            model.delete(String(s.key));
          } else {
            const expected = [...model.entries()]
              .filter(([, [at]]) => at <= s.until)
              .sort(([, a], [, b]) => a[0] - b[0] || a[1] - b[1])
              .map(([key, [at]]) => ({ key, at }));
            const popped: { key: string; at: number }[] = [];
            for (let entry = heap.popDue(s.until); entry !== undefined; entry = heap.popDue(s.until)) {
              popped.push({ key: entry.key, at: entry.at });
            }
            expect(popped).toEqual(expected);
            for (const { key } of expected) model.delete(key);
          }
          expect(heap.size).toBe(model.size);
        }
      }),
    );
  });

  it('reports when a key is due and forgets it once popped or cancelled', () => {
    const heap = new DueHeap();
    heap.schedule('a', 10);
    heap.schedule('b', 5);
    heap.schedule('a', 3);
    expect(heap.dueAt('a')).toBe(3);
    expect(heap.peek()).toMatchObject({ key: 'a', at: 3 });
    expect(heap.popDue(2)).toBeUndefined();
    expect(heap.popDue(4)).toMatchObject({ key: 'a' });
    expect(heap.dueAt('a')).toBeUndefined();
    heap.cancel('b');
    expect(heap.peek()).toBeUndefined();
    expect(heap.size).toBe(0);
  });

  it('keeps one live entry per key however often it is rescheduled', () => {
    const heap = new DueHeap();
    for (let i = 0; i < 10_000; i++) heap.schedule('only', i);
    expect(heap.size).toBe(1);
    expect(heap.popDue(Infinity)).toMatchObject({ key: 'only', at: 9_999 });
    expect(heap.peek()).toBeUndefined();
  });
});
