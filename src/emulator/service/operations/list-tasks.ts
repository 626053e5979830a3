import type { OperationHandler } from '../operation-types.js';
import { integerDefault } from '../param-default.js';
import { taskSummary } from '../task-summary.js';

/** The spec's paging defaults: page 1, 10 tasks a page. */
const DEFAULTS = {
  PageNumber: integerDefault('DescribeLivePullToPushList', 'PageNumber'),
  PageSize: integerDefault('DescribeLivePullToPushList', 'PageSize'),
};

/**
 * DescribeLivePullToPushList: the Region's tasks in creation order, exited ones included until
 * purged. TaskId, TaskName and DstUrl match as case-sensitive substrings, all given ones at once.
 * Total counts every match; only the requested page is materialized.
 */
export const listTasks: OperationHandler<'DescribeLivePullToPushList'> = (runtime, params, nowMs) => {
  const pageNumber = params.PageNumber ?? DEFAULTS.PageNumber;
  const pageSize = params.PageSize ?? DEFAULTS.PageSize;
  const filter = { taskId: params.TaskId, taskName: params.TaskName, dstUrl: params.DstUrl };
  const { total, tasks } = runtime.store.page(params.Region, filter, (pageNumber - 1) * pageSize, pageSize);
  return {
    Total: total,
    PageNumber: pageNumber,
    PageSize: pageSize,
    TaskList: tasks.map((task) => taskSummary(task, nowMs, runtime.media)),
  };
};
