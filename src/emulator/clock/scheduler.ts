import { type DueEntry, DueHeap } from './due-heap.js';
import type { TaskClock } from './task-clock.js';

/** Node's setTimeout clamps longer delays to 1 ms; longer waits re-arm on wake-up. */
const MAX_TIMER_DELAY_MS = 2 ** 31 - 1;
/** After a failed run of due transitions (a store write failed), wait this long before trying again, in ms. */
const RETRY_AFTER_FAILURE_MS = 1000;

/**
 * Pending task transitions: one heap entry per task (its next due time) and, in real-time mode,
 * a single unref'd timer aimed at the earliest entry, so 100,000 idle tasks cost no timers and
 * never keep the process alive.
 */
export interface Scheduler {
  /** Sets when `key` is next due; `undefined` clears it. */
  schedule(key: string, at: number | undefined): void;
  /** When the earliest entry is due (task-clock ms), or undefined when nothing is pending. */
  nextDueAt(): number | undefined;
  /** Removes and returns the earliest entry due at or before `until` (task-clock ms). */
  popDue(until: number): DueEntry | undefined;
  /** Points the real-time timer at the earliest entry (no-op when real-time scheduling is off). */
  arm(): void;
  /** Drops every entry and the timer. */
  clear(): void;
  /** Stops the timer for good. */
  stop(): void;
}

export interface SchedulerOptions {
  clock: TaskClock;
  /** Fire due entries from a timer as real time passes; when false only explicit runs fire them. */
  realTime: boolean;
  /** Called from the timer when the earliest entry falls due. */
  onDue: () => void;
  /** Told when `onDue` throws; the timer then retries after a second. */
  onError: (error: unknown) => void;
}

export function createScheduler({ clock, realTime, onDue, onError }: SchedulerOptions): Scheduler {
  const heap = new DueHeap();
  let timer: NodeJS.Timeout | undefined;
  let timerAt: number | undefined;
  let stopped = false;

  function disarm(): void {
    if (timer !== undefined) clearTimeout(timer);
    timer = undefined;
    timerAt = undefined;
  }

  function arm(): void {
    if (!realTime || stopped) return;
    const next = heap.peek()?.at;
    if (next === timerAt && timer !== undefined) return;
    disarm();
    if (next === undefined) return;
    startTimer(next, Math.min(Math.max(next - clock.nowMs(), 0), MAX_TIMER_DELAY_MS));
  }

  function startTimer(at: number, delay: number): void {
    timerAt = at;
    timer = setTimeout(() => {
      timer = undefined;
      timerAt = undefined;
      try {
        onDue();
      } catch (error) {
        onError(error);
        if (!stopped) startTimer(at, RETRY_AFTER_FAILURE_MS);
        return;
      }
      arm();
    }, delay);
    timer.unref();
  }

  return {
    schedule(key, at) {
      if (at === undefined) heap.cancel(key);
      else heap.schedule(key, at);
    },
    nextDueAt: () => heap.peek()?.at,
    popDue: (until) => heap.popDue(until),
    arm,
    clear() {
      heap.clear();
      disarm();
    },
    stop() {
      stopped = true;
      disarm();
    },
  };
}
