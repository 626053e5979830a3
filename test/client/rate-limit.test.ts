import { type AddressInfo, connect, createServer as createTcpServer, type Socket } from 'node:net';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { createLiveClient, LiveTimeoutError, MemoryRateLimitStore } from '../../src/index.js';
import { busiestWindow } from '../support/busiest-window.js';
import { type RecordingServer, startRecordingServer } from '../support/recording-server.js';
import { DESCRIBE_PARAMS, uniqueCredentials } from './fixtures.js';
import { clientOutOfBudget } from './helpers.js';

let server: RecordingServer;
beforeEach(async () => {
  server = await startRecordingServer();
});
afterEach(() => server.close());

describe('client-side rate limit', () => {
  it('spreads a burst of 100 calls so that no sliding second sees more than 10 arrivals (defaults)', async () => {
    server.script((request) =>
      request.headers['x-acs-action'] === 'DescribeLivePullToPush' ? {} : { status: 400, body: { Code: 'Unexpected' } },
    );
    const client = createLiveClient({ endpoint: server.url, credentials: uniqueCredentials() });
    const results = await Promise.all(
      Array.from({ length: 100 }, () => client.describeLivePullToPush(DESCRIBE_PARAMS)),
    );

    expect(results).toHaveLength(100);
    expect(server.requests).toHaveLength(100);
    expect(
      busiestWindow(
        server.requests.map((r) => r.receivedAt),
        1000,
      ),
    ).toBeLessThanOrEqual(10);
  }, 30_000);

  it('shares one budget between all clients of the same AccessKeyId', async () => {
    const credentials = uniqueCredentials();
    const options = { endpoint: server.url, credentials, rateLimit: { limit: 2, windowMs: 200 } };
    const [a, b] = [createLiveClient(options), createLiveClient(options)];
    await Promise.all([a, b, a, b, a, b].map((c) => c.describeLivePullToPush(DESCRIBE_PARAMS)));
    expect(
      busiestWindow(
        server.requests.map((r) => r.receivedAt),
        200,
      ),
    ).toBeLessThanOrEqual(2);
  });

  it('gives every AccessKeyId its own budget', async () => {
    const store = new MemoryRateLimitStore();
    const limited = (credentials: ReturnType<typeof uniqueCredentials>) =>
      createLiveClient({
        endpoint: server.url,
        credentials,
        rateLimit: { limit: 1, windowMs: 60_000, store },
        timeoutMs: 100,
      });
    await limited(uniqueCredentials()).describeLivePullToPush(DESCRIBE_PARAMS);
    await limited(uniqueCredentials()).describeLivePullToPush(DESCRIBE_PARAMS);
    expect(server.requests).toHaveLength(2);
  });

  it('fails at once with LiveTimeoutError (phase rate-limit) when the next slot is beyond the timeout, sending nothing', async () => {
    const client = await clientOutOfBudget(server.url, 1_000);
    const error: unknown = await client.describeLivePullToPush(DESCRIBE_PARAMS).catch((e: unknown) => e);
    expect(error).toBeInstanceOf(LiveTimeoutError);
    expect(error).toMatchObject({ phase: 'rate-limit', timeoutMs: 1_000, attempts: 1 });
    expect(server.requests).toHaveLength(1);
  });

  it('can be turned off', async () => {
    const client = createLiveClient({
      endpoint: server.url,
      credentials: uniqueCredentials(),
      rateLimit: { enabled: false },
    });
    await Promise.all(Array.from({ length: 30 }, () => client.describeLivePullToPush(DESCRIBE_PARAMS)));
    expect(server.requests).toHaveLength(30);
  });

  it('uses a custom store: one slot per attempt, keyed by AccessKeyId, released when the answer arrives', async () => {
    const calls: string[] = [];
    const credentials = uniqueCredentials();
    const client = createLiveClient({
      endpoint: server.url,
      credentials,
      rateLimit: {
        store: {
          acquire: async ({ key, limit, windowMs }) => {
            calls.push(`acquire ${key} ${limit}/${windowMs}`);
            return { granted: true, lease: { key } };
          },
          release: async (lease) => {
            calls.push(`release ${lease.key} after ${server.requests.length} request(s)`);
          },
        },
      },
    });
    await client.describeLivePullToPush(DESCRIBE_PARAMS);
    expect(calls).toEqual([
      `acquire ${credentials.accessKeyId} 10/1000`,
      `release ${credentials.accessKeyId} after 1 request(s)`,
    ]);
  });
});

/**
 * A TCP proxy to `target` that holds back everything the first connection sends for `delayMs`
 * (a stalled link or proxy: the request reaches the service long after it was sent); later
 * connections pass straight through.
 */
function startDelayingProxy(target: string, delayMs: number): Promise<{ url: string; close: () => Promise<void> }> {
  const { port } = new URL(target);
  const sockets = new Set<Socket>();
  let connections = 0;
  const proxy = createTcpServer((client) => {
    const delay = connections++ === 0 ? delayMs : 0;
    const upstream = connect(Number(port), '127.0.0.1');
    for (const socket of [client, upstream]) {
      sockets.add(socket);
      socket.on('error', () => undefined);
    }
    const later = (action: () => void): void => void (delay === 0 ? action() : setTimeout(action, delay));
    client.on('data', (chunk) => later(() => upstream.write(chunk)));
    client.on('close', () => later(() => upstream.end()));
    upstream.on('data', (chunk) => client.write(chunk));
    upstream.on('close', () => client.destroy());
  });
  return new Promise((resolve) =>
    proxy.listen(0, '127.0.0.1', () =>
      resolve({
        url: `http://127.0.0.1:${(proxy.address() as AddressInfo).port}`,
        close: () => {
          for (const socket of sockets) socket.destroy();
          return new Promise((done) => proxy.close(() => done()));
        },
      }),
    ),
  );
}

describe('client-side rate limit with a request that reaches the service after its timeout', () => {
  it('keeps its slot busy until the late answer: no sliding second sees more than 10 arrivals', async () => {
    const proxy = await startDelayingProxy(server.url, 1_500);
    try {
      const client = createLiveClient({
        endpoint: proxy.url,
        credentials: uniqueCredentials(),
        timeoutMs: 1_000,
        retry: { maxAttempts: 1 },
      });
      const slowTaskId = 'fd245384-4067-4f91-9d75-9666a6bc5105';
      const slow = client.describeLivePullToPush({ ...DESCRIBE_PARAMS, TaskId: slowTaskId }).catch((e: unknown) => e);
      await new Promise((resolve) => setTimeout(resolve, 100));
      await Promise.all(Array.from({ length: 9 }, () => client.describeLivePullToPush(DESCRIBE_PARAMS)));
      expect(await slow).toBeInstanceOf(LiveTimeoutError);
      // The slow request is still on its way; ten more calls follow at once.
      await Promise.all(
        Array.from({ length: 10 }, () => client.describeLivePullToPush(DESCRIBE_PARAMS, { timeoutMs: 5_000 })),
      );

      const times = server.requests.map((r) => r.receivedAt);
      expect(times).toHaveLength(20);
      // The slow request reached the service about 1.5 s after it was sent, 0.5 s after its timeout.
      const slowArrival = server.requests.find((r) => r.query['TaskId'] === slowTaskId)!.receivedAt;
      expect(slowArrival - Math.min(...times)).toBeGreaterThanOrEqual(1_300);
      expect(busiestWindow(times, 1000)).toBeLessThanOrEqual(10);
    } finally {
      await proxy.close();
    }
  }, 30_000);
});
