import type { components } from '../../../generated/api.js';
import { TASK_STATES } from '../../rules/index.js';
import type { TaskRecord } from '../lifecycle/task-record.js';
import type { MediaCatalog } from '../playback/media-catalog.js';
import { taskPosition } from '../playback/task-playback.js';

export type TaskSummary = components['schemas']['TaskSummary'];

/**
 * A task as Describe returns it and List pages hold it at task time `nowMs`. TaskInvalidReason
 * only while Offline, TaskExitReason and TaskExitTime (Unix seconds) only once exited;
 * CurrentFileIndex and CurrentOffset are where playback stands (see `taskPosition`), which
 * follows what the relay applied, not TaskInfo after an Update that waits for a restart.
 * TaskInfo is shared, not copied: updates replace it, never mutate it.
 */
export function taskSummary(task: TaskRecord, nowMs: number, media: MediaCatalog): TaskSummary {
  const summary: TaskSummary = {
    TaskId: task.id,
    TaskStatus: task.status,
    ...taskPosition(task, nowMs, media),
    TaskInfo: task.info,
  };
  if (task.status === TASK_STATES.Offline && task.offlineReason !== undefined)
    summary.TaskInvalidReason = task.offlineReason;
  if (task.exit !== undefined) {
    summary.TaskExitReason = task.exit.reason;
    summary.TaskExitTime = Math.floor(task.exit.atMs / 1000);
  }
  return summary;
}
