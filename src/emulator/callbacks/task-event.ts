import type { components } from '../../../generated/api.js';
import { TASK_STATES } from '../../rules/index.js';
import type { TaskRecord } from '../lifecycle/task-record.js';

export type TaskStateEvent = components['schemas']['LiveTaskStateEvent'];
export type TaskExitEvent = components['schemas']['LiveTaskExitEvent'];

/**
 * The callback body announcing the task's current state as of `atMs` (task clock): the exit
 * event once it has exited, otherwise the state event (with the documented spelling
 * `LivePullToPushRunning`), whose TaskInvalidReason is sent only when the task is Offline.
 */
export function taskEvent(task: TaskRecord, atMs: number): TaskStateEvent | TaskExitEvent {
  const EventTime = String(Math.floor(atMs / 1000));
  if (task.exit !== undefined) {
    return {
      Event: 'LivePullToPushExit',
      EventTime,
      TaskId: task.id,
      TaskInfo: task.info,
      TaskStatus: TASK_STATES.Exit,
      TaskExitReason: task.exit.reason,
      TaskExitTime: Math.floor(task.exit.atMs / 1000),
    };
  }
  const status = task.status;
  if (status === TASK_STATES.Idle || status === TASK_STATES.Exit) {
    throw new RangeError(`task ${task.id} has TaskStatus ${status} and no exit record: no event announces that`);
  }
  const event: TaskStateEvent = {
    Event: 'LivePullToPushRunning',
    EventTime,
    TaskId: task.id,
    TaskInfo: task.info,
    TaskStatus: status,
  };
  if (status === TASK_STATES.Offline && task.offlineReason !== undefined) event.TaskInvalidReason = task.offlineReason;
  return event;
}
