import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { createEntryTimeline, type TimedEntry } from './entry-timeline.js';

describe('createEntryTimeline', () => {
  // The case measured in ffmpeg-relay-notes §3: 3 × 10 s with `inpoint 4`: joins at 6 s and 16 s.
  const entries: TimedEntry[] = [
    { fileIndex: 1, startSeconds: 4, durationSeconds: 10 },
    { fileIndex: 2, startSeconds: 0, durationSeconds: 10 },
    { fileIndex: 0, startSeconds: 0, durationSeconds: 10 },
  ];
  const timeline = createEntryTimeline(entries);

  it('puts the joins where ffmpeg put them', () => {
    expect(timeline.endOf(1)).toBe(6);
    expect(timeline.endOf(2)).toBe(16);
    expect(timeline.at(0)).toEqual({ entry: 0, fileIndex: 1, offsetSeconds: 4, playedSeconds: 0 });
    expect(timeline.at(5.5)).toEqual({ entry: 0, fileIndex: 1, offsetSeconds: 9.5, playedSeconds: 5.5 });
    expect(timeline.at(6)).toEqual({ entry: 1, fileIndex: 2, offsetSeconds: 0, playedSeconds: 6 });
    expect(timeline.at(17)).toEqual({ entry: 2, fileIndex: 0, offsetSeconds: 1, playedSeconds: 17 });
  });

  it('stays at the end of the last entry past the end', () => {
    expect(timeline.at(99)).toEqual({ entry: 2, fileIndex: 0, offsetSeconds: 10, playedSeconds: 26 });
  });

  it('counts played time from the planned offset, not the keyframe before it', () => {
    // Offset 5 asked, keyframe at 4: the first second pushed is before the plan's start.
    const snapped = createEntryTimeline([
      { fileIndex: 0, startSeconds: 4, plannedStartSeconds: 5, durationSeconds: 10 },
      { fileIndex: 1, startSeconds: 0, durationSeconds: 10 },
    ]);
    expect(snapped.at(0.5).playedSeconds).toBe(0);
    expect(snapped.at(3).playedSeconds).toBe(2);
    expect(snapped.at(6)).toEqual({ entry: 1, fileIndex: 1, offsetSeconds: 0, playedSeconds: 5 });
    expect(snapped.playedAtEndOf(2)).toBe(15);
    expect(snapped.playedAtEndOf(1)).toBe(5);
  });

  it('agrees with a walk through the entries', () => {
    const entry = fc.record({
      fileIndex: fc.nat(5),
      startSeconds: fc.constant(0),
      durationSeconds: fc.double({ min: 0.5, max: 20, noNaN: true }),
    });
    fc.assert(
      fc.property(
        fc.array(entry, { minLength: 1, maxLength: 8 }),
        fc.double({ min: 0, max: 200, noNaN: true }),
        (list, out) => {
          const position = createEntryTimeline(list).at(out);
          let left = out;
          let j = 0;
          while (j < list.length - 1 && left >= list[j]!.durationSeconds) {
            left -= list[j]!.durationSeconds;
            j += 1;
          }
          expect(position.entry).toBe(j);
          expect(position.offsetSeconds).toBeCloseTo(Math.min(left, list[j]!.durationSeconds), 6);
        },
      ),
    );
  });
});
