import { TASK_STATES } from '../../rules/index.js';
import { pauseClock, resumeClock, startClock } from '../playback/play-clock.js';
import { passesFor } from '../playback/playlist-plan.js';
import { retryCount } from './next-due.js';
import type { ExitReason, Fault, TaskRecord } from './task-record.js';

/*
 * Each transition mutates the task and returns true when the change must be announced to the
 * task's CallbackUrl (a state event, or the exit event once the task has exited).
 * Callers check the task's state first; these functions assume the move is allowed.
 * Playback follows the state: it runs only while Running and pauses everywhere else.
 */

/**
 * StartTime reached, or a restart at task time `atMs`: the relay (re)starts with the latest
 * configuration and plays its list from FileIndex/Offset, first pass.
 */
export function startRelay(task: TaskRecord, atMs: number): true {
  task.status = TASK_STATES.Running;
  task.relay = {
    // Shared, not copied: Update replaces TaskInfo's arrays, never mutates them.
    sourceUrls: task.info.SourceUrls,
    fileIndex: task.info.FileIndex ?? 0,
    offset: task.info.Offset ?? 0,
  };
  task.playback = startClock(passesFor(task.info.RepeatNumber), atMs);
  task.runs = (task.runs ?? 0) + 1;
  delete task.fault;
  delete task.offlineReason;
  return true;
}

/**
 * The source or the destination failed: Recovering until a retry succeeds or they run out.
 * Playback pauses where it stood. A new fault on a Recovering task replaces the old one and
 * starts the retries over, unannounced.
 */
export function failRelay(task: TaskRecord, fault: Fault): boolean {
  const wasRecovering = task.status === TASK_STATES.Recovering;
  task.status = TASK_STATES.Recovering;
  task.fault = fault;
  pause(task, fault.sinceMs);
  delete task.offlineReason;
  return !wasRecovering;
}

/**
 * One retry RetryInterval after the last, at task time `atMs`: back to Running (playback resumes
 * where it paused), Offline after the last, or no change.
 */
export function retryRelay(task: TaskRecord, atMs: number): boolean {
  const fault = task.fault;
  if (fault === undefined) return false;
  fault.retriesDone += 1;
  // The player tries this retry for real and reports how it went (playerRetryFailed, playerRecovered).
  if (fault.byPlayer === true) return false;
  if (fault.recoverAfterRetries !== undefined && fault.retriesDone >= fault.recoverAfterRetries) {
    task.status = TASK_STATES.Running;
    if (task.playback !== undefined) task.playback = resumeClock(task.playback, atMs);
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

/** StopLivePullToPush on a Running or Recovering task at task time `atMs`. */
export function stopRelay(task: TaskRecord, atMs: number): true {
  task.status = TASK_STATES.Offline;
  task.offlineReason = 'TriggerByUser';
  pause(task, atMs);
  delete task.fault;
  return true;
}

/**
 * The last pass of the list ended at task time `atMs` before EndTime: the relay has nothing left
 * to push and stops, Offline with no TaskInvalidReason (nothing failed, nobody stopped it); a
 * Restart plays the list again (spec/decisions.md D-36).
 */
export function finishList(task: TaskRecord, atMs: number): true {
  task.status = TASK_STATES.Offline;
  pause(task, atMs);
  delete task.offlineReason;
  delete task.fault;
  return true;
}

/** EndTime passed or DeleteLivePullToPush: the task exits for good. */
export function exitTask(task: TaskRecord, reason: ExitReason, atMs: number): true {
  task.status = TASK_STATES.Exit;
  task.exit = { reason, atMs };
  pause(task, atMs);
  delete task.fault;
  return true;
}

/** Whether the relay is up (including retrying): Stop applies, Update is restricted. */
export function isRelayUp(task: TaskRecord): boolean {
  return task.status === TASK_STATES.Running || task.status === TASK_STATES.Recovering;
}

function pause(task: TaskRecord, atMs: number): void {
  if (task.playback !== undefined) task.playback = pauseClock(task.playback, atMs);
}

/**
 * A real player's retry of its failure has failed: Offline with the latest
 * reason once RetryCount retries have been tried, else Recovering still, until the next retry.
 */
export function playerRetryFailed(task: TaskRecord, reason: Fault['reason']): boolean {
  const fault = task.fault;
  if (fault === undefined) return false;
  fault.reason = reason;
  return fault.retriesDone >= retryCount(task) ? giveUp(task) : false;
}

/** A real player's retry is up again at task time `atMs`: Running, playback resumes where it paused. */
export function playerRecovered(task: TaskRecord, atMs: number): true {
  task.status = TASK_STATES.Running;
  if (task.playback !== undefined) task.playback = resumeClock(task.playback, atMs);
  delete task.fault;
  return true;
}
