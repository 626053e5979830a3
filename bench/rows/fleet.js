/**
 * Row 7: the fleet benchmark (bench/fleet.ts: 4 processes × 50 calls on one AccessKeyId,
 * sharing its limit through Redis, against the ideal 20 s), when `redis-server` is on PATH. It
 * runs in its own process (`node --import tsx bench/fleet.ts`) and prints one JSON line
 * `{ name, seconds, idealSeconds, ratio }` (or `seconds: null` and `skipped`).
 */
import { spawnSync } from 'node:child_process';
import { existsSync } from 'node:fs';
import { join } from 'node:path';
import { BENCH_DIR } from '../lib/child.js';
import { line, skipped } from '../lib/report.js';

const MEASURE = 'fleet: 4 processes × 50 calls, one limit via Redis, vs ideal';

export async function fleetRow(_config, log) {
  if (spawnSync('sh', ['-c', 'command -v redis-server'], { encoding: 'utf8' }).status !== 0) {
    return { lines: [skipped(7, MEASURE, 'no redis-server')], data: { skipped: 'no redis-server' } };
  }
  const script = ['fleet.js', 'fleet.mjs', 'fleet.ts'].map((f) => join(BENCH_DIR, f)).find(existsSync);
  if (script === undefined) {
    return {
      lines: [skipped(7, MEASURE, 'bench/fleet.* not present')],
      data: { skipped: 'bench/fleet.* not present' },
    };
  }
  const execArgv = script.endsWith('.ts') ? ['--import', 'tsx'] : [];
  const child = spawnSync(process.execPath, [...execArgv, script], {
    cwd: join(BENCH_DIR, '..'),
    encoding: 'utf8',
    timeout: 300_000,
  });
  if (child.status !== 0)
    throw new Error(`${script} failed (${child.status ?? child.signal}): ${child.stderr.slice(-1000)}`);
  const result = JSON.parse(child.stdout.trim().split('\n').pop());
  log(`  fleet: ${JSON.stringify(result)}`);
  if (result.seconds === null || result.seconds === undefined) {
    return { lines: [skipped(7, MEASURE, result.skipped ?? 'no result')], data: result };
  }
  return {
    lines: [
      line({
        row: 7,
        measure: MEASURE,
        unit: 's',
        digits: 2,
        ours: result.seconds,
        peer: result.idealSeconds,
        peerName: 'ideal',
      }),
    ],
    data: result,
  };
}
