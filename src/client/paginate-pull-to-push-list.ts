import { LivePaginationError, MAX_LIST_PAGES } from './errors/live-pagination-error.js';
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
 *
 * @throws LivePaginationError when a page would make no progress (`PageSize` below 1, another
 *   `PageNumber` than asked, a `Total` that is not a count) or after {@link MAX_LIST_PAGES} pages
 */
export async function* paginatePullToPushList(
  listPage: ListPage,
  params: PaginateListParams,
  options?: CallOptions,
): AsyncGenerator<TaskListItem, void, undefined> {
  const first = params.PageNumber ?? 1;
  for (let page = first; ; page++) {
    if (page - first === MAX_LIST_PAGES) {
      throw new LivePaginationError(
        page,
        `fetched the most pages one listing may (${MAX_LIST_PAGES}); narrow the filters or page with PageNumber`,
      );
    }
    const { TaskList, Total, PageSize, PageNumber } = await listPage({ ...params, PageNumber: page }, options);
    const stuck = noProgress(page, PageNumber, PageSize, Total);
    if (stuck !== undefined) throw new LivePaginationError(page, stuck);
    yield* TaskList;
    if (TaskList.length === 0 || page * PageSize >= Total) return;
  }
}

/** Why a page's answer cannot lead to the end of the listing, if it cannot. */
function noProgress(asked: number, pageNumber: unknown, pageSize: unknown, total: unknown): string | undefined {
  if (!(Number.isSafeInteger(pageSize) && (pageSize as number) > 0)) {
    return `the service answered PageSize ${String(pageSize)}, so no page would ever reach the end`;
  }
  if (pageNumber !== asked) return `the service answered page ${String(pageNumber)} instead`;
  if (!(Number.isSafeInteger(total) && (total as number) >= 0)) {
    return `the service answered Total ${String(total)}, which is not a count of tasks`;
  }
  return undefined;
}
