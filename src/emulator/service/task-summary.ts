import type { components } from '../../../generated/api.js';
import { TASK_STATES } from '../../rules/index.js';
import type { TaskRecord } from '../lifecycle/task-record.js';

export type TaskSummary = components['schemas']['TaskSummary'];

/**
 * A task as Describe returns it and List pages hold it. TaskInvalidReason only while Offline,
 * TaskExitReason and TaskExitTime (Unix seconds) only once exited; CurrentFileIndex and
 * CurrentOffset are what the relay applied, which differs from TaskInfo after an Update
 * that waits for a restart. TaskInfo is shared, not copied: updates replace it, never mutate it.
 */
export function taskSummary(task: TaskRecord): TaskSummary {
  const summary: TaskSummary = {
    TaskId: task.id,
    TaskStatus: task.status,
    CurrentFileIndex: task.relay.fileIndex,
    CurrentOffset: task.relay.offset,
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
