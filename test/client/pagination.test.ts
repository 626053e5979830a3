import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { paginatePullToPushList } from '../../src/client/paginate-pull-to-push-list.js';
import { createLiveClient, LiveApiError, LivePaginationError, MAX_LIST_PAGES } from '../../src/index.js';
import { type RecordingServer, startRecordingServer } from '../support/recording-server.js';
import { uniqueCredentials } from './fixtures.js';

let server: RecordingServer;
beforeEach(async () => {
  server = await startRecordingServer();
});
afterEach(() => server.close());

const task = (n: number) => ({ TaskId: `task-${n}`, TaskStatus: 0, TaskInfo: { TaskId: `task-${n}` } });

/** A list service over `total` tasks that honours PageNumber and PageSize (default 10). */
function listOf(total: number) {
  return (request: { query: Record<string, string> }) => {
    const page = Number(request.query['PageNumber'] ?? 1);
    const size = Number(request.query['PageSize'] ?? 10);
    const tasks = Array.from({ length: total }, (_, i) => task(i + 1)).slice((page - 1) * size, page * size);
    return { body: { RequestId: `list-${page}`, Total: total, PageNumber: page, PageSize: size, TaskList: tasks } };
  };
}

async function collect<T>(iterable: AsyncIterable<T>): Promise<T[]> {
  const items: T[] = [];
  for await (const item of iterable) items.push(item);
  return items;
}

describe('paginateLivePullToPushList', () => {
  it('yields every task across pages, asking for each page once', async () => {
    server.script(listOf(23));
    const client = createLiveClient({ endpoint: server.url, credentials: uniqueCredentials() });
    const tasks = await collect(
      client.paginateLivePullToPushList({ Region: 'cn-shanghai', PageSize: 10, TaskName: 'relay' }),
    );

    expect(tasks.map((t) => t.TaskId)).toEqual(Array.from({ length: 23 }, (_, i) => `task-${i + 1}`));
    expect(server.requests.map((r) => r.query)).toEqual(
      [1, 2, 3].map((page) => ({
        Region: 'cn-shanghai',
        PageSize: '10',
        TaskName: 'relay',
        PageNumber: String(page),
      })),
    );
  });

  it('stops after a full last page without asking for an empty one', async () => {
    server.script(listOf(20));
    const client = createLiveClient({ endpoint: server.url, credentials: uniqueCredentials() });
    expect(await collect(client.paginateLivePullToPushList({ Region: 'cn-shanghai', PageSize: 10 }))).toHaveLength(20);
    expect(server.requests).toHaveLength(2);
  });

  it('starts at the given PageNumber and uses the service’s default page size', async () => {
    server.script(listOf(25));
    const client = createLiveClient({ endpoint: server.url, credentials: uniqueCredentials() });
    const tasks = await collect(client.paginateLivePullToPushList({ Region: 'cn-shanghai', PageNumber: 2 }));
    expect(tasks.map((t) => t.TaskId)).toEqual(Array.from({ length: 15 }, (_, i) => `task-${i + 11}`));
  });

  it('fetches the next page only when the current one is used up', async () => {
    server.script(listOf(30));
    const client = createLiveClient({ endpoint: server.url, credentials: uniqueCredentials() });
    const iterator = client.paginateLivePullToPushList({ Region: 'cn-shanghai', PageSize: 10 });
    for (let i = 0; i < 10; i++) await iterator.next();
    expect(server.requests).toHaveLength(1);
    await iterator.next();
    expect(server.requests).toHaveLength(2);
    await iterator.return(undefined);
  });

  it('ends with the error of a failed page', async () => {
    server.script((request) =>
      request.query['PageNumber'] === '2'
        ? { status: 400, body: { Code: 'InvalidParameter', Message: 'bad page', RequestId: 'r' } }
        : listOf(30)(request),
    );
    const client = createLiveClient({ endpoint: server.url, credentials: uniqueCredentials() });
    const seen: string[] = [];
    const error = await (async () => {
      for await (const t of client.paginateLivePullToPushList({ Region: 'cn-shanghai', PageSize: 10 }))
        seen.push(t.TaskId);
    })().catch((e: unknown) => e);
    expect(seen).toHaveLength(10);
    expect(error).toBeInstanceOf(LiveApiError);
  });

  it('stops with LivePaginationError on a page answering PageSize 0, after yielding its tasks', async () => {
    server.script(() => ({
      body: { RequestId: 'r', Total: 1e9, PageNumber: 1, PageSize: 0, TaskList: [task(1)] },
    }));
    const client = createLiveClient({ endpoint: server.url, credentials: uniqueCredentials() });
    const seen: string[] = [];
    const error = await (async () => {
      for await (const t of client.paginateLivePullToPushList({ Region: 'cn-shanghai' })) seen.push(t.TaskId);
    })().catch((e: unknown) => e);
    expect(error).toBeInstanceOf(LivePaginationError);
    expect((error as Error).message).toMatch(/page 1: the service answered PageSize 0/);
    expect(seen).toEqual([]);
    expect(server.requests).toHaveLength(1);
  });

  it('stops when the service answers another page than the one asked for', async () => {
    server.script(() => ({
      body: { RequestId: 'r', Total: 1e9, PageNumber: 1, PageSize: 10, TaskList: [task(1)] },
    }));
    const client = createLiveClient({ endpoint: server.url, credentials: uniqueCredentials() });
    const error = await collect(client.paginateLivePullToPushList({ Region: 'cn-shanghai' })).catch((e: unknown) => e);
    expect((error as Error).message).toMatch(/page 2: the service answered page 1 instead/);
    expect(server.requests).toHaveLength(2);
  });

  it(`stops after ${MAX_LIST_PAGES} pages of a listing that never ends`, async () => {
    let calls = 0;
    const endless = async (params: { PageNumber?: number }) => {
      calls++;
      const page = params.PageNumber ?? 1;
      return { RequestId: 'r', Total: 1e9, PageNumber: page, PageSize: 1, TaskList: [task(page)] };
    };
    let yielded = 0;
    const error = await (async () => {
      for await (const _ of paginatePullToPushList(endless as never, { Region: 'cn-shanghai', PageSize: 1 })) yielded++;
    })().catch((e: unknown) => e);
    expect(error).toBeInstanceOf(LivePaginationError);
    expect((error as Error).message).toMatch(/most pages one listing may \(10000\)/);
    expect(calls).toBe(MAX_LIST_PAGES);
    expect(yielded).toBe(MAX_LIST_PAGES);
  });
});
