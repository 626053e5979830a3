/**
 * Row 3: emulator throughput against the bare server, driven by the same load generator
 * (workers/load.js: autocannon, pre-signed distinct requests). Every measurement gets a fresh
 * server process; the targets are rotated across repetitions. The bare server is sent exactly the
 * requests the emulator is sent for the same operation, so each ratio compares like with like
 * (an Update request is several times the bytes of a Describe, which costs the generator and the
 * socket whatever the server does with it).
 *
 * The `-paced` targets send the same requests at a fixed rate (`config.load.pacedRate`, req/s)
 * that neither server needs all its time for, so the two CPU figures compare equal offered load,
 * not a saturated emulator against a bare server whose generator is the bottleneck.
 */
import { runWorker, startServer } from '../lib/child.js';
import { line, pairedRatio } from '../lib/report.js';
import { median, rotate } from '../lib/stats.js';

const TARGETS = [
  { id: 'bare-describe', server: 'servers/bare.js', action: 'describe' },
  { id: 'bare-update', server: 'servers/bare.js', action: 'update' },
  { id: 'emulator-describe', server: 'servers/emulator.js', action: 'describe' },
  { id: 'emulator-update', server: 'servers/emulator.js', action: 'update' },
  { id: 'floor-describe', server: 'servers/net-floor.js', action: 'describe' },
  { id: 'floor-update', server: 'servers/net-floor.js', action: 'update' },
  { id: 'bare-describe-paced', server: 'servers/bare.js', action: 'describe', paced: true },
  { id: 'bare-update-paced', server: 'servers/bare.js', action: 'update', paced: true },
  { id: 'emulator-describe-paced', server: 'servers/emulator.js', action: 'describe', paced: true },
  { id: 'emulator-update-paced', server: 'servers/emulator.js', action: 'update', paced: true },
];

export async function emulatorLoadRow(config, log) {
  const reps = [];
  for (let r = 0; r < config.reps; r++) {
    const rep = {};
    for (const target of rotate(TARGETS, r)) {
      const server = await startServer(target.server);
      try {
        const { seconds, warmup, connections, pacedRate } = config.load;
        // Paced warm-up: as many requests as two seconds at the rate, not the saturated count.
        const pacing = target.paced ? [`--rate=${pacedRate}`] : [];
        const warmupRequests = target.paced ? Math.min(warmup, pacedRate * 2) : warmup;
        rep[target.id] = await runWorker(
          'workers/load.js',
          [
            `--port=${server.port}`,
            `--action=${target.action}`,
            `--taskId=${server.taskId ?? 'fd245384-4067-4f91-9d75-9666a6bc0001'}`,
            `--seconds=${seconds}`,
            `--warmup=${warmupRequests}`,
            `--connections=${connections}`,
            ...pacing,
          ],
          { onMessage: () => server.stats() },
        );
      } finally {
        await server.stop();
      }
      const m = rep[target.id];
      if (m.non2xx + m.errors + m.timeouts > 0)
        throw new Error(`${target.id}: ${m.non2xx} non-2xx, ${m.errors} errors, ${m.timeouts} timeouts`);
      log(
        `  emulator rep ${r + 1}/${config.reps} ${target.id}: ${m.requestsPerSecond.toFixed(0)} req/s, server ${m.serverCpuUsPerRequest.toFixed(1)} CPU µs/req`,
      );
    }
    reps.push(rep);
  }
  const rate = (id) => (rep) => rep[id].requestsPerSecond;
  const cpu = (id) => (rep) => rep[id].serverCpuUsPerRequest;
  const p99 = (id) => (rep) => rep[id].latencyMs.p99;
  const med = (id, pick) => median(reps.map(pick(id)));
  const row = 3;
  const c = config.load.connections;
  const lines = [];
  const pairs = [
    ['emulator-describe', 'bare-describe', 'DescribeLivePullToPush'],
    ['emulator-update', 'bare-update', 'UpdateLivePullToPush'],
  ];
  for (const [id, bare, what] of pairs) {
    lines.push(
      line({
        row,
        measure: `emulator ${what}, verified, ${c} connections, vs bare node:http (same requests)`,
        unit: 'req/s',
        digits: 0,
        ours: med(id, rate),
        peer: med(bare, rate),
        peerName: 'bare',
        ratio: pairedRatio(reps, rate(id), rate(bare)),
        target: { op: '>=', value: 0.5 },
      }),
    );
  }
  for (const [id, bare, what] of pairs) {
    lines.push(
      line({
        row,
        measure: `emulator ${what}, server CPU per request`,
        unit: 'µs',
        ours: med(id, cpu),
        peer: med(bare, cpu),
        peerName: 'bare',
        ratio: pairedRatio(reps, cpu(id), cpu(bare)),
        target: { op: '<=', value: 1.6 },
      }),
    );
    const user = (target) => (rep) => rep[target].serverUserUsPerRequest;
    const system = (target) => (rep) => rep[target].serverSystemUsPerRequest;
    lines.push(
      line({
        row,
        measure: `emulator ${what}, server CPU per request: user / system`,
        unit: 'µs',
        ours: `${med(id, user).toFixed(1)} / ${med(id, system).toFixed(1)}`,
        peer: `${med(bare, user).toFixed(1)} / ${med(bare, system).toFixed(1)}`,
        peerName: 'bare',
        ratio: null,
      }),
    );
    const floor = id.replace('emulator-', 'floor-');
    lines.push(
      line({
        row,
        measure: `floor: a node:net server that splits the head and answers with one write, ${what} requests, server CPU per request`,
        unit: 'µs',
        ours: med(floor, cpu),
        peer: med(bare, cpu),
        peerName: 'bare',
        ratio: pairedRatio(reps, cpu(floor), cpu(bare)),
      }),
    );
    lines.push(
      line({
        row,
        measure: `paced: both servers at ${Math.round(med(`${id}-paced`, rate)).toLocaleString('en-US')} req/s (autocannon overallRate ${config.load.pacedRate}), ${what}, server CPU per request`,
        unit: 'µs',
        ours: med(`${id}-paced`, cpu),
        peer: med(`${bare}-paced`, cpu),
        peerName: 'bare',
        ratio: pairedRatio(reps, cpu(`${id}-paced`), cpu(`${bare}-paced`)),
      }),
    );
    lines.push(
      line({
        row,
        measure: `emulator ${what}, p99 latency (autocannon, whole ms)`,
        unit: 'ms',
        digits: 0,
        ours: med(id, p99),
        peer: med(bare, p99),
        peerName: 'bare',
      }),
    );
  }
  return { lines, data: { config: config.load, reps } };
}
