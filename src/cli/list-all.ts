import { operations } from '../../generated/operations.js';
import {
  type PaginateListParams,
  paginatePullToPushList,
  type TaskListItem,
} from '../client/paginate-pull-to-push-list.js';
import type { LiveClient } from '../index.js';
import type { TextSink } from './io.js';
import { PROGRESS_DELAY_MS, startProgress } from './progress.js';

/** What `live-relay list --all` prints: every task, and how many there are. */
export interface AllTasks {
  /** Every task the filters matched, in the service's page order. */
  readonly TaskList: TaskListItem[];
  /** The number of tasks in `TaskList`. */
  readonly Total: number;
}

/** Page size `--all` asks for when none is given: the spec's largest (100), for the fewest calls. */
const ALL_PAGE_SIZE = operations.DescribeLivePullToPushList.params.find((param) => param.name === 'PageSize')?.maximum;

/**
 * Pages through DescribeLivePullToPushList with the client's paginator (one call per page,
 * rate-limited and retried like any call). While it runs for more than a moment, a progress line
 * on `progressSink` counts the tasks fetched against the service's `Total` (only when that sink is a
 * terminal).
 *
 * @param progressDelayMs how long the paging runs before the progress line appears (default 500 ms)
 */
export async function listAllTasks(
  client: Pick<LiveClient, 'describeLivePullToPushList'>,
  params: Readonly<Record<string, unknown>>,
  progressSink: TextSink,
  progressDelayMs: number = PROGRESS_DELAY_MS,
): Promise<AllTasks> {
  const progress = startProgress(progressSink, progressDelayMs);
  const request = {
    ...(ALL_PAGE_SIZE === undefined ? {} : { PageSize: ALL_PAGE_SIZE }),
    ...params,
  } as PaginateListParams;
  let pages = 0;
  let fetched = 0;
  const listPage: LiveClient['describeLivePullToPushList'] = async (pageParams, options) => {
    const page = await client.describeLivePullToPushList(pageParams, options);
    pages++;
    fetched += page.TaskList.length;
    progress.update(`Fetching tasks: ${fetched} of ${page.Total} (${pages} page${pages === 1 ? '' : 's'})`);
    return page;
  };
  const tasks: TaskListItem[] = [];
  try {
    for await (const task of paginatePullToPushList(listPage, request)) tasks.push(task);
  } finally {
    progress.done();
  }
  return { TaskList: tasks, Total: tasks.length };
}
