/**
 * Row 2, one measurement in a fresh process: UpdateLivePullToPush round trips against the bare
 * server on `--port`. One checked call; `--warmup` sequential calls, `--calls` timed sequential
 * calls; then `--warmup` calls with `--inflight` in flight (which opens the sockets) and `--calls`
 * timed ones. Every answer is checked. Latency per call with hrtime; client CPU per call from
 * `process.cpuUsage()` (all threads: JIT and GC included). The driver reads the server's CPU
 * around each timed phase (via `ask`).
 */

import { checkAnswer, loadClient } from '../lib/clients.js';
import { quantileInPlace } from '../lib/stats.js';
import { ask, parseArgs, sendResult } from '../lib/worker-io.js';

const { kind, port, calls = 5000, warmup = 2000, inflight = 32 } = parseArgs();
const { call, version } = await loadClient(kind, port);
checkAnswer(await call());

async function timed(n, width) {
  const latencies = new Float64Array(n);
  let next = 0;
  let errors = 0;
  async function lane() {
    while (next < n) {
      const i = next++;
      const start = process.hrtime.bigint();
      try {
        checkAnswer(await call());
      } catch (error) {
        errors++;
        if (errors === 1) console.error(`[rt ${kind}]`, error);
      }
      latencies[i] = Number(process.hrtime.bigint() - start) / 1000;
    }
  }
  const server0 = await ask({ what: 'server-stats' });
  const cpu0 = process.cpuUsage();
  const t0 = process.hrtime.bigint();
  await Promise.all(Array.from({ length: width }, lane));
  const wallUs = Number(process.hrtime.bigint() - t0) / 1000;
  const cpu = process.cpuUsage(cpu0);
  const server1 = await ask({ what: 'server-stats' });
  latencies.sort();
  return {
    calls: n,
    errors,
    callsPerSecond: n / (wallUs / 1e6),
    p50Us: quantileInPlace(latencies, 0.5),
    p99Us: quantileInPlace(latencies, 0.99),
    clientCpuUsPerCall: (cpu.user + cpu.system) / n,
    serverCpuUsPerCall: (server1.cpuUs - server0.cpuUs) / (server1.requests - server0.requests),
  };
}

async function untimed(n, width) {
  let next = 0;
  await Promise.all(
    Array.from({ length: width }, async () => {
      while (next++ < n) checkAnswer(await call());
    }),
  );
}

await untimed(warmup, 1);
const sequential = await timed(calls, 1);
await untimed(warmup, inflight);
const concurrent = await timed(calls, inflight);
await sendResult({ kind, version, sequential, concurrent, inflight, rssMb: process.memoryUsage.rss() / 2 ** 20 });
process.exit(0);
