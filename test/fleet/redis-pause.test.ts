/**
 * Three processes share one AccessKeyId through Redis; Redis is paused (SIGSTOP) for 3 s and
 * resumed (SIGCONT). Acquires that timed out during the pause run on Redis once it resumes; they
 * must not leave reservations behind, so every process is sending again within 2 s, and no
 * sliding second of the service sees more than 10 calls, in either `onRedisDown` mode.
 */
import { Redis } from 'ioredis';
import { afterAll, beforeAll, expect, it } from 'vitest';
import type { OnRedisDown } from '../../src/client/rate-limit/redis/redis-options.js';
import { type RunningEmulator, startEmulator } from '../../src/emulator/server.js';
import { arrivalsOf, expectServedWithinLimit } from './arrivals.js';
import { runFleet } from './fleet-run.js';
import { describeWithRedis, type RedisServer, startRedisServer } from './redis-server.js';

const PROCESSES = 3;
const PAUSE_AT_MS = 2_500;
const PAUSE_MS = 3_000;
const RUN_MS = 11_000;

let emulator: RunningEmulator;
let redis: RedisServer;
const account = (mode: OnRedisDown) => ({
  accessKeyId: `LTAIpause${mode}${process.pid}`,
  accessKeySecret: `pause-${mode}`,
});

describeWithRedis(`${PROCESSES} processes and a ${PAUSE_MS / 1000} s Redis pause`, () => {
  beforeAll(async () => {
    [emulator, redis] = await Promise.all([
      startEmulator({ credentials: [account('fallback'), account('fail-closed')] }),
      startRedisServer(),
    ]);
  });
  afterAll(async () => {
    redis?.resume();
    await Promise.all([emulator?.close(), redis?.stop()]);
  });

  for (const onRedisDown of ['fallback', 'fail-closed'] as const) {
    it(`${onRedisDown}: every process sends again within 2 s of SIGCONT; no second sees more than 10 calls`, async () => {
      const credentials = account(onRedisDown);
      let resumedAt = Number.POSITIVE_INFINITY;
      const timers: NodeJS.Timeout[] = [];
      const run = await runFleet(
        PROCESSES,
        {
          endpoint: emulator.url,
          credentials,
          calls: 0,
          durationMs: RUN_MS,
          concurrency: 3,
          redis: { url: redis.url, onRedisDown },
          retries: false,
        },
        () => {
          timers.push(setTimeout(() => redis.pause(), PAUSE_AT_MS));
          timers.push(
            setTimeout(() => {
              redis.resume();
              resumedAt = Date.now();
            }, PAUSE_AT_MS + PAUSE_MS),
          );
        },
      );
      for (const timer of timers) clearTimeout(timer);
      expect(resumedAt).toBeLessThan(Number.POSITIVE_INFINITY);

      for (const worker of run.workers) {
        const firstAfter = worker.calls.find((call) => call.ok && call.at >= resumedAt);
        expect(firstAfter, `a process never sent after the pause: ${JSON.stringify(worker.failures)}`).toBeDefined();
        expect(firstAfter!.at - resumedAt).toBeLessThanOrEqual(2_000);
        // Once Redis answers, no call fails: no reservation is left to time out on.
        expect(worker.calls.filter((call) => !call.ok && call.at > resumedAt + 2_000)).toEqual([]);
        expect(worker.failures['Throttling.User']).toBeUndefined();
      }
      const arrivals = await arrivalsOf(emulator.url, credentials.accessKeyId);
      expectServedWithinLimit(arrivals);
      // The fleet is back to the account's full rate in the last seconds of the run.
      const lastSecond = arrivals.filter((a) => a.time >= Date.now() - 2_500 && a.time < Date.now() - 1_500);
      expect(lastSecond.length).toBeGreaterThanOrEqual(8);

      // No reservation outlives its window: every member frees within a window of now.
      const inspector = new Redis(redis.url);
      try {
        const [seconds, micros] = await inspector.time();
        const now = Number(seconds) * 1000 + Math.floor(Number(micros) / 1000);
        const scores = (await inspector.zrange(`live-relay:rl:${credentials.accessKeyId}`, 0, -1, 'WITHSCORES'))
          .filter((_, i) => i % 2 === 1)
          .map(Number);
        expect(scores.filter((score) => score > now + 1_001)).toEqual([]);
      } finally {
        inspector.disconnect();
      }
    }, 60_000);
  }
});
