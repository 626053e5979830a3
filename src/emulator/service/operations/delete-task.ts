import { exitTask } from '../../lifecycle/transitions.js';
import { findTask } from '../find-task.js';
import type { OperationHandler } from '../operation-types.js';

/**
 * DeleteLivePullToPush: the task exits at once (TriggerByUser) and can no longer be changed;
 * it stays readable for the retention period.
 */
export const deleteTask: OperationHandler<'DeleteLivePullToPush'> = (runtime, params, nowMs) => {
  const { task } = findTask(runtime, 'DeleteLivePullToPush', params.TaskId, params.Region);
  runtime.commit(task, exitTask(task, 'TriggerByUser', nowMs), nowMs);
  return { RetCode: 0, Description: 'OK' };
};
