/**
 * How long a task's current run has played, kept as plain JSON on the task record: play time
 * banked up to the last pause, and the task time playing resumed (absent while paused). The
 * position is derived from this and the plan when read; nothing ticks.
 */
export interface PlayClock {
  /** Passes of the list in force, the first included; null loops. */
  readonly passes: number | null;
  /** Milliseconds played before `resumedAtMs` (or in all, while paused). */
  readonly playedMs: number;
  /** Task-clock ms at which playing last resumed; absent while paused or stopped. */
  readonly resumedAtMs?: number;
}

/** A run that starts playing at task time `atMs`. */
export function startClock(passes: number | null, atMs: number): PlayClock {
  return { passes, playedMs: 0, resumedAtMs: atMs };
}

/** Milliseconds played by task time `atMs`. */
export function playedAt(clock: PlayClock, atMs: number): number {
  return clock.resumedAtMs === undefined ? clock.playedMs : clock.playedMs + Math.max(atMs - clock.resumedAtMs, 0);
}

/** The same run, paused at task time `atMs` (Recovering, stopped, ended, exited). */
export function pauseClock(clock: PlayClock, atMs: number): PlayClock {
  if (clock.resumedAtMs === undefined) return clock;
  return { passes: clock.passes, playedMs: playedAt(clock, atMs) };
}

/** The same run, playing again from where it paused, from task time `atMs`. */
export function resumeClock(clock: PlayClock, atMs: number): PlayClock {
  return { passes: clock.passes, playedMs: clock.playedMs, resumedAtMs: atMs };
}

/** The same run, standing at `playedMs` as of `atMs` (a real player reporting where it is). */
export function moveClock(clock: PlayClock, playedMs: number, atMs: number): PlayClock {
  return clock.resumedAtMs === undefined
    ? { passes: clock.passes, playedMs }
    : { passes: clock.passes, playedMs, resumedAtMs: atMs };
}

/**
 * The passes after RepeatNumber changes during a run, "immediately": the new count, but never
 * fewer than the pass now playing, which always finishes.
 * @param currentPass the pass playing now (0 = the first)
 */
export function repassClock(clock: PlayClock, passes: number | null, currentPass: number): PlayClock {
  const kept = passes === null ? null : Math.max(passes, currentPass + 1);
  return { ...clock, passes: kept };
}
