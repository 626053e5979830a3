import type { OperationName } from '../../../generated/operations.js';
import type { CallbackStats } from '../callbacks/callback-dispatcher.js';
import type { FaultReason, RelayInput } from '../lifecycle/task-record.js';
import type { PlaybackReport } from '../playback/player.js';

/** A fault injected into a running task (emulator control route). */
export interface InjectedFault {
  TaskId: string;
  /** Which side fails: the source pull or the destination push. */
  Reason: FaultReason;
  /** The retry (1-based) that succeeds and returns the task to Running; absent: every retry fails. */
  RecoverAfterRetries?: number;
}

/** The emulator's domain: tasks, their lifecycle, the task clock, persistence and callbacks. */
export interface TaskService {
  /**
   * Runs one operation on schema-valid typed params; returns the 200 body without RequestId.
   * Synchronous, so each request is atomic. Throws ServiceError.
   */
  handle(action: OperationName, params: Record<string, unknown>): Record<string, unknown>;
  /** Moves the task clock forward, running every transition that falls due, in order. */
  advanceClock(seconds: number): { now: string };
  /**
   * Makes a Running or Recovering task fail: Recovering at once, then a retry every
   * RetryInterval; Offline after RetryCount failed retries, Running again at RecoverAfterRetries.
   * A fault on a Recovering task replaces its fault and starts the retries over.
   * @throws ServiceError CodeTaskNotExist (unknown or exited), CodeTaskHasStopped (not running),
   *   InvalidParameter (bad Reason or RecoverAfterRetries)
   */
  injectFault(fault: InjectedFault): void;
  /**
   * A real player's report on the task it plays (see `Player`): where it stands, a failure
   * (Recovering, then the task's retries) or the end of the list. Ignored unless the task is
   * Running, since a report can arrive after the task moved on.
   */
  reportPlayback(taskId: string, report: PlaybackReport): void;
  /** Deletes every task, resets the task clock to real time and drops queued callbacks. */
  reset(): void;
  /** The task clock. */
  now(): Date;
  /** Stops the scheduler, abandons callbacks still queued or in flight, closes the store. */
  close(): Promise<void>;

  // Additions beyond the gateway contract, for control routes and tests.

  /** Callback delivery counters. */
  callbackStats(): CallbackStats;
  /** Resolves once every queued callback has been delivered or has failed. */
  callbacksIdle(): Promise<void>;
  /**
   * What the relay of a task is actually using, which the API does not show for SourceUrls:
   * after an Update on a stopped task it differs from TaskInfo until the next restart.
   * Undefined for an unknown or purged task.
   */
  relayInput(taskId: string): Readonly<RelayInput> | undefined;
}
