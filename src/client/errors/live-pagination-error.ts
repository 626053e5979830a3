import { LiveError } from '../../errors/live-error.js';

/**
 * Thrown by `paginateLivePullToPushList` (and `live-relay list --all`) when paging cannot finish:
 * a page that would make no progress (the service answered `PageSize` 0, another page than the
 * one asked for, or an impossible `Total`), or more pages than {@link MAX_LIST_PAGES}. The tasks
 * of the pages before were yielded; nothing after is fetched.
 */
export class LivePaginationError extends LiveError {
  override readonly name = 'LivePaginationError';
  /** The page number that was asked for when paging stopped. */
  readonly pageNumber: number;

  constructor(pageNumber: number, reason: string) {
    super(`DescribeLivePullToPushList paging stopped at page ${pageNumber}: ${reason}`);
    this.pageNumber = pageNumber;
  }
}

/** Most pages one pagination fetches: 10,000 (1,000,000 tasks at the largest page size, 100). */
export const MAX_LIST_PAGES = 10_000;
