import { describe, expect, it } from 'vitest';
import { firstPassMs, nextStop, planLengthMs, planSegments, positionAt } from './play-position.js';
import type { ListPlan } from './playlist-plan.js';

const s = (seconds: number): number => seconds * 1000;

/** Three media of 60, 120 and 30 s from FileIndex 1, Offset 10, RepeatNumber 1 (two passes). */
const PLAN: ListPlan = {
  kind: 'list',
  items: [
    { source: 'a', durationMs: s(60), missing: false },
    { source: 'b', durationMs: s(120), missing: false },
    { source: 'c', durationMs: s(30), missing: false },
  ],
  startIndex: 1,
  startOffsetMs: s(10),
  passes: 2,
};

describe('positionAt', () => {
  it.each([
    [0, 1, 10, 0],
    [50, 1, 60, 0],
    [109, 1, 119, 0],
    [110, 2, 0, 0],
    [139, 2, 29, 0],
    [140, 0, 0, 1],
    [199, 0, 59, 1],
    [200, 1, 0, 1],
    [320, 2, 0, 1],
    [349, 2, 29, 1],
  ])('after %i s played: file %i at %i s, pass %i', (played, index, offset, pass) => {
    expect(positionAt(PLAN, s(played))).toEqual({ index, offsetMs: s(offset), pass, finished: false });
  });

  it('stands at the end of the last video once the last pass is over', () => {
    expect(planLengthMs(PLAN)).toBe(s(350));
    expect(positionAt(PLAN, s(350))).toEqual({ index: 2, offsetMs: s(30), pass: 1, finished: true });
    expect(positionAt(PLAN, s(10_000))).toEqual({ index: 2, offsetMs: s(30), pass: 1, finished: true });
  });

  it('skips a first video whose Offset is past its end', () => {
    const plan: ListPlan = { ...PLAN, startIndex: 0, startOffsetMs: s(90) };
    expect(firstPassMs(plan)).toBe(s(150));
    expect(positionAt(plan, 0)).toEqual({ index: 1, offsetMs: 0, pass: 0, finished: false });
  });

  it('loops forever with passes null', () => {
    const loop: ListPlan = { ...PLAN, passes: null };
    expect(planLengthMs(loop)).toBe(Infinity);
    expect(positionAt(loop, s(140 + 210 * 1000 + 70))).toEqual({
      index: 1,
      offsetMs: s(10),
      pass: 1001,
      finished: false,
    });
  });
});

describe('nextStop', () => {
  it('is the end of the last pass, or nothing for a loop', () => {
    expect(nextStop(PLAN, s(12))).toEqual({ kind: 'list-end', atPlayedMs: s(350) });
    expect(nextStop({ ...PLAN, passes: null }, s(12))).toBeUndefined();
  });

  it('is the first missing video ahead, in this pass or the next', () => {
    const items = PLAN.items.map((item, i) => ({ ...item, missing: i === 0 }));
    const plan: ListPlan = { ...PLAN, items };
    expect(nextStop(plan, s(12))).toEqual({ kind: 'missing', atPlayedMs: s(140) });
    expect(nextStop({ ...plan, passes: 1 }, s(12))).toEqual({ kind: 'list-end', atPlayedMs: s(140) });
    expect(nextStop({ ...plan, startIndex: 0, startOffsetMs: 0 }, 0)).toEqual({ kind: 'missing', atPlayedMs: 0 });
  });

  it('fails a missing stream at once and lets a good one run', () => {
    expect(nextStop({ kind: 'stream', source: 'rtmp://a/b/c', missing: true }, 5)).toEqual({
      kind: 'missing',
      atPlayedMs: 5,
    });
    expect(nextStop({ kind: 'stream', source: 'rtmp://a/b/c', missing: false }, 5)).toBeUndefined();
  });
});

describe('planSegments', () => {
  it('lists what a player plays, in order, from where it stands', () => {
    const segments = [...planSegments(PLAN, s(100))].map((x) => [
      x.index,
      x.pass,
      x.fromMs / 1000,
      x.durationMs / 1000,
    ]);
    expect(segments).toEqual([
      [1, 0, 110, 10],
      [2, 0, 0, 30],
      [0, 1, 0, 60],
      [1, 1, 0, 120],
      [2, 1, 0, 30],
    ]);
  });

  it('adds up to the plan length', () => {
    let total = 0;
    for (const segment of planSegments(PLAN)) total += segment.durationMs;
    expect(total).toBe(planLengthMs(PLAN));
  });
});
