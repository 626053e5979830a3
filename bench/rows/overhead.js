/**
 * Row 1: client overhead per call, the HTTP layer stubbed below each client (see
 * workers/overhead.js for the cuts), every measurement in a fresh process, kinds rotated across
 * repetitions. The verdict uses CPU µs per call (all threads); wall µs per call is kept too.
 */
import { runWorker } from '../lib/child.js';
import { line, pairedRatio } from '../lib/report.js';
import { median, rotate } from '../lib/stats.js';

const KINDS = [
  'ours',
  'openapi-core',
  'pop-core',
  'openapi-client',
  'ours-fetch',
  'ours@socket',
  'openapi-core@socket',
  'pop-core@socket',
  'signer',
];

export async function overheadRow(config, log) {
  const reps = [];
  for (let r = 0; r < config.reps; r++) {
    const rep = {};
    for (const kind of rotate(KINDS, r)) {
      rep[kind] = await runWorker('workers/overhead.js', [
        `--kind=${kind}`,
        `--calls=${config.overhead.calls}`,
        `--warmup=${config.overhead.warmup}`,
      ]);
      log(
        `  overhead rep ${r + 1}/${config.reps} ${kind}: ${rep[kind].cpuUsPerCall.toFixed(1)} CPU µs/call, ${rep[kind].wallUsPerCall.toFixed(1)} wall µs/call`,
      );
    }
    reps.push(rep);
  }
  const cpu = (kind) => (rep) => rep[kind].cpuUsPerCall;
  const wall = (kind) => (rep) => rep[kind].wallUsPerCall;
  const med = (kind, of = cpu) => median(reps.map(of(kind)));
  const row = 1;
  const measure = 'client overhead per call, HTTP stubbed';
  const lines = [
    line({
      row,
      measure: `${measure}, vs openapi-core`,
      unit: 'CPU µs',
      ours: med('ours'),
      peer: med('openapi-core'),
      peerName: 'openapi-core',
      ratio: pairedRatio(reps, cpu('ours'), cpu('openapi-core')),
      target: { op: '<=', value: 0.6 },
    }),
    line({
      row,
      measure: 'same cut for both, the socket (net.connect), vs pop-core',
      unit: 'CPU µs',
      ours: med('ours@socket'),
      peer: med('pop-core@socket'),
      peerName: 'pop-core',
      ratio: pairedRatio(reps, cpu('ours@socket'), cpu('pop-core@socket')),
      target: { op: '<', value: 1 },
    }),
    line({
      row,
      measure: `${measure}, vs pop-core stubbed at httpx (its HTTP layer skipped, ours run)`,
      unit: 'CPU µs',
      ours: med('ours'),
      peer: med('pop-core'),
      peerName: 'pop-core',
      ratio: pairedRatio(reps, cpu('ours'), cpu('pop-core')),
    }),
    line({
      row,
      measure: `${measure}, vs openapi-core`,
      unit: 'wall µs',
      ours: med('ours', wall),
      peer: med('openapi-core', wall),
      peerName: 'openapi-core',
      ratio: pairedRatio(reps, wall('ours'), wall('openapi-core')),
    }),
    line({
      row,
      measure: `${measure}, vs openapi-client`,
      unit: 'CPU µs',
      ours: med('ours'),
      peer: med('openapi-client'),
      peerName: 'openapi-client',
      ratio: pairedRatio(reps, cpu('ours'), cpu('openapi-client')),
    }),
    line({
      row,
      measure: 'same cut for both, the socket (net.connect), vs openapi-core',
      unit: 'CPU µs',
      ours: med('ours@socket'),
      peer: med('openapi-core@socket'),
      peerName: 'openapi-core',
      ratio: pairedRatio(reps, cpu('ours@socket'), cpu('openapi-core@socket')),
    }),
    line({
      row,
      measure: 'ours through the `fetch` option (stub returns a ready Response)',
      unit: 'CPU µs',
      ours: med('ours-fetch'),
      peer: med('openapi-core'),
      peerName: 'openapi-core',
      ratio: pairedRatio(reps, cpu('ours-fetch'), cpu('openapi-core')),
    }),
    line({
      row,
      measure: 'floor: signV3 alone (canonical query + V3 signature)',
      unit: 'CPU µs',
      ours: med('signer'),
      peer: med('ours'),
      peerName: 'ours per call',
      ratio: pairedRatio(reps, cpu('signer'), cpu('ours')),
    }),
  ];
  const stubs = Object.fromEntries(KINDS.map((kind) => [kind, reps[0][kind].stub]));
  return { lines, data: { kinds: KINDS, stubs, config: config.overhead, reps } };
}
