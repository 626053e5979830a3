import { spawn } from 'node:child_process';
import { createInterface } from 'node:readline';
import { fileURLToPath } from 'node:url';
import type { WorkerConfig, WorkerEvent } from './fleet-worker.js';

/** The repository root, where `node --import tsx test/fleet/fleet-worker.ts` resolves. */
const ROOT = fileURLToPath(new URL('../../', import.meta.url));

/** What one worker process reported. */
export interface WorkerReport {
  /** When the worker reported its last call done (`performance.now()` of this process). */
  readonly doneAt: number;
  readonly ok: number;
  readonly failures: Record<string, number>;
  readonly logs: { readonly level: 'warn' | 'info'; readonly message: string }[];
  /** Each call as it ended: epoch ms, and the error code when it failed. */
  readonly calls: { readonly at: number; readonly ok: boolean; readonly code?: string }[];
}

/** A fleet run: every worker's report, and the time from "go" to the last worker's last call (ms). */
export interface FleetRun {
  readonly workers: WorkerReport[];
  readonly elapsedMs: number;
}

/**
 * Runs `processes` workers (separate Node processes) with one config, starting their calls
 * together once all are ready (then calls `onGo`), and resolves when all have finished. Rejects if a worker fails.
 */
export async function runFleet(processes: number, config: WorkerConfig, onGo?: () => void): Promise<FleetRun> {
  const workers = Array.from({ length: processes }, () => startWorker(config));
  await Promise.all(workers.map((w) => w.ready));
  const start = performance.now();
  for (const w of workers) w.go();
  onGo?.();
  const reports = await Promise.all(workers.map((w) => w.done));
  return { workers: reports, elapsedMs: Math.max(...reports.map((r) => r.doneAt)) - start };
}

function startWorker(config: WorkerConfig) {
  const child = spawn(process.execPath, ['--import', 'tsx', 'test/fleet/fleet-worker.ts'], {
    cwd: ROOT,
    env: { PATH: process.env['PATH'] ?? '', FLEET_WORKER_CONFIG: JSON.stringify(config) },
    stdio: ['pipe', 'pipe', 'pipe'],
  });
  child.stdin.on('error', () => undefined); // a worker that already died; `done` reports it
  let stderr = '';
  child.stderr.on('data', (chunk: Buffer) => (stderr += chunk.toString()));
  const logs: WorkerReport['logs'] = [];
  const calls: WorkerReport['calls'] = [];
  let markReady!: () => void;
  const ready = new Promise<void>((resolve) => (markReady = resolve));
  let report: WorkerReport | undefined;
  createInterface({ input: child.stdout }).on('line', (line) => {
    const event = JSON.parse(line) as WorkerEvent;
    if (event.event === 'ready') markReady();
    else if (event.event === 'log') logs.push({ level: event.level, message: event.message });
    else if (event.event === 'call') calls.push(event.code === undefined ? { at: event.at, ok: event.ok } : event);
    else if (event.event === 'done')
      report = { doneAt: performance.now(), ok: event.ok, failures: event.failures, logs, calls };
  });
  const done = new Promise<WorkerReport>((resolve, reject) => {
    child.once('error', reject);
    child.once('close', (code) => {
      if (code === 0 && report !== undefined) resolve(report);
      else reject(new Error(`fleet worker exited with ${code}:\n${stderr}`));
    });
  });
  // A worker that dies before it is ready must not leave the fleet waiting.
  void done.catch(() => markReady());
  return { ready, done, go: () => child.stdin.end('go\n') };
}
