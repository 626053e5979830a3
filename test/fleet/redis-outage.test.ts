/** What a client sharing its budget through Redis does when Redis dies, hangs, and comes back. */
import { Redis } from 'ioredis';
import { afterAll, afterEach, beforeAll, beforeEach, expect, it } from 'vitest';
import { RateLimitUnavailableError } from '../../src/client/rate-limit/redis/rate-limit-unavailable-error.js';
import type { RedisRateLimitOptions } from '../../src/client/rate-limit/redis/redis-options.js';
import {
  createRedisRateLimitStore,
  type RedisRateLimitStore,
} from '../../src/client/rate-limit/redis/redis-rate-limit-store.js';
import { type RunningEmulator, startEmulator } from '../../src/emulator/server.js';
import { createLiveClient, type LiveClient } from '../../src/index.js';
import { arrivalsOf, busiestArrivalWindow, expectServedWithinLimit } from './arrivals.js';
import { describeWithRedis, type RedisServer, startRedisServer } from './redis-server.js';

const LIST = { Region: 'cn-shanghai' } as const;

let emulator: RunningEmulator;
let redis: RedisServer;
let store: RedisRateLimitStore | undefined;
let logs: string[];
let account = 0;
let credentials: { accessKeyId: string; accessKeySecret: string };

/** A client whose budget is shared through the test's Redis; retries off, so throttling would surface. */
function client(options: Omit<RedisRateLimitOptions, 'url' | 'logger'>, timeoutMs = 10_000): LiveClient {
  store = createRedisRateLimitStore({
    url: redis.url,
    ...options,
    logger: { warn: (m) => logs.push(`warn: ${m}`), info: (m) => logs.push(`info: ${m}`) },
  });
  return createLiveClient({
    endpoint: emulator.url,
    credentials,
    rateLimit: { store },
    retry: { maxAttempts: 1 },
    timeoutMs,
  });
}

async function redisKeys(): Promise<string[]> {
  const inspector = new Redis(redis.url);
  try {
    return await inspector.keys('*');
  } finally {
    inspector.disconnect();
  }
}

describeWithRedis('a Redis outage', () => {
  beforeAll(async () => {
    emulator = await startEmulator({
      credentials: Array.from({ length: 5 }, (_, i) => ({
        accessKeyId: `LTAIoutage${i + 1}`,
        accessKeySecret: `outage-secret-${i + 1}`,
      })),
    });
  });
  afterAll(() => emulator?.close());
  beforeEach(async () => {
    redis = await startRedisServer();
    logs = [];
    account++;
    credentials = { accessKeyId: `LTAIoutage${account}`, accessKeySecret: `outage-secret-${account}` };
  });
  afterEach(async () => {
    await store?.close();
    await redis.stop();
  });

  it('falls back to limit / workers per second in each process, says so once, and returns to Redis when it is back', async () => {
    const live = client({ workers: 2 });
    await Promise.all(Array.from({ length: 10 }, () => live.describeLivePullToPushList(LIST)));
    expect(await redisKeys()).toEqual([`live-relay:rl:${credentials.accessKeyId}`]);

    await redis.kill();
    const during = await Promise.all(Array.from({ length: 20 }, () => live.describeLivePullToPushList(LIST)));
    expect(during).toHaveLength(20);
    expect(logs).toEqual([
      expect.stringMatching(
        /^warn: live-relay rate limit: Redis at redis:\/\/127\.0\.0\.1:\d+ is unreachable \(.+\); after one window this process keeps to 5 call\(s\) per 1000 ms on its own/,
      ),
    ]);

    await redis.restart();
    // The store reconnects in the background; calls go through Redis again as soon as it has.
    for (let calls = 0; !logs.some((line) => line.startsWith('info:')); calls++) {
      expect(calls).toBeLessThan(50);
      await live.describeLivePullToPushList(LIST);
    }
    await live.describeLivePullToPushList(LIST);
    expect(logs).toHaveLength(2);
    expect(logs[1]).toMatch(/^info: live-relay rate limit: Redis at redis:\/\/127\.0\.0\.1:\d+ answers again/);
    // Back from the outage, the process announced for a while that others may be on their own budgets.
    expect((await redisKeys()).sort()).toEqual([
      `live-relay:rl:${credentials.accessKeyId}`,
      `live-relay:rl:${credentials.accessKeyId}:own-budgets`,
    ]);

    const arrivals = await arrivalsOf(emulator.url, credentials.accessKeyId);
    expectServedWithinLimit(arrivals);
    // On its own, the process kept to its share: 10 / 2 workers per second.
    const alone = arrivals.slice(10, 30);
    expect(busiestArrivalWindow(alone)).toBeLessThanOrEqual(5);
  }, 60_000);

  it('fails closed: with Redis dead, calls are refused with RateLimitUnavailableError and nothing is sent', async () => {
    const live = client({ onRedisDown: 'fail-closed' });
    await live.describeLivePullToPushList(LIST);
    await redis.kill();

    const error = await live.describeLivePullToPushList(LIST).catch((e: unknown) => e);
    expect(error).toBeInstanceOf(RateLimitUnavailableError);
    expect(error).toMatchObject({ code: 'RateLimitUnavailable', redisUrl: redis.url });
    expect((error as Error).message).toMatch(/with onRedisDown 'fail-closed' the call was not sent/);
    await expect(live.describeLivePullToPushList(LIST)).rejects.toBeInstanceOf(RateLimitUnavailableError);
    expect(logs).toHaveLength(1);
    expect(await arrivalsOf(emulator.url, credentials.accessKeyId)).toHaveLength(1);
  });

  it('fails closed after commandTimeoutMs, not the call’s timeout, when Redis hangs, and recovers when it resumes', async () => {
    const live = client({ onRedisDown: 'fail-closed', commandTimeoutMs: 200 }, 20_000);
    await live.describeLivePullToPushList(LIST);
    redis.pause();
    try {
      const error = await live.describeLivePullToPushList(LIST).catch((e: unknown) => e);
      expect(error).toBeInstanceOf(RateLimitUnavailableError);
      expect((error as Error).cause).toMatchObject({ message: 'Command timed out' });
    } finally {
      redis.resume();
    }
    // A connected Redis that failed is left alone for a while (1 s), then asked again.
    for (let calls = 0; ; calls++) {
      expect(calls).toBeLessThan(50);
      const outcome = await live.describeLivePullToPushList(LIST).then(
        () => 'sent',
        (e: unknown) => (e instanceof RateLimitUnavailableError ? 'refused' : Promise.reject(e)),
      );
      if (outcome === 'sent') break;
      await new Promise((resolve) => setTimeout(resolve, 100));
    }
    expect(logs.map((line) => line.slice(0, 5))).toEqual(['warn:', 'info:']);
  }, 30_000);

  it('falls back from the start when Redis is not there at all', async () => {
    await redis.kill();
    const live = client({ workers: 10 });
    await Promise.all(Array.from({ length: 3 }, () => live.describeLivePullToPushList(LIST)));
    expect(logs).toHaveLength(1);
    expect(logs[0]).toMatch(/ECONNREFUSED.*keeps to 1 call\(s\) per 1000 ms/);
  }, 15_000);

  it('Redis restarted empty between two bursts: the second waits out the window of the first, said once', async () => {
    const live = client({});
    await Promise.all(Array.from({ length: 10 }, () => live.describeLivePullToPushList(LIST)));
    await redis.restart();
    // Long enough for the store to reconnect on its own (it retries after 50, 100, 200 ms), so no
    // call meets the outage: only the reconnect can tell that the record of the first burst is gone.
    await new Promise((resolve) => setTimeout(resolve, 500));
    await Promise.all(Array.from({ length: 10 }, () => live.describeLivePullToPushList(LIST)));

    const arrivals = await arrivalsOf(emulator.url, credentials.accessKeyId);
    expect(arrivals).toHaveLength(20);
    expectServedWithinLimit(arrivals);
    expect(logs).toEqual([
      expect.stringMatching(
        /^warn: live-relay rate limit: Redis at redis:\/\/127\.0\.0\.1:\d+ reconnected and may have lost/,
      ),
      expect.stringMatching(/^info: .* answers again/),
    ]);
  }, 30_000);
});
