/**
 * Row 2: UpdateLivePullToPush round trips against one bare node:http server (its own process,
 * started once for the row), each client in a fresh process per measurement, clients rotated
 * across repetitions. Ratios are paired within a repetition, then the median is taken.
 */
import { runWorker, startServer } from '../lib/child.js';
import { line, pairedRatio } from '../lib/report.js';
import { median, rotate } from '../lib/stats.js';

const KINDS = ['ours', 'openapi-core', 'pop-core', 'openapi-client', 'http-floor'];

export async function roundTripRow(config, log) {
  const server = await startServer('servers/bare.js');
  const reps = [];
  try {
    for (let r = 0; r < config.reps; r++) {
      const rep = {};
      for (const kind of rotate(KINDS, r)) {
        const { calls, warmup, inflight } = config.rt;
        rep[kind] = await runWorker(
          'workers/rt.js',
          [
            `--kind=${kind}`,
            `--port=${server.port}`,
            `--calls=${calls}`,
            `--warmup=${warmup}`,
            `--inflight=${inflight}`,
          ],
          {
            onMessage: () => server.stats(),
          },
        );
        const { sequential: s, concurrent: c } = rep[kind];
        if (s.errors + c.errors > 0) throw new Error(`${kind}: ${s.errors + c.errors} failed calls`);
        log(
          `  rt rep ${r + 1}/${config.reps} ${kind}: seq ${s.callsPerSecond.toFixed(0)}/s p50 ${s.p50Us.toFixed(0)} µs; ×${inflight} ${c.callsPerSecond.toFixed(0)}/s p50 ${c.p50Us.toFixed(0)} µs`,
        );
      }
      reps.push(rep);
    }
  } finally {
    await server.stop();
  }
  const of = (mode, field) => (kind) => (rep) => rep[kind][mode][field];
  const med = (kind, pick) => median(reps.map(pick(kind)));
  const seqRate = of('sequential', 'callsPerSecond');
  const conRate = of('concurrent', 'callsPerSecond');
  const n = config.rt.inflight;
  const row = 2;
  const lines = [
    line({
      row,
      measure: 'round trips, sequential',
      unit: 'calls/s',
      digits: 0,
      ours: med('ours', seqRate),
      peer: med('openapi-core', seqRate),
      peerName: 'openapi-core',
      ratio: pairedRatio(reps, seqRate('ours'), seqRate('openapi-core')),
      target: { op: '>=', value: 1.2 },
    }),
    line({
      row,
      measure: `round trips, ${n} in flight`,
      unit: 'calls/s',
      digits: 0,
      ours: med('ours', conRate),
      peer: med('openapi-core', conRate),
      peerName: 'openapi-core',
      ratio: pairedRatio(reps, conRate('ours'), conRate('openapi-core')),
      target: { op: '>=', value: 1.5 },
    }),
  ];
  for (const [mode, label] of [
    ['sequential', 'sequential'],
    ['concurrent', `${n} in flight`],
  ]) {
    for (const q of ['p50Us', 'p99Us']) {
      const pick = of(mode, q);
      lines.push(
        line({
          row,
          measure: `round trips, ${label}, ${q.slice(0, 3)} latency`,
          unit: 'µs',
          digits: 0,
          ours: med('ours', pick),
          peer: med('openapi-core', pick),
          peerName: 'openapi-core',
          ratio: pairedRatio(reps, pick('ours'), pick('openapi-core')),
        }),
      );
    }
  }
  for (const mode of ['sequential', 'concurrent']) {
    const pick = of(mode, 'clientCpuUsPerCall');
    lines.push(
      line({
        row,
        measure: `round trips, ${mode === 'sequential' ? 'sequential' : `${n} in flight`}, client CPU per call`,
        unit: 'µs',
        ours: med('ours', pick),
        peer: med('openapi-core', pick),
        peerName: 'openapi-core',
        ratio: pairedRatio(reps, pick('ours'), pick('openapi-core')),
      }),
    );
  }
  for (const [label, rate] of [
    ['sequential', seqRate],
    [`${n} in flight`, conRate],
  ]) {
    lines.push(
      line({
        row,
        measure: `round trips, ${label}, vs pop-core`,
        unit: 'calls/s',
        digits: 0,
        ours: med('ours', rate),
        peer: med('pop-core', rate),
        peerName: 'pop-core',
        ratio: pairedRatio(reps, rate('ours'), rate('pop-core')),
        target: { op: '>', value: 1 },
      }),
    );
  }
  // What no client can beat: node:http with no signing, no parsing of parameters, nothing.
  for (const [label, rate] of [
    ['sequential', seqRate],
    [`${n} in flight`, conRate],
  ]) {
    lines.push(
      line({
        row,
        measure: `ceiling, ${label}: bare node:http GET (no client) in the ours column`,
        unit: 'calls/s',
        digits: 0,
        ours: med('http-floor', rate),
        peer: med('openapi-core', rate),
        peerName: 'openapi-core',
        ratio: pairedRatio(reps, rate('http-floor'), rate('openapi-core')),
      }),
    );
  }
  return { lines, data: { kinds: KINDS, config: config.rt, reps } };
}
