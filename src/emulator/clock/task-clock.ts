/**
 * The task clock: real time plus an offset that only grows (until a reset). Task times (StartTime, EndTime,
 * retries, TaskExitTime, EventTime) are read from it; request signatures are not.
 */
export interface TaskClock {
  /** Task time in milliseconds since the Unix epoch. */
  nowMs(): number;
  /** How far the task clock runs ahead of real time, in milliseconds. */
  offsetMs(): number;
  /** Moves the task clock forward by `ms` milliseconds (>= 0). */
  advance(ms: number): void;
  /** Puts the task clock back on real time (emulator reset). */
  reset(): void;
}

/**
 * The latest task time the clock may be moved to: 9999-01-01T00:00:00Z, in ms since the epoch. The
 * API writes times as `yyyy-MM-ddTHH:mm:ssZ`, so a clock past 9999 cannot be shown; the year left
 * over covers the real time that passes afterwards and the 7-day window of the tasks created then.
 */
export const LATEST_TASK_CLOCK_MS = Date.UTC(9999, 0, 1);

/**
 * @param initialOffsetMs starting offset in milliseconds (default 0: task time = real time)
 * @param realNow source of real time in milliseconds (default `Date.now`)
 */
export function createTaskClock(initialOffsetMs = 0, realNow: () => number = Date.now): TaskClock {
  let offset = initialOffsetMs;
  return {
    nowMs: () => realNow() + offset,
    offsetMs: () => offset,
    advance(ms) {
      if (!(ms >= 0) || !Number.isFinite(ms))
        throw new RangeError(`clock advance must be a finite number >= 0, got ${ms}`);
      offset += ms;
    },
    reset() {
      offset = 0;
    },
  };
}
