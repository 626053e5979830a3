import { TASK_STATES } from '../../rules/index.js';
import { retryCount } from './next-due.js';
import type { ExitReason, Fault, TaskRecord } from './task-record.js';

/*
 * Each transition mutates the task and returns true when the change must be announced to the
 * task's CallbackUrl (a state event, or the exit event once the task has exited).
 * Callers check the task's state first; these functions assume the move is allowed.
 */

/** StartTime reached, or a restart: the relay (re)starts with the latest configuration. */
export function startRelay(task: TaskRecord): true {
  task.status = TASK_STATES.Running;
  task.relay = {
    // Shared, not copied: Update replaces TaskInfo's arrays, never mutates them.
    sourceUrls: task.info.SourceUrls,
    fileIndex: task.info.FileIndex ?? 0,
    offset: task.info.Offset ?? 0,
  };
  delete task.fault;
  delete task.offlineReason;
  return true;
}

/**
 * The source or the destination failed: Recovering until a retry succeeds or they run out.
 * A new fault on a Recovering task replaces the old one and starts the retries over, unannounced.
 */
export function failRelay(task: TaskRecord, fault: Fault): boolean {
  const wasRecovering = task.status === TASK_STATES.Recovering;
  task.status = TASK_STATES.Recovering;
  task.fault = fault;
  delete task.offlineReason;
  return !wasRecovering;
}

/** One retry RetryInterval after the last: back to Running, Offline after the last, or no change. */
export function retryRelay(task: TaskRecord): boolean {
  const fault = task.fault;
  if (fault === undefined) return false;
  fault.retriesDone += 1;
  if (fault.recoverAfterRetries !== undefined && fault.retriesDone >= fault.recoverAfterRetries) {
    task.status = TASK_STATES.Running;
    delete task.fault;
    return true;
  }
  if (fault.retriesDone >= retryCount(task)) return giveUp(task);
  return false;
}

/** Retries exhausted: Offline, with the fault as TaskInvalidReason. */
export function giveUp(task: TaskRecord): boolean {
  const fault = task.fault;
  if (fault === undefined) return false;
  task.status = TASK_STATES.Offline;
  task.offlineReason = fault.reason;
  delete task.fault;
  return true;
}

/** StopLivePullToPush on a Running or Recovering task. */
export function stopRelay(task: TaskRecord): true {
  task.status = TASK_STATES.Offline;
  task.offlineReason = 'TriggerByUser';
  delete task.fault;
  return true;
}

/** EndTime passed or DeleteLivePullToPush: the task exits for good. */
export function exitTask(task: TaskRecord, reason: ExitReason, atMs: number): true {
  task.status = TASK_STATES.Exit;
  task.exit = { reason, atMs };
  delete task.fault;
  return true;
}

/** Whether the relay is up (including retrying): Stop applies, Update is restricted. */
export function isRelayUp(task: TaskRecord): boolean {
  return task.status === TASK_STATES.Running || task.status === TASK_STATES.Recovering;
}
