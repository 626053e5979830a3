import { startRelay } from '../../lifecycle/transitions.js';
import { findTask } from '../find-task.js';
import type { OperationHandler } from '../operation-types.js';

/**
 * RestartLivePullToPush: a Running, Recovering or Offline task runs again with its latest
 * configuration (SourceUrls, FileIndex and Offset changed while stopped apply now): a video list
 * plays again from FileIndex/Offset, first pass; the old position is not kept. Before
 * StartTime it succeeds and changes nothing; the task starts at StartTime.
 */
export const restartTask: OperationHandler<'RestartLivePullToPush'> = (runtime, params, nowMs) => {
  const { task, proceed } = findTask(runtime, 'RestartLivePullToPush', params.TaskId, params.Region);
  if (proceed) runtime.commit(task, startRelay(task, nowMs), nowMs);
  return { TaskId: task.id };
};
