import { describe, expect, it } from 'vitest';
import type { LiveClient } from '../index.js';
import { listAllTasks } from './list-all.js';

type ListPage = LiveClient['describeLivePullToPushList'];
type Page = Awaited<ReturnType<ListPage>>;

/** A fake list operation over `total` tasks that answers each page after a short wait. */
function fakeList(total: number, calls: unknown[]): Pick<LiveClient, 'describeLivePullToPushList'> {
  const describeLivePullToPushList: ListPage = async (params) => {
    calls.push(params);
    await new Promise((resolve) => setTimeout(resolve, 5));
    const size = params.PageSize ?? 10;
    const first = ((params.PageNumber ?? 1) - 1) * size;
    const ids = Array.from({ length: Math.max(0, Math.min(size, total - first)) }, (_, i) => `task-${first + i}`);
    return {
      RequestId: 'r',
      Total: total,
      PageNumber: params.PageNumber ?? 1,
      PageSize: size,
      TaskList: ids.map((TaskId) => ({ TaskId }) as Page['TaskList'][number]),
    } as Page;
  };
  return { describeLivePullToPushList };
}

const sink = (isTTY: boolean) => {
  const writes: string[] = [];
  return { writes, stream: { isTTY, write: (text: string) => writes.push(text) } };
};

describe('listAllTasks', () => {
  it('fetches every page at the largest page size by default and keeps the filters', async () => {
    const calls: unknown[] = [];
    const result = await listAllTasks(
      fakeList(250, calls),
      { Region: 'cn-shanghai', TaskName: 'x' },
      sink(false).stream,
    );
    expect(result.Total).toBe(250);
    expect(result.TaskList.map((task) => task.TaskId)).toEqual(Array.from({ length: 250 }, (_, i) => `task-${i}`));
    expect(calls).toEqual(
      [1, 2, 3].map((PageNumber) => ({ Region: 'cn-shanghai', TaskName: 'x', PageSize: 100, PageNumber })),
    );
  });

  it('shows progress on a terminal once paging outlasts the delay, and erases it at the end', async () => {
    const { writes, stream } = sink(true);
    await listAllTasks(fakeList(25, []), { Region: 'cn-shanghai', PageSize: 10 }, stream, 0);
    expect(writes.filter((text) => text.includes('Fetching tasks'))).toEqual([
      '\r\x1b[KFetching tasks: 10 of 25 (1 page)',
      '\r\x1b[KFetching tasks: 20 of 25 (2 pages)',
      '\r\x1b[KFetching tasks: 25 of 25 (3 pages)',
    ]);
    expect(writes.at(-1)).toBe('\r\x1b[K');
  });

  it('writes nothing when the sink is not a terminal', async () => {
    const { writes, stream } = sink(false);
    await listAllTasks(fakeList(25, []), { Region: 'cn-shanghai', PageSize: 10 }, stream, 0);
    expect(writes).toEqual([]);
  });
});
