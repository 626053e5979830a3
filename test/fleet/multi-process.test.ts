/**
 * Four separate worker processes spend one AccessKeyId's budget, 50 calls each, with the
 * emulator (10 calls per sliding second per AccessKeyId) as the judge.
 */
import { afterAll, beforeAll, expect, it } from 'vitest';
import { type RunningEmulator, startEmulator } from '../../src/emulator/server.js';
import { arrivalsOf, busiestArrivalWindow, expectServedWithinLimit } from './arrivals.js';
import { runFleet } from './fleet-run.js';
import { describeWithRedis, freePort, type RedisServer, startRedisServer } from './redis-server.js';

const PROCESSES = 4;
const CALLS = 50;

let emulator: RunningEmulator;
let redis: RedisServer;

/** One account per fleet, so the two runs do not share the emulator's windows. */
function shared(name: string) {
  return { accessKeyId: `LTAIfleet${name}${process.pid}`, accessKeySecret: `fleet-${name}-secret` };
}

/** Each worker's share of the run: {@link CALLS} calls, 5 at a time, no retries (a throttled call stays failed). */
function fleetOf(credentials: ReturnType<typeof shared>) {
  return { endpoint: emulator.url, credentials, calls: CALLS, concurrency: 5, retries: false };
}

const failuresOf = (run: Awaited<ReturnType<typeof runFleet>>) => run.workers.map((w) => w.failures);

describeWithRedis(`${PROCESSES} processes × ${CALLS} calls on one AccessKeyId`, () => {
  beforeAll(async () => {
    [emulator, redis] = await Promise.all([
      startEmulator({ credentials: [shared('redis'), shared('memory')] }),
      startRedisServer(),
    ]);
  });
  afterAll(async () => {
    await Promise.all([emulator?.close(), redis?.stop()]);
  });

  it('through the Redis store: zero Throttling.User, and no second of the emulator sees more than 10 calls', async () => {
    const credentials = shared('redis');
    const run = await runFleet(PROCESSES, { ...fleetOf(credentials), redis: { url: redis.url, workers: PROCESSES } });
    expect(failuresOf(run)).toEqual(Array.from({ length: PROCESSES }, () => ({})));
    expect(run.workers.map((w) => w.ok)).toEqual(Array.from({ length: PROCESSES }, () => CALLS));
    expect(run.workers.flatMap((w) => w.logs)).toEqual([]);

    const arrivals = await arrivalsOf(emulator.url, credentials.accessKeyId);
    expect(arrivals).toHaveLength(PROCESSES * CALLS);
    expectServedWithinLimit(arrivals);
  }, 90_000);

  it('with a limiter per process instead (retries off): the emulator throttles the fleet', async () => {
    const credentials = shared('memory');
    const run = await runFleet(PROCESSES, fleetOf(credentials));
    const throttled = run.workers.reduce((sum, w) => sum + (w.failures['Throttling.User'] ?? 0), 0);
    expect(throttled).toBeGreaterThan(0);
    expect(run.workers.reduce((sum, w) => sum + w.ok, 0) + throttled).toBe(PROCESSES * CALLS);

    const arrivals = await arrivalsOf(emulator.url, credentials.accessKeyId);
    expect(arrivals.filter((a) => a.outcome === 'Throttling.User')).toHaveLength(throttled);
    expect(busiestArrivalWindow(arrivals)).toBeGreaterThan(10);
  }, 90_000);

  it('a worker that never closes its Redis store exits when its work is done, with Redis up and with Redis gone (reconnecting)', async () => {
    const credentials = shared('redis');
    const config = { endpoint: emulator.url, credentials, calls: 2, concurrency: 1, retries: true, closeStore: false };
    // runFleet resolves only once each process has exited.
    const up = await runFleet(1, { ...config, redis: { url: redis.url } });
    expect(up.workers[0]).toMatchObject({ ok: 2, logs: [] });
    const gone = await runFleet(1, { ...config, redis: { url: `redis://127.0.0.1:${await freePort()}` } });
    expect(gone.workers[0]).toMatchObject({
      ok: 2,
      logs: [{ level: 'warn', message: expect.stringContaining('ECONNREFUSED') }],
    });
  }, 60_000);
});
