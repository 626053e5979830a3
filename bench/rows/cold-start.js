/**
 * Row 4: cold start. Each script (bench/cold/) is a fresh `node` process that imports one client,
 * makes one signed call to the bare server and exits; `empty.js` only starts and exits. With
 * hyperfine on PATH it times the scripts (`-N`, warm-ups, rounds with rotated order); otherwise
 * `spawnSync` timing, rounds with rotated order, one untimed warm-up run per script per round.
 * The increment is a script's median minus the empty script's median of the same round.
 */
import { execFileSync, spawnSync } from 'node:child_process';
import { mkdtempSync, readFileSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { BENCH_DIR, startServer } from '../lib/child.js';
import { line } from '../lib/report.js';
import { median, rotate } from '../lib/stats.js';

const SCRIPTS = ['empty', 'ours', 'openapi-core', 'openapi-client', 'pop-core'];

function hyperfineAvailable() {
  return spawnSync('sh', ['-c', 'command -v hyperfine'], { encoding: 'utf8' }).status === 0;
}

function runOnce(script, port) {
  const start = process.hrtime.bigint();
  const child = spawnSync(process.execPath, [join(BENCH_DIR, 'cold', `${script}.js`), String(port)], {
    encoding: 'utf8',
  });
  const wallMs = Number(process.hrtime.bigint() - start) / 1e6;
  if (child.status !== 0) throw new Error(`cold/${script}.js failed: ${child.stderr.slice(0, 500)}`);
  return { wallMs, ...JSON.parse(child.stdout) };
}

function roundWithHyperfine(order, port, runs) {
  const dir = mkdtempSync(join(tmpdir(), 'live-relay-cold-'));
  try {
    const out = join(dir, 'out.json');
    const commands = order.map((s) => `${process.execPath} ${join(BENCH_DIR, 'cold', `${s}.js`)} ${port}`);
    execFileSync('hyperfine', ['-N', '--warmup', '2', '--runs', String(runs), '--export-json', out, ...commands], {
      stdio: 'ignore',
    });
    const { results } = JSON.parse(readFileSync(out, 'utf8'));
    return Object.fromEntries(order.map((s, i) => [s, results[i].times.map((t) => t * 1000)]));
  } finally {
    rmSync(dir, { recursive: true, force: true });
  }
}

export async function coldStartRow(config, log) {
  const server = await startServer('servers/bare.js');
  const useHyperfine = hyperfineAvailable();
  const rounds = [];
  try {
    for (let r = 0; r < config.cold.rounds; r++) {
      const order = rotate(SCRIPTS, r);
      const round = {};
      if (useHyperfine) {
        const times = roundWithHyperfine(order, server.port, config.cold.runs);
        for (const s of order) round[s] = { wallMs: times[s] };
      } else {
        for (const s of order) {
          runOnce(s, server.port);
          const runs = Array.from({ length: config.cold.runs }, () => runOnce(s, server.port));
          round[s] = {
            wallMs: runs.map((x) => x.wallMs),
            answeredAtMs: runs.map((x) => x.answeredAtMs),
            importedAtMs: runs.map((x) => x.importedAtMs ?? NaN),
          };
        }
      }
      for (const s of SCRIPTS) round[s].incrementMs = median(round[s].wallMs) - median(round.empty.wallMs);
      log(
        `  cold round ${r + 1}/${config.cold.rounds}: ${SCRIPTS.map((s) => `${s} ${median(round[s].wallMs).toFixed(0)} ms`).join(', ')}`,
      );
      rounds.push(round);
    }
  } finally {
    await server.stop();
  }
  const inc = (s) => median(rounds.map((round) => round[s].incrementMs));
  const ratioTo = (s, peer) => median(rounds.map((round) => round[s].incrementMs / round[peer].incrementMs));
  const pooled = (s, field) => median(rounds.flatMap((round) => round[s][field] ?? []));
  const row = 4;
  const lines = [
    line({
      row,
      measure: 'cold start: import + first signed call + exit, beyond empty node',
      unit: 'ms',
      ours: inc('ours'),
      peer: inc('openapi-core'),
      peerName: 'openapi-core',
      ratio: ratioTo('ours', 'openapi-core'),
      target: { op: '<=', value: 0.25 },
    }),
    line({
      row,
      measure: 'cold start increment, vs openapi-client',
      unit: 'ms',
      ours: inc('ours'),
      peer: inc('openapi-client'),
      peerName: 'openapi-client',
      ratio: ratioTo('ours', 'openapi-client'),
    }),
    line({
      row,
      measure: 'cold start increment, vs pop-core',
      unit: 'ms',
      ours: inc('ours'),
      peer: inc('pop-core'),
      peerName: 'pop-core',
      ratio: ratioTo('ours', 'pop-core'),
      target: { op: '<', value: 1 },
    }),
    line({
      row,
      measure: 'empty node process (the baseline subtracted above)',
      unit: 'ms',
      ours: pooled('empty', 'wallMs'),
    }),
  ];
  if (!useHyperfine) {
    lines.push(
      line({
        row,
        measure: 'in-process: time to first answer (performance.now)',
        unit: 'ms',
        ours: pooled('ours', 'answeredAtMs'),
        peer: pooled('openapi-core', 'answeredAtMs'),
        peerName: 'openapi-core',
      }),
    );
  }
  return {
    lines,
    data: { method: useHyperfine ? 'hyperfine -N' : 'spawnSync, rotated rounds', config: config.cold, rounds },
  };
}
