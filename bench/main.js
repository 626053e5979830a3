/**
 * `npm run bench`: live-relay's client and emulator against Alibaba Cloud's official SDK cores,
 * measured side by side in the same run. Prints a table and writes bench/results/latest.json.
 *
 *   npm run bench                        full run (about 7 minutes on an idle 2-core machine)
 *   npm run bench -- --quick             smoke run (about 3 minutes; not for quoting)
 *   npm run bench -- --only=rt,overhead  some rows (overhead, rt, emulator, cold, scale, footprint, fleet, relay, cli, playback)
 *   npm run bench -- --reps=7            more repetitions for the repeated rows
 *   npm run bench -- --out=path.json     write the JSON elsewhere
 *
 * Benchmarks are not tests: nothing here asserts a timing; misses are reported, not thrown.
 * Expects dist/ to be built (`npm run bench` builds first).
 */
import { existsSync, mkdirSync, writeFileSync } from 'node:fs';
import { dirname } from 'node:path';
import { fileURLToPath } from 'node:url';
import { CLIENT_KINDS, ourVersion, packageVersion } from './lib/clients.js';
import { load, machineInfo } from './lib/machine.js';
import { renderTable } from './lib/report.js';
import { parseArgs } from './lib/worker-io.js';
import { cliRow } from './rows/cli.js';
import { coldStartRow } from './rows/cold-start.js';
import { emulatorLoadRow } from './rows/emulator-load.js';
import { fleetRow } from './rows/fleet.js';
import { footprintRow } from './rows/footprint.js';
import { overheadRow } from './rows/overhead.js';
import { playbackRow } from './rows/playback.js';
import { preflight } from './rows/preflight.js';
import { relayRow } from './rows/relay.js';
import { roundTripRow } from './rows/round-trips.js';
import { scaleRow } from './rows/scale.js';

const ROWS = {
  overhead: overheadRow,
  rt: roundTripRow,
  emulator: emulatorLoadRow,
  cold: coldStartRow,
  scale: scaleRow,
  footprint: footprintRow,
  fleet: fleetRow,
  relay: relayRow,
  cli: cliRow,
  playback: playbackRow,
};

const FULL = {
  reps: 5,
  overhead: { calls: 20_000, warmup: 5_000 },
  rt: { calls: 5_000, warmup: 2_000, inflight: 32 },
  load: { seconds: 5, warmup: 10_000, connections: 32, pacedRate: 2_000 },
  cold: { rounds: 5, runs: 5 },
  scale: { tasks: 100_000, samples: 1_000 },
  relay: { steps: [25, 50, 100, 150], window: 30, warmup: 5 },
  cli: { pairs: 21 },
  playback: { tasks: 100_000, samples: 1_000 },
};
const QUICK = {
  reps: 2,
  overhead: { calls: 5_000, warmup: 2_000 },
  rt: { calls: 1_500, warmup: 500, inflight: 32 },
  load: { seconds: 2, warmup: 5_000, connections: 32, pacedRate: 2_000 },
  cold: { rounds: 2, runs: 3 },
  scale: { tasks: 100_000, samples: 300 },
  relay: { steps: [10, 25], window: 10, warmup: 3 },
  cli: { pairs: 7 },
  playback: { tasks: 100_000, samples: 300 },
};

const args = parseArgs();
const quick = args.quick === 'true';
const config = { ...(quick ? QUICK : FULL), quick };
if (typeof args.reps === 'number') config.reps = args.reps;
const only = typeof args.only === 'string' ? args.only.split(',') : Object.keys(ROWS);
const unknown = only.filter((id) => !(id in ROWS));
if (unknown.length > 0) {
  console.error(`unknown row(s): ${unknown.join(', ')}; rows are ${Object.keys(ROWS).join(', ')}`);
  process.exit(2);
}
if (!existsSync(new URL('../dist/index.js', import.meta.url))) {
  console.error('dist/ is missing: run `npm run bench` (it builds first) or `npm run build`.');
  process.exit(2);
}
const outPath =
  typeof args.out === 'string' ? args.out : fileURLToPath(new URL('results/latest.json', import.meta.url));

const started = Date.now();
const log = (message) => console.log(`[${((Date.now() - started) / 1000).toFixed(0).padStart(4)} s] ${message}`);
const machine = machineInfo();
log(
  `live-relay bench${quick ? ' --quick' : ''}: ${only.join(', ')}; ${config.reps} repetitions; ${machine.nproc} CPUs, Node ${machine.node}, load ${load()}`,
);

const results = {
  date: new Date().toISOString(),
  mode: quick ? 'quick' : 'full',
  machine,
  versions: {
    'live-relay': ourVersion(),
    '@alicloud/openapi-core': packageVersion('@alicloud/openapi-core'),
    '@alicloud/openapi-client': packageVersion('@alicloud/openapi-client'),
    '@alicloud/pop-core': packageVersion('@alicloud/pop-core'),
    '@darabonba/typescript': packageVersion('@darabonba/typescript', '@alicloud/openapi-core'),
    httpx: packageVersion('httpx', '@alicloud/openapi-core'),
    autocannon: packageVersion('autocannon'),
  },
  clients: CLIENT_KINDS,
  config,
  preflight: undefined,
  rows: {},
  table: [],
};

if (only.some((id) => id === 'overhead' || id === 'rt' || id === 'emulator')) {
  log('preflight');
  results.preflight = await preflight(log);
}
for (const id of only) {
  const loadBefore = load();
  log(`row ${id} (load ${loadBefore})`);
  const rowStarted = Date.now();
  try {
    const { lines, data } = await ROWS[id](config, log);
    results.rows[id] = { seconds: (Date.now() - rowStarted) / 1000, loadBefore, loadAfter: load(), data };
    results.table.push(...lines);
  } catch (error) {
    log(`row ${id} FAILED: ${error?.stack ?? error}`);
    results.rows[id] = { error: String(error?.message ?? error) };
    results.table.push({
      row: id,
      measure: `${id} failed`,
      verdict: 'error',
      note: String(error?.message ?? error).slice(0, 200),
    });
  }
}
results.seconds = (Date.now() - started) / 1000;

console.log(`\n${renderTable(results.table)}\n`);
const misses = results.table.filter((l) => l.verdict === 'miss' || l.verdict === 'error');
console.log(
  `${results.table.filter((l) => l.verdict === 'pass').length} pass, ${misses.length} miss/error; ${results.seconds.toFixed(0)} s; load ${load()} at the end.`,
);
console.log(
  'Ratios are paired within each repetition, then the median is taken. Row 1 verdicts use CPU µs per call. See bench/README.md.',
);
mkdirSync(dirname(outPath), { recursive: true });
// One line per array of numbers keeps the file short and its diffs readable.
const json = JSON.stringify(results, null, 1).replace(
  /\[\s*(-?[\d.e+-]+(?:,\s*-?[\d.e+-]+)*)\s*\]/g,
  (_, list) => `[${list.replace(/\s+/g, '')}]`,
);
writeFileSync(outPath, `${json}\n`);
console.log(`wrote ${outPath}`);
