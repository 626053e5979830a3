import type { CallbackDispatcher } from '../callbacks/callback-dispatcher.js';
import { type TaskExitEvent, type TaskStateEvent, taskEvent } from '../callbacks/task-event.js';
import type { Scheduler } from '../clock/scheduler.js';
import type { TaskClock } from '../clock/task-clock.js';
import { type Due, nextDue } from '../lifecycle/next-due.js';
import type { TaskRecord } from '../lifecycle/task-record.js';
import { exitTask, failRelay, finishList, giveUp, retryRelay, startRelay } from '../lifecycle/transitions.js';
import type { MediaCatalog } from '../playback/media-catalog.js';
import { playedAt } from '../playback/play-clock.js';
import type { Player } from '../playback/player.js';
import { taskPlan } from '../playback/task-playback.js';
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
  /** Durations and availability of the media tasks play. */
  readonly media: MediaCatalog;
  /** Runs `work` as one store batch, then sends the events it committed; re-entrant. */
  transaction<T>(work: () => T): T;
  /** Writes `task`, reschedules it and, if `announce`, queues its event as of `atMs`. */
  commit(task: TaskRecord, announce: boolean, atMs: number): void;
  /** Runs every transition due at or before `untilMs`, each at its own due time, in due order. */
  runDue(untilMs: number): void;
  /** Rebuilds the schedule from the stored tasks (after opening a store). */
  reschedule(): void;
  /** Tells the player where every stored task stands (after opening a store: tasks running before a restart play again). */
  syncAll(): void;
}

export interface TaskRuntimeParts {
  store: TaskStore;
  clock: TaskClock;
  scheduler: Scheduler;
  callbacks: CallbackDispatcher;
  /** How long an exited task stays visible, in milliseconds. */
  retentionMs: number;
  media: MediaCatalog;
  /** A real player told of every committed change; absent: the task clock plays virtually. */
  player?: Player | undefined;
  /** Wait this long between retries instead of each task's RetryInterval, in ms. */
  retryIntervalMs?: number | undefined;
}

interface Announcement {
  taskId: string;
  url: string;
  event: TaskStateEvent | TaskExitEvent;
}

export function createTaskRuntime({
  store,
  clock,
  scheduler,
  callbacks,
  retentionMs,
  media,
  player,
  retryIntervalMs,
}: TaskRuntimeParts): TaskRuntime {
  let depth = 0;
  let announcements: Announcement[] = [];
  /** Tasks committed in the open transaction, for the player: id → task-clock ms of the change. */
  let touched = new Map<string, number>();
  const playback = { media, scheduleStops: player === undefined || !player.reportsStops, retryIntervalMs };
  const due = (task: TaskRecord): Due | undefined => nextDue(task, retentionMs, playback);

  function transaction<T>(work: () => T): T {
    depth += 1;
    let result: T;
    try {
      result = store.batch(work);
    } catch (error) {
      if (depth === 1) {
        announcements = [];
        touched = new Map();
      }
      throw error;
    } finally {
      depth -= 1;
    }
    if (depth === 0) {
      const sending = announcements;
      announcements = [];
      for (const { taskId, url, event } of sending) callbacks.send(taskId, url, event);
      if (player !== undefined) syncPlayer(player);
    }
    return result;
  }

  function syncPlayer(to: Player): void {
    const changed = touched;
    touched = new Map();
    for (const [taskId, atMs] of changed) {
      const task = store.get(taskId);
      if (task === undefined) {
        to.forget(taskId);
        continue;
      }
      const clock = task.playback;
      to.sync({
        taskId,
        playing: clock?.resumedAtMs !== undefined,
        plan: taskPlan(task, media),
        playedMs: clock === undefined ? 0 : playedAt(clock, atMs),
        atMs,
        run: task.runs ?? 0,
        status: task.status,
        destination: task.info.DstUrl,
        ...(task.offlineReason === undefined ? {} : { reason: task.offlineReason }),
        ...(task.fault === undefined ? {} : { reason: task.fault.reason }),
        ...(task.fault?.byPlayer === true ? { retry: task.fault.retriesDone } : {}),
        ...(task.exit === undefined ? {} : { exitReason: task.exit.reason }),
      });
    }
  }

  function commit(task: TaskRecord, announce: boolean, atMs: number): void {
    store.put(task);
    if (player !== undefined) touched.set(task.id, atMs);
    scheduler.schedule(task.id, due(task)?.at);
    const url = task.info.CallbackURL;
    // The event is built now: it shows the task as of this transition, not as of sending.
    if (announce && url !== '') announcements.push({ taskId: task.id, url, event: taskEvent(task, atMs) });
  }

  function fire(task: TaskRecord, due: Due): void {
    switch (due.kind) {
      case 'start':
        commit(task, startRelay(task, due.at), due.at);
        return;
      case 'retry':
        commit(task, retryRelay(task, due.at), due.at);
        return;
      case 'list-end':
        commit(task, finishList(task, due.at), due.at);
        return;
      case 'pull-failed':
        commit(task, failRelay(task, { reason: 'PullStreamFailed', sinceMs: due.at, retriesDone: 0 }), due.at);
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
        if (player !== undefined) touched.set(task.id, due.at);
        return;
    }
  }

  function fireDue(untilMs: number): void {
    for (let entry = scheduler.popDue(untilMs); entry !== undefined; entry = scheduler.popDue(untilMs)) {
      const task = store.get(entry.key);
      if (task === undefined) continue;
      const next = due(task);
      // Every commit reschedules its task, so the entry should agree with the task; if it does
      // not, the task is the truth: reschedule rather than fire a stale transition.
      if (next === undefined || next.at !== entry.at) scheduler.schedule(task.id, next?.at);
      else fire(task, next);
    }
  }

  function reschedule(): void {
    for (const task of store.all()) scheduler.schedule(task.id, due(task)?.at);
    scheduler.arm();
  }

  return {
    store,
    clock,
    media,
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
    syncAll() {
      if (player === undefined) return;
      const nowMs = clock.nowMs();
      for (const task of store.all()) touched.set(task.id, nowMs);
      syncPlayer(player);
    },
  };
}
