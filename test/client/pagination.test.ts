import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { createLiveClient, LiveApiError } from '../../src/index.js';
import { uniqueCredentials } from './fixtures.js';
import { type RecordingServer, startRecordingServer } from './recording-server.js';

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
});
