import { TASK_STATES } from '../../rules/index.js';
import type { TaskRecord } from '../lifecycle/task-record.js';
import type { MediaCatalog } from './media-catalog.js';
import { playedAt } from './play-clock.js';
import { nextStop, type PlayStop, positionAt } from './play-position.js';
import { type PlaylistPlan, passesFor, playlistPlan } from './playlist-plan.js';

/** What a task's relay plays since its last (re)start: its relay input and the passes in force. */
export function taskPlan(task: TaskRecord, media: MediaCatalog): PlaylistPlan {
  return playlistPlan(
    {
      sourceType: task.info.SourceType,
      sourceUrls: task.relay.sourceUrls,
      fileIndex: task.relay.fileIndex,
      offsetSeconds: task.relay.offset,
      passes: task.playback === undefined ? passesFor(task.info.RepeatNumber) : task.playback.passes,
    },
    media,
  );
}

/** Describe's CurrentFileIndex and CurrentOffset (whole seconds). */
export interface TaskPosition {
  CurrentFileIndex: number;
  CurrentOffset: number;
}

/**
 * The task's position at task time `nowMs` (spec/decisions.md D-35): before its first start, the
 * FileIndex and Offset it will start at; afterwards where its run stands, frozen while it is not
 * playing (Recovering, Offline, Exit). A live task shows index 0 and the seconds relayed.
 */
export function taskPosition(task: TaskRecord, nowMs: number, media: MediaCatalog): TaskPosition {
  const clock = task.playback;
  if (clock === undefined) return { CurrentFileIndex: task.relay.fileIndex, CurrentOffset: task.relay.offset };
  const played = playedAt(clock, nowMs);
  const plan = taskPlan(task, media);
  if (plan.kind === 'stream') return { CurrentFileIndex: 0, CurrentOffset: Math.floor(played / 1000) };
  const here = positionAt(plan, played);
  return { CurrentFileIndex: here.index, CurrentOffset: Math.floor(here.offsetMs / 1000) };
}

/** The pass a running task is playing at `nowMs` (0 = the first). */
export function currentPass(task: TaskRecord, nowMs: number, media: MediaCatalog): number {
  const plan = taskPlan(task, media);
  if (plan.kind === 'stream' || task.playback === undefined) return 0;
  return positionAt(plan, playedAt(task.playback, nowMs)).pass;
}

/** When a playing task's plan stops by itself (list end, missing medium), in task-clock ms. */
export function playbackStop(task: TaskRecord, media: MediaCatalog): (PlayStop & { at: number }) | undefined {
  const clock = task.playback;
  if (task.status !== TASK_STATES.Running || clock?.resumedAtMs === undefined) return undefined;
  const stop = nextStop(taskPlan(task, media), clock.playedMs);
  return stop === undefined ? undefined : { ...stop, at: clock.resumedAtMs + stop.atPlayedMs - clock.playedMs };
}
