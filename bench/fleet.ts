/**
 * Fleet benchmark: 4 worker processes × 50 calls on one AccessKeyId, sharing its 10 calls per
 * second through Redis, against the emulator. Prints one JSON line
 * `{ name, seconds, idealSeconds, ratio }`: the time from the start signal to the last call's end,
 * against the ideal 200 calls / 10 per second = 20 s. Run: `node --import tsx bench/fleet.ts`.
 * Needs redis-server on PATH; without it, prints the row with `seconds: null` and a `skipped` reason.
 */
import { QPS_LIMIT_PER_ACCOUNT } from '../generated/operations.js';
import { startEmulator } from '../src/emulator/server.js';
import { runFleet } from '../test/fleet/fleet-run.js';
import { redisServerPath, startRedisServer } from '../test/fleet/redis-server.js';

const PROCESSES = 4;
const CALLS = 50;
const NAME = `fleet: ${PROCESSES} processes × ${CALLS} calls, one AccessKeyId, shared through Redis`;
const idealSeconds = (PROCESSES * CALLS) / QPS_LIMIT_PER_ACCOUNT;

/** Runs the fleet once and returns the bench row. */
export async function benchFleet(): Promise<Record<string, unknown>> {
  if (redisServerPath === undefined) {
    return { name: NAME, seconds: null, idealSeconds, ratio: null, skipped: 'redis-server is not installed' };
  }
  const credentials = { accessKeyId: 'LTAIbenchfleet', accessKeySecret: 'bench-fleet-secret' };
  const [emulator, redis] = await Promise.all([startEmulator({ credentials: [credentials] }), startRedisServer()]);
  try {
    const run = await runFleet(PROCESSES, {
      endpoint: emulator.url,
      credentials,
      calls: CALLS,
      concurrency: 5,
      redis: { url: redis.url, workers: PROCESSES },
      retries: true,
    });
    const failed = run.workers.reduce((sum, w) => sum + Object.values(w.failures).reduce((a, b) => a + b, 0), 0);
    if (failed > 0) throw new Error(`${failed} calls failed: ${JSON.stringify(run.workers.map((w) => w.failures))}`);
    const seconds = Math.round(run.elapsedMs) / 1000;
    return { name: NAME, seconds, idealSeconds, ratio: Math.round((seconds / idealSeconds) * 1000) / 1000 };
  } finally {
    await Promise.all([emulator.close(), redis.stop()]);
  }
}

if (import.meta.url === `file://${process.argv[1]}`) {
  console.log(JSON.stringify(await benchFleet()));
}
