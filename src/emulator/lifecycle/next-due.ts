import { TASK_STATES } from '../../rules/index.js';
import type { MediaCatalog } from '../playback/media-catalog.js';
import { playbackStop } from '../playback/task-playback.js';
import type { TaskRecord } from './task-record.js';

/**
 * What happens to a task when its due time comes. `list-end`: its last pass ends;
 * `pull-failed`: playback reaches a medium the catalog marks missing.
 */
export type DueKind = 'start' | 'retry' | 'give-up' | 'list-end' | 'pull-failed' | 'end' | 'purge';

export interface Due {
  kind: DueKind;
  /** Task-clock milliseconds. */
  at: number;
}

/** How the schedule learns what playback does by itself. */
export interface PlaybackSchedule {
  readonly media: MediaCatalog;
  /** False when a real player reports list ends and pull failures itself. */
  readonly scheduleStops: boolean;
  /** Wait this long between retries instead of each task's RetryInterval, in ms (relay tests and demos). */
  readonly retryIntervalMs?: number | undefined;
}

/**
 * The task's next automatic transition: start at StartTime, a retry every RetryInterval while
 * Recovering, the end of the list or a missing medium while playing, exit at EndTime (which wins
 * a tie), purge after the retention period once exited.
 * @param retentionMs how long an exited task stays visible, in milliseconds
 */
export function nextDue(task: TaskRecord, retentionMs: number, playback: PlaybackSchedule): Due | undefined {
  if (task.exit !== undefined) return { kind: 'purge', at: task.exit.atMs + retentionMs };
  const end: Due = { kind: 'end', at: Date.parse(task.info.EndTime) };
  const next =
    ownDue(task, playback.retryIntervalMs) ?? (playback.scheduleStops ? stopDue(task, playback.media) : undefined);
  return next !== undefined && next.at < end.at ? next : end;
}

function stopDue(task: TaskRecord, media: MediaCatalog): Due | undefined {
  const stop = playbackStop(task, media);
  if (stop === undefined) return undefined;
  return { kind: stop.kind === 'list-end' ? 'list-end' : 'pull-failed', at: stop.at };
}

function ownDue(task: TaskRecord, retryIntervalMs: number | undefined): Due | undefined {
  if (task.status === TASK_STATES.Idle) return { kind: 'start', at: Date.parse(task.info.StartTime) };
  const fault = task.fault;
  if (task.status !== TASK_STATES.Recovering || fault === undefined) return undefined;
  const intervalMs = retryIntervalMs ?? retryIntervalSeconds(task) * 1000;
  // With RetryCount 0 there is nothing to retry: the task gives up as soon as it fails.
  if (fault.retriesDone >= retryCount(task)) {
    // A real player's last retry gives up when the player reports it failed, not on the clock.
    if (fault.byPlayer === true && fault.retriesDone > 0) return undefined;
    return { kind: 'give-up', at: fault.sinceMs + fault.retriesDone * intervalMs };
  }
  return { kind: 'retry', at: fault.sinceMs + (fault.retriesDone + 1) * intervalMs };
}

/** RetryCount as stored (Create fills in the default). */
export function retryCount(task: TaskRecord): number {
  return task.info.RetryCount ?? 0;
}

/** RetryInterval in seconds as stored (Create fills in the default). */
export function retryIntervalSeconds(task: TaskRecord): number {
  return task.info.RetryInterval ?? 0;
}
