/** Waiting for a slot of a Redis-shared budget: one timer per wait, bounded by the call's signal and timeout. */
import { afterAll, beforeAll, expect, it } from 'vitest';
import type { RateLimitStore } from '../../src/client/rate-limit/rate-limit-store.js';
import {
  createRedisRateLimitStore,
  type RedisRateLimitStore,
} from '../../src/client/rate-limit/redis/redis-rate-limit-store.js';
import { type RunningEmulator, startEmulator } from '../../src/emulator/server.js';
import { createLiveClient, LiveTimeoutError } from '../../src/index.js';
import { describeWithRedis, type RedisServer, startRedisServer } from './redis-server.js';

const LIST = { Region: 'cn-shanghai' } as const;
const ACCOUNTS = [1, 2].map((n) => ({ accessKeyId: `LTAIwaits${n}`, accessKeySecret: `waits-secret-${n}` }));

let emulator: RunningEmulator;
let redis: RedisServer;
let store: RedisRateLimitStore;

/** The store, counting how often it is asked for a slot. */
function counted(inner: RateLimitStore) {
  const counter = { asks: 0, store: undefined as unknown as RateLimitStore };
  counter.store = {
    acquire: (request) => {
      counter.asks++;
      return inner.acquire(request);
    },
    release: (lease, doneMs) => inner.release(lease, doneMs),
  };
  return counter;
}

/** A client of `account` on a budget of one call a minute shared through Redis, counting the store's asks. */
function countedClient(account: (typeof ACCOUNTS)[number], timeoutMs: number) {
  const counter = counted(store);
  const live = createLiveClient({
    endpoint: emulator.url,
    credentials: account,
    rateLimit: { store: counter.store, limit: 1, windowMs: 60_000 },
    timeoutMs,
  });
  return { counter, live };
}

describeWithRedis('waiting for a slot of a Redis-shared budget', () => {
  beforeAll(async () => {
    [emulator, redis] = await Promise.all([startEmulator({ credentials: ACCOUNTS }), startRedisServer()]);
    store = createRedisRateLimitStore({ url: redis.url, logger: { warn: (m) => expect.fail(m) } });
  });
  afterAll(async () => {
    await store?.close();
    await Promise.all([emulator?.close(), redis?.stop()]);
  });

  it('sleeps on the wait Redis names, asking a fixed number of times (no polling), and ends on abort', async () => {
    const { counter, live } = countedClient(ACCOUNTS[0]!, 120_000);
    await live.describeLivePullToPushList(LIST);
    const controller = new AbortController();
    const waiting = live.describeLivePullToPushList(LIST, { signal: controller.signal }).catch((e: unknown) => e);
    setTimeout(() => controller.abort(new Error('shutting down')), 1_000);
    expect(await waiting).toMatchObject({ message: 'shutting down' });
    // One ask for the first call; for the second, the limiter's fast path and the head of its
    // line: then one timer for the ~60 s Redis named, whatever the time until the abort.
    expect(counter.asks).toBe(3);
  });

  it('fails with LiveTimeoutError (phase rate-limit) when the slot Redis names lies beyond the timeout', async () => {
    const { counter, live } = countedClient(ACCOUNTS[1]!, 5_000);
    await live.describeLivePullToPushList(LIST);
    const error = await live.describeLivePullToPushList(LIST).catch((e: unknown) => e);
    expect(error).toBeInstanceOf(LiveTimeoutError);
    expect(error).toMatchObject({ phase: 'rate-limit', timeoutMs: 5_000 });
    expect(counter.asks).toBe(3);
  });
});
