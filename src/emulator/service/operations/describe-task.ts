import { findTask } from '../find-task.js';
import type { OperationHandler } from '../operation-types.js';
import { taskSummary } from '../task-summary.js';

/** DescribeLivePullToPush: one task in any state, exited ones included until they are purged. */
export const describeTask: OperationHandler<'DescribeLivePullToPush'> = (runtime, params, nowMs) => {
  const { task } = findTask(runtime, 'DescribeLivePullToPush', params.TaskId, params.Region);
  return { RetCode: 0, Description: 'OK', ...taskSummary(task, nowMs, runtime.media) };
};
