import type { OperationName } from '../../../generated/operations.js';
import { LiveOptionError } from '../../errors/live-option-error.js';
import { formatUtcTimestamp, TASK_STATES } from '../../rules/index.js';
import { createCallbackDispatcher } from '../callbacks/callback-dispatcher.js';
import { createScheduler } from '../clock/scheduler.js';
import { createTaskClock, LATEST_TASK_CLOCK_MS } from '../clock/task-clock.js';
import { failRelay, finishList, playerRecovered, playerRetryFailed } from '../lifecycle/transitions.js';
import { type MediaCatalog, mediaCatalog } from '../playback/media-catalog.js';
import { moveClock } from '../playback/play-clock.js';
import type { PlaybackReport, Player } from '../playback/player.js';
import { createMemoryTaskStore } from '../store/memory-task-store.js';
import { openSqliteTaskStore } from '../store/sqlite-task-store.js';
import { ClockLockedError } from './clock-locked-error.js';
import { injectFault } from './inject-fault.js';
import type { OperationHandler } from './operation-types.js';
import { handlers } from './operations/handlers.js';
import { ServiceError } from './service-error.js';
import { createTaskRuntime, type TaskRuntime } from './task-runtime.js';
import type { TaskService } from './task-service.js';

export interface TaskServiceOptions {
  /**
   * SQLite file that keeps tasks and the task clock across restarts (better-sqlite3, loaded only
   * when this is given). Absent: tasks live in memory only.
   */
  dataFile?: string;
  /** How long an exited task stays visible to Describe and List, in task-clock seconds (default 86,400: 24 h). */
  retentionSeconds?: number;
  /** Cut-off for one callback delivery, in milliseconds (default 2000). */
  callbackTimeoutMs?: number;
  /** Most callback events queued or in flight at once; more are dropped and counted (default 10,000). */
  callbackQueueLimit?: number;
  /**
   * Run transitions as real time passes, from one unref'd timer (default true). When false they
   * run only when a request or `advanceClock` reads the clock, which suits deterministic tests.
   */
  realTimeScheduling?: boolean;
  /** Told about a failure inside a timer-driven transition (default: `process.emitWarning`). */
  onError?: (error: unknown) => void;
  /**
   * Durations and availability of the media tasks play (see `mediaCatalog`). Default: every
   * medium plays for {@link DEFAULT_MEDIA_DURATION_SECONDS} and can be pulled.
   */
  media?: MediaCatalog;
  /**
   * Keep the task clock still between `advanceClock` calls instead of following real time, from
   * a whole second: positions and transitions then depend only on the calls made (default false).
   */
  frozenClock?: boolean;
  /** A real player that plays every task's plan and reports back (see `Player`); default: the task clock plays virtually. */
  player?: Player;
  /** Seconds between retries instead of each task's RetryInterval (relay tests and demos; default: RetryInterval). */
  retryIntervalSeconds?: number;
  /**
   * The task clock is real time and cannot be advanced (relay mode: real media plays on it);
   * `advanceClock` then throws ClockLockedError with this sentence.
   */
  realClockOnly?: string;
}

export const DEFAULT_RETENTION_SECONDS = 86_400;

/** Builds the task service the emulator's gateway calls. */
export function createTaskService(options: TaskServiceOptions = {}): TaskService {
  const retentionSeconds = options.retentionSeconds ?? DEFAULT_RETENTION_SECONDS;
  if (!(retentionSeconds >= 0))
    throw new LiveOptionError('retentionSeconds', `retentionSeconds must be >= 0, got ${retentionSeconds}`);
  const onError =
    options.onError ?? ((error: unknown) => process.emitWarning(error instanceof Error ? error : String(error)));
  const store = options.dataFile === undefined ? createMemoryTaskStore() : openSqliteTaskStore(options.dataFile);
  const frozenAt = Math.floor(Date.now() / 1000) * 1000;
  const clock =
    options.realClockOnly !== undefined
      ? createTaskClock(0)
      : createTaskClock(store.clockOffsetMs(), options.frozenClock === true ? () => frozenAt : Date.now);
  const media = options.media ?? mediaCatalog({});
  const callbacks = createCallbackDispatcher({
    ...(options.callbackTimeoutMs === undefined ? {} : { timeoutMs: options.callbackTimeoutMs }),
    ...(options.callbackQueueLimit === undefined ? {} : { maxPending: options.callbackQueueLimit }),
  });
  const scheduler = createScheduler({
    clock,
    realTime: options.realTimeScheduling ?? true,
    onDue: () => runtime.runDue(clock.nowMs()),
    onError,
  });
  const runtime = createTaskRuntime({
    store,
    clock,
    scheduler,
    callbacks,
    retentionMs: retentionSeconds * 1000,
    media,
    player: options.player,
    retryIntervalMs: options.retryIntervalSeconds === undefined ? undefined : options.retryIntervalSeconds * 1000,
  });
  runtime.reschedule();
  runtime.syncAll();
  let closed = false;

  function assertOpen(): void {
    if (closed) throw new Error('the task service is closed');
  }

  return {
    handle(action, params) {
      assertOpen();
      if (!Object.hasOwn(handlers, action))
        throw new ServiceError(
          'InvalidAction.NotFound',
          `Action ${JSON.stringify(action)} is not a pull-to-push operation`,
          'Action',
        );
      const nowMs = clock.nowMs();
      runtime.runDue(nowMs);
      const handler = handlers[action] as OperationHandler<OperationName>;
      const body = runtime.transaction(() => handler(runtime, params as never, nowMs));
      scheduler.arm();
      return body as Record<string, unknown>;
    },

    advanceClock(seconds) {
      assertOpen();
      if (options.realClockOnly !== undefined) throw new ClockLockedError(options.realClockOnly);
      if (!(Number.isFinite(seconds) && seconds >= 0)) {
        throw new ServiceError('InvalidParameter', `seconds must be a finite number >= 0 (got ${seconds})`, 'seconds');
      }
      const ms = seconds * 1000;
      const room = LATEST_TASK_CLOCK_MS - clock.nowMs();
      if (ms > room) {
        throw new ServiceError(
          'InvalidParameter',
          `moving the task clock ${seconds} seconds would take it past ${formatUtcTimestamp(new Date(LATEST_TASK_CLOCK_MS))}, the latest it may show; it can move at most ${Math.max(0, Math.floor(room / 1000))} seconds more (reset puts it back on real time)`,
          'seconds',
        );
      }
      runtime.runDue(clock.nowMs() + ms);
      clock.advance(ms);
      store.saveClockOffset(clock.offsetMs());
      scheduler.arm();
      return { now: formatUtcTimestamp(new Date(clock.nowMs())) };
    },

    injectFault(fault) {
      assertOpen();
      const nowMs = clock.nowMs();
      runtime.runDue(nowMs);
      runtime.transaction(() => injectFault(runtime, fault, nowMs));
      // With RetryCount 0 the task gives up at once.
      runtime.runDue(nowMs);
      scheduler.arm();
    },

    reportPlayback(taskId, report) {
      assertOpen();
      const nowMs = clock.nowMs();
      runtime.runDue(nowMs);
      runtime.transaction(() => applyReport(runtime, taskId, report, nowMs));
      runtime.runDue(nowMs);
      scheduler.arm();
    },

    reset() {
      assertOpen();
      if (options.player !== undefined) for (const task of store.all()) options.player.forget(task.id);
      callbacks.abandon();
      scheduler.clear();
      store.clear();
      clock.reset();
    },

    now: () => new Date(clock.nowMs()),

    async close() {
      if (closed) return;
      closed = true;
      scheduler.stop();
      if (options.player !== undefined) for (const task of store.all()) options.player.forget(task.id);
      callbacks.abandon();
      store.close();
    },

    callbackStats: () => callbacks.stats(),
    callbacksIdle: () => callbacks.idle(),
    relayInput: (taskId) => store.get(taskId)?.relay,
  };
}

/** A player's report on a task it plays; ignored unless the task is Running (a late report). */
function applyReport(runtime: TaskRuntime, taskId: string, report: PlaybackReport, nowMs: number): void {
  const task = runtime.store.get(taskId);
  if (task === undefined || task.playback === undefined) return;
  if (task.status === TASK_STATES.Recovering && task.fault?.byPlayer === true) {
    // The outcome of a retry the player tried.
    if (report.kind === 'recovered') runtime.commit(task, playerRecovered(task, nowMs), nowMs);
    else if (report.kind === 'failed') runtime.commit(task, playerRetryFailed(task, report.reason), nowMs);
    return;
  }
  if (task.status !== TASK_STATES.Running) return;
  switch (report.kind) {
    case 'position':
      task.playback = moveClock(task.playback, report.playedMs, nowMs);
      runtime.commit(task, false, nowMs);
      return;
    case 'failed':
      runtime.commit(
        task,
        failRelay(task, { reason: report.reason, sinceMs: nowMs, retriesDone: 0, byPlayer: true }),
        nowMs,
      );
      return;
    case 'recovered':
      return;
    case 'finished':
      runtime.commit(task, finishList(task, nowMs), nowMs);
      return;
  }
}
