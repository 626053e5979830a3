/**
 * One worker of a fleet, run as its own process: `node --import tsx test/fleet/fleet-worker.ts`
 * with the JSON {@link WorkerConfig} in $FLEET_WORKER_CONFIG. It creates a client, prints
 * `{"event":"ready"}`, waits for a line on stdin (so a fleet starts together), makes `calls`
 * DescribeLivePullToPushList calls, `concurrency` at a time, and prints one JSON line per call and
 * per rate-limit log message, then `{"event":"done", ...}`.
 */
import { createInterface } from 'node:readline';
import type { OnRedisDown } from '../../src/client/rate-limit/redis/redis-options.js';
import { createRedisRateLimitStore } from '../../src/client/rate-limit/redis/redis-rate-limit-store.js';
import { createLiveClient } from '../../src/index.js';

export interface WorkerConfig {
  readonly endpoint: string;
  readonly credentials: { readonly accessKeyId: string; readonly accessKeySecret: string };
  readonly calls: number;
  readonly concurrency: number;
  /** Keep calling until this long after "go" (ms) instead of stopping after `calls`; a failed call is followed by a 50 ms pause. */
  readonly durationMs?: number;
  /** Share the budget through this Redis; absent: each process has its own in-memory limiter. */
  readonly redis?: { readonly url: string; readonly workers?: number; readonly onRedisDown?: OnRedisDown };
  /** false: one attempt per call, so throttling surfaces as an error. */
  readonly retries: boolean;
  /** false: end without closing the Redis store (it must not keep the process alive). @default true */
  readonly closeStore?: boolean;
}

/** What a worker prints, one JSON object per line. */
export type WorkerEvent =
  | { readonly event: 'ready' }
  | { readonly event: 'call'; readonly at: number; readonly ok: boolean; readonly code?: string }
  | { readonly event: 'log'; readonly level: 'warn' | 'info'; readonly message: string }
  | { readonly event: 'done'; readonly ok: number; readonly failures: Record<string, number> };

const print = (event: WorkerEvent): void => void process.stdout.write(`${JSON.stringify(event)}\n`);

const config = JSON.parse(process.env['FLEET_WORKER_CONFIG'] ?? '') as WorkerConfig;
const store =
  config.redis === undefined
    ? undefined
    : createRedisRateLimitStore({
        ...config.redis,
        logger: {
          warn: (message) => print({ event: 'log', level: 'warn', message }),
          info: (message) => print({ event: 'log', level: 'info', message }),
        },
      });
const client = createLiveClient({
  endpoint: config.endpoint,
  credentials: config.credentials,
  retry: { maxAttempts: config.retries ? 3 : 1 },
  ...(store === undefined ? {} : { rateLimit: { store } }),
});

print({ event: 'ready' });
const lines = createInterface({ input: process.stdin });
await new Promise<void>((resolve) => lines.once('line', () => resolve()));
lines.close();

const stopAt = config.durationMs === undefined ? undefined : Date.now() + config.durationMs;
const more = (): boolean => (stopAt === undefined ? next < config.calls : Date.now() < stopAt);
let next = 0;
let ok = 0;
const failures: Record<string, number> = {};
await Promise.all(
  Array.from({ length: config.concurrency }, async () => {
    while (more()) {
      next++;
      try {
        await client.describeLivePullToPushList({ Region: 'cn-shanghai' });
        ok++;
        print({ event: 'call', at: Date.now(), ok: true });
      } catch (error) {
        const { code, name } = error as { code?: unknown; name?: unknown };
        const key = typeof code === 'string' ? code : String(name);
        failures[key] = (failures[key] ?? 0) + 1;
        print({ event: 'call', at: Date.now(), ok: false, code: key });
        if (stopAt !== undefined) await new Promise((resolve) => setTimeout(resolve, 50));
      }
    }
  }),
);
print({ event: 'done', ok, failures });
if (config.closeStore !== false) await store?.close();
