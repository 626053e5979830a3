import type { CallOptions, LiveRequest, LiveResponse } from './operation-types.js';

/** One task of a DescribeLivePullToPushList page. */
export type TaskListItem = LiveResponse<'DescribeLivePullToPushList'>['TaskList'][number];

/** The parameters of DescribeLivePullToPushList; `PageNumber` is where iteration starts (default 1). */
export type PaginateListParams = LiveRequest<'DescribeLivePullToPushList'>;

type ListPage = (
  params: PaginateListParams,
  options?: CallOptions,
) => Promise<LiveResponse<'DescribeLivePullToPushList'>>;

/**
 * Yields every task DescribeLivePullToPushList matches, one page after the other: it asks for the
 * next page only when the current one is used up, and stops after the page that reaches `Total`
 * (or an empty page). Each page is one ordinary call (validated, rate-limited, retried); an error
 * ends the iteration with that error. Tasks created or deleted meanwhile may shift between pages.
 */
export async function* paginatePullToPushList(
  listPage: ListPage,
  params: PaginateListParams,
  options?: CallOptions,
): AsyncGenerator<TaskListItem, void, undefined> {
  for (let page = params.PageNumber ?? 1; ; page++) {
    const { TaskList, Total, PageSize } = await listPage({ ...params, PageNumber: page }, options);
    yield* TaskList;
    if (TaskList.length === 0 || page * PageSize >= Total) return;
  }
}
