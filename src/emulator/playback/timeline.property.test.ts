import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { type PlayClock, pauseClock, playedAt, repassClock, resumeClock, startClock } from './play-clock.js';
import { nextStop, positionAt } from './play-position.js';
import { type ListPlan, passesFor } from './playlist-plan.js';

/*
 * The lazily computed position (play clock + plan, read when asked) against a naive model that
 * steps playback one second at a time, for random lists, offsets, repeats, RepeatNumber updates,
 * pauses (Recovering), stops and restarts. Both sides start runs, end lists and pause the same way
 * the emulator does; only the naive side ever ticks.
 */

type Event =
  | { kind: 'tick'; seconds: number }
  | { kind: 'repeat'; repeatNumber: number }
  | { kind: 'pause' }
  | { kind: 'resume' }
  | { kind: 'stop' }
  | { kind: 'restart'; fileIndex: number; offset: number };

const event: fc.Arbitrary<Event> = fc.oneof(
  {
    weight: 6,
    arbitrary: fc.record({ kind: fc.constant('tick' as const), seconds: fc.integer({ min: 1, max: 400 }) }),
  },
  {
    weight: 2,
    arbitrary: fc.record({ kind: fc.constant('repeat' as const), repeatNumber: fc.integer({ min: -1, max: 4 }) }),
  },
  { weight: 1, arbitrary: fc.record({ kind: fc.constant('pause' as const) }) },
  { weight: 1, arbitrary: fc.record({ kind: fc.constant('resume' as const) }) },
  { weight: 1, arbitrary: fc.record({ kind: fc.constant('stop' as const) }) },
  {
    weight: 1,
    arbitrary: fc.record({
      kind: fc.constant('restart' as const),
      fileIndex: fc.nat({ max: 5 }),
      offset: fc.nat({ max: 150 }),
    }),
  },
);

/** The naive side: where playback is, moved one second per tick. */
interface Naive {
  index: number;
  offset: number;
  pass: number;
  passes: number | null;
  phase: 'playing' | 'paused' | 'stopped' | 'finished';
}

function naiveStart(durations: number[], fileIndex: number, offset: number, repeatNumber: number): Naive {
  const state: Naive = { index: fileIndex, offset: 0, pass: 0, passes: passesFor(repeatNumber), phase: 'playing' };
  // Seek second by second too, so the naive side shares no arithmetic with the lazy one.
  for (let i = 0; i < offset && state.offset < durations[state.index]!; i++) state.offset += 1;
  settle(durations, state);
  return state;
}

/** Moves past every video whose end the position has reached; finishes after the last pass. */
function settle(durations: number[], state: Naive): void {
  while (state.phase === 'playing' && state.offset >= durations[state.index]!) {
    if (state.index === durations.length - 1) {
      if (state.passes !== null && state.pass + 1 >= state.passes) {
        state.phase = 'finished';
        return;
      }
      state.index = 0;
      state.pass += 1;
    } else {
      state.index += 1;
    }
    state.offset = 0;
  }
}

function naiveTick(durations: number[], state: Naive): void {
  if (state.phase !== 'playing') return;
  state.offset += 1;
  settle(durations, state);
}

describe('lazy playback position', () => {
  it('equals a second-by-second simulation through repeats, updates, pauses, stops and restarts', () => {
    fc.assert(
      fc.property(
        fc.array(fc.integer({ min: 1, max: 90 }), { minLength: 1, maxLength: 6 }),
        fc.nat({ max: 5 }),
        fc.nat({ max: 150 }),
        fc.integer({ min: -1, max: 3 }),
        fc.array(event, { maxLength: 40 }),
        (durations, fileIndexSeed, offset, repeatNumber, events) => {
          const items = durations.map((d, i) => ({ source: `m${i}`, durationMs: d * 1000, missing: false }));
          let repeat = repeatNumber;
          let nowMs = 1_000_000;
          const planFrom = (fileIndex: number, offsetSeconds: number): ListPlan => ({
            kind: 'list',
            items,
            startIndex: fileIndex,
            startOffsetMs: offsetSeconds * 1000,
            passes: null,
          });
          let fileIndex = fileIndexSeed % durations.length;
          let basePlan = planFrom(fileIndex, offset);
          let clock: PlayClock = startClock(passesFor(repeat), nowMs);
          let phase: Naive['phase'] = 'playing';
          const naive = naiveStart(durations, fileIndex, offset, repeat);
          const plan = (): ListPlan => ({ ...basePlan, passes: clock.passes });

          /** The emulator's scheduled list end: pause the clock when the last pass ends. */
          const runListEnd = (untilMs: number): void => {
            if (phase !== 'playing' || clock.resumedAtMs === undefined) return;
            const stop = nextStop(plan(), clock.playedMs);
            if (stop === undefined) return;
            const at = clock.resumedAtMs + stop.atPlayedMs - clock.playedMs;
            if (at <= untilMs) {
              clock = pauseClock(clock, at);
              phase = 'finished';
            }
          };
          runListEnd(nowMs);

          for (const e of events) {
            switch (e.kind) {
              case 'tick':
                for (let i = 0; i < e.seconds; i++) naiveTick(durations, naive);
                runListEnd(nowMs + e.seconds * 1000);
                nowMs += e.seconds * 1000;
                break;
              case 'repeat': {
                repeat = e.repeatNumber;
                if (phase === 'playing' || phase === 'paused') {
                  const pass = positionAt(plan(), playedAt(clock, nowMs)).pass;
                  clock = repassClock(clock, passesFor(repeat), pass);
                  naive.passes = repeat < 0 ? null : Math.max(repeat + 1, naive.pass + 1);
                }
                break;
              }
              case 'pause':
                if (phase === 'playing') {
                  clock = pauseClock(clock, nowMs);
                  phase = naive.phase = 'paused';
                }
                break;
              case 'resume':
                if (phase === 'paused') {
                  clock = resumeClock(clock, nowMs);
                  phase = naive.phase = 'playing';
                  runListEnd(nowMs);
                }
                break;
              case 'stop':
                if (phase === 'playing' || phase === 'paused') {
                  clock = pauseClock(clock, nowMs);
                  phase = naive.phase = 'stopped';
                }
                break;
              case 'restart':
                fileIndex = e.fileIndex % durations.length;
                basePlan = planFrom(fileIndex, e.offset);
                clock = startClock(passesFor(repeat), nowMs);
                phase = 'playing';
                Object.assign(naive, naiveStart(durations, fileIndex, e.offset, repeat));
                runListEnd(nowMs);
                break;
            }
            const here = positionAt(plan(), playedAt(clock, nowMs));
            const naiveFinished = naive.phase === 'finished';
            // runListEnd moves phase inside a closure, which TypeScript's narrowing does not see.
            expect((phase as Naive['phase']) === 'finished').toBe(naiveFinished);
            expect({ index: here.index, offset: Math.floor(here.offsetMs / 1000), pass: here.pass }).toEqual(
              naiveFinished
                ? { index: durations.length - 1, offset: durations.at(-1), pass: naive.pass }
                : { index: naive.index, offset: naive.offset, pass: naive.pass },
            );
          }
        },
      ),
      { numRuns: 300 },
    );
  });
});
