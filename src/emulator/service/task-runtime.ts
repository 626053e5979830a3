import type { CallbackDispatcher } from '../callbacks/callback-dispatcher.js';
import { type TaskExitEvent, type TaskStateEvent, taskEvent } from '../callbacks/task-event.js';
import type { Scheduler } from '../clock/scheduler.js';
import type { TaskClock } from '../clock/task-clock.js';
import { type Due, nextDue } from '../lifecycle/next-due.js';
import type { TaskRecord } from '../lifecycle/task-record.js';
import { exitTask, giveUp, retryRelay, startRelay } from '../lifecycle/transitions.js';
import type { TaskStore } from '../store/task-store.js';

/**
 * The service's moving parts bound together. Every change to a task goes through `commit`,
 * inside `transaction`: the store writes it, the schedule points at its next due time, and its
 * event is sent once the transaction is durable, so the store, the schedule and the callbacks
 * never disagree (a rolled-back change is never announced).
 */
export interface TaskRuntime {
  readonly store: TaskStore;
  readonly clock: TaskClock;
  /** Runs `work` as one store batch, then sends the events it committed; re-entrant. */
  transaction<T>(work: () => T): T;
  /** Writes `task`, reschedules it and, if `announce`, queues its event as of `atMs`. */
  commit(task: TaskRecord, announce: boolean, atMs: number): void;
  /** Runs every transition due at or before `untilMs`, each at its own due time, in due order. */
  runDue(untilMs: number): void;
  /** Rebuilds the schedule from the stored tasks (after opening a store). */
  reschedule(): void;
}

export interface TaskRuntimeParts {
  store: TaskStore;
  clock: TaskClock;
  scheduler: Scheduler;
  callbacks: CallbackDispatcher;
  /** How long an exited task stays visible, in milliseconds. */
  retentionMs: number;
}

interface Announcement {
  taskId: string;
  url: string;
  event: TaskStateEvent | TaskExitEvent;
}

export function createTaskRuntime({ store, clock, scheduler, callbacks, retentionMs }: TaskRuntimeParts): TaskRuntime {
  let depth = 0;
  let announcements: Announcement[] = [];

  function transaction<T>(work: () => T): T {
    depth += 1;
    let result: T;
    try {
      result = store.batch(work);
    } catch (error) {
      if (depth === 1) announcements = [];
      throw error;
    } finally {
      depth -= 1;
    }
    if (depth === 0) {
      const sending = announcements;
      announcements = [];
      for (const { taskId, url, event } of sending) callbacks.send(taskId, url, event);
    }
    return result;
  }

  function commit(task: TaskRecord, announce: boolean, atMs: number): void {
    store.put(task);
    scheduler.schedule(task.id, nextDue(task, retentionMs)?.at);
    const url = task.info.CallbackURL;
    // The event is built now: it shows the task as of this transition, not as of sending.
    if (announce && url !== '') announcements.push({ taskId: task.id, url, event: taskEvent(task, atMs) });
  }

  function fire(task: TaskRecord, due: Due): void {
    switch (due.kind) {
      case 'start':
        commit(task, startRelay(task), due.at);
        return;
      case 'retry':
        commit(task, retryRelay(task), due.at);
        return;
      case 'give-up':
        commit(task, giveUp(task), due.at);
        return;
      case 'end':
        commit(task, exitTask(task, 'OverEndTime', due.at), due.at);
        return;
      case 'purge':
        store.delete(task.id);
        scheduler.schedule(task.id, undefined);
        return;
    }
  }

  function fireDue(untilMs: number): void {
    for (let entry = scheduler.popDue(untilMs); entry !== undefined; entry = scheduler.popDue(untilMs)) {
      const task = store.get(entry.key);
      if (task === undefined) continue;
      const due = nextDue(task, retentionMs);
      // Every commit reschedules its task, so the entry should agree with the task; if it does
      // not, the task is the truth: reschedule rather than fire a stale transition.
      if (due === undefined || due.at !== entry.at) scheduler.schedule(task.id, due?.at);
      else fire(task, due);
    }
  }

  function reschedule(): void {
    for (const task of store.all()) scheduler.schedule(task.id, nextDue(task, retentionMs)?.at);
    scheduler.arm();
  }

  return {
    store,
    clock,
    transaction,
    commit,
    runDue(untilMs) {
      const next = scheduler.nextDueAt();
      if (next === undefined || next > untilMs) return;
      try {
        transaction(() => fireDue(untilMs));
      } catch (error) {
        // The store rolled back and reloaded the tasks, but the entries popped are gone.
        reschedule();
        throw error;
      }
      scheduler.arm();
    },
    reschedule,
  };
}
