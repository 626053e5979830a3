/**
 * Row 9: the `live-relay` command, process start to exit, against an empty `node -e 0` run by run.
 * The emulator (bench/servers/emulator.js, its own process) holds one task; each pair runs the
 * empty node and one command back to back, in alternating order, and the ratio is taken within
 * the pair. Commands: `DescribeLivePullToPush` of that task (credentials from the environment,
 * as a shell loop would pass them; V3-signed, verified, answered) and `live-relay --help`. The
 * floor (cold/net-call.cjs, a file that only loads `node:net` and makes one unsigned round trip to
 * the same emulator) is paired with `node -e 0` the same way, and its median difference from the
 * Describe run next to it is the command's own work.
 */
import { spawnSync } from 'node:child_process';
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { startServer } from '../lib/child.js';
import { CREDENTIALS, REGION } from '../lib/params.js';
import { line } from '../lib/report.js';
import { median } from '../lib/stats.js';

const BIN = fileURLToPath(new URL('../../bin/live-relay.js', import.meta.url));
const FLOOR = fileURLToPath(new URL('../cold/net-call.cjs', import.meta.url));

/** Wall milliseconds of one run; throws unless it exits 0 and `check` accepts its stdout. */
function timed(args, env, check) {
  const start = process.hrtime.bigint();
  const child = spawnSync(process.execPath, args, { env, encoding: 'utf8' });
  const wallMs = Number(process.hrtime.bigint() - start) / 1e6;
  if (child.status !== 0 || !check(child.stdout)) {
    throw new Error(`node ${args.join(' ')} exited ${child.status}: ${(child.stderr || child.stdout).slice(0, 500)}`);
  }
  return wallMs;
}

export async function cliRow(config, log) {
  const server = await startServer('servers/emulator.js');
  // An empty HOME: no ~/.aliyun/config.json of the machine's user is read or needed.
  const home = mkdtempSync(join(tmpdir(), 'live-relay-cli-home-'));
  const env = {
    PATH: process.env.PATH ?? '',
    HOME: home,
    ALIBABA_CLOUD_ACCESS_KEY_ID: CREDENTIALS.accessKeyId,
    ALIBABA_CLOUD_ACCESS_KEY_SECRET: CREDENTIALS.accessKeySecret,
  };
  const endpoint = `http://127.0.0.1:${server.port}`;
  const commands = {
    empty: { args: ['-e', '0'], check: () => true },
    describe: {
      args: [BIN, 'DescribeLivePullToPush', '--endpoint', endpoint, '--Region', REGION, '--TaskId', server.taskId],
      check: (out) => JSON.parse(out).TaskId === server.taskId,
    },
    help: { args: [BIN, '--help'], check: (out) => out.startsWith('live-relay:') },
    floor: {
      args: [FLOOR, String(server.port), `/?Region=${REGION}&TaskId=${server.taskId}`],
      check: (out) => JSON.parse(out).Code === 'MissingParameter',
    },
  };
  const run = (name) => timed(commands[name].args, env, commands[name].check);
  const pairs = { describe: [], help: [], floor: [] };
  try {
    for (const name of Object.keys(commands)) run(name);
    for (let i = 0; i < config.cli.pairs; i++) {
      for (const name of ['describe', 'help', 'floor']) {
        // Alternate which of the two goes first, so neither always follows the other.
        const [first, second] = i % 2 === 0 ? ['empty', name] : [name, 'empty'];
        const a = run(first);
        const b = run(second);
        const [emptyMs, commandMs] = first === 'empty' ? [a, b] : [b, a];
        pairs[name].push({ emptyMs, commandMs, ratio: commandMs / emptyMs });
      }
    }
  } finally {
    await server.stop();
    rmSync(home, { recursive: true, force: true });
  }
  const summary = (name) => ({
    command: median(pairs[name].map((p) => p.commandMs)),
    empty: median(pairs[name].map((p) => p.emptyMs)),
    ratio: median(pairs[name].map((p) => p.ratio)),
  });
  const describe = summary('describe');
  const help = summary('help');
  const floor = summary('floor');
  // Round i ran its Describe and its floor within a few hundred ms of each other.
  const ownMs = median(pairs.describe.map((p, i) => p.commandMs - pairs.floor[i].commandMs));
  log(
    `  cli: describe ${describe.command.toFixed(0)} ms, --help ${help.command.toFixed(0)} ms, floor ${floor.command.toFixed(0)} ms, empty node ${describe.empty.toFixed(0)} ms`,
  );
  const row = 9;
  return {
    lines: [
      line({
        row,
        measure: 'CLI DescribeLivePullToPush against the emulator, process start to exit, vs node -e 0',
        unit: 'ms',
        ours: describe.command,
        peer: describe.empty,
        peerName: 'node -e 0',
        ratio: describe.ratio,
        target: { op: '<=', value: 1.5 },
      }),
      line({
        row,
        measure: 'CLI --help, process start to exit, vs node -e 0',
        unit: 'ms',
        ours: help.command,
        peer: help.empty,
        peerName: 'node -e 0',
        ratio: help.ratio,
        target: { op: '<=', value: 1.3 },
      }),
      line({
        row,
        measure:
          'floor: a file that loads node:net, makes one round trip and prints it (cold/net-call.cjs), vs node -e 0',
        unit: 'ms',
        ours: floor.command,
        peer: floor.empty,
        peerName: 'node -e 0',
        ratio: floor.ratio,
      }),
      line({
        row,
        measure: "the command's own work: Describe minus the floor, round by round",
        unit: 'ms',
        ours: ownMs,
        ratio: null,
      }),
    ],
    data: { method: 'spawnSync pairs, order alternating', config: config.cli, pairs },
  };
}
