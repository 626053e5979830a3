import { stopRelay } from '../../lifecycle/transitions.js';
import { findTask } from '../find-task.js';
import type { OperationHandler } from '../operation-types.js';

/** StopLivePullToPush: a Running or Recovering task goes Offline (TriggerByUser). */
export const stopTask: OperationHandler<'StopLivePullToPush'> = (runtime, params, nowMs) => {
  const { task } = findTask(runtime, 'StopLivePullToPush', params.TaskId, params.Region);
  runtime.commit(task, stopRelay(task, nowMs), nowMs);
  return { TaskId: task.id };
};
