/**
 * Child processes of the benchmark: long-lived servers (IPC, `ready` message, stats on demand)
 * and one-shot workers (IPC, one `result` message, then exit). Every child is started with the
 * same Node binary and stopped by its own PID.
 */
import { fork } from 'node:child_process';
import { fileURLToPath } from 'node:url';

export const BENCH_DIR = fileURLToPath(new URL('..', import.meta.url));

/** Starts `bench/<script>` and resolves once it reports `ready`. */
export function startServer(script, args = [], { execArgv = [] } = {}) {
  const child = fork(new URL(`../${script}`, import.meta.url), args, {
    execArgv,
    stdio: ['ignore', 'inherit', 'inherit', 'ipc'],
  });
  let nextId = 0;
  const pending = new Map();
  child.on('message', (message) => {
    if (message?.type === 'stats' && pending.has(message.id)) {
      pending.get(message.id)(message);
      pending.delete(message.id);
    }
  });
  return new Promise((resolve, reject) => {
    const onExit = (code) => reject(new Error(`${script} exited with ${code} before it was ready`));
    child.once('exit', onExit);
    child.once('error', reject);
    child.on('message', function ready(message) {
      if (message?.type !== 'ready') return;
      child.off('message', ready);
      child.off('exit', onExit);
      resolve({
        ...message,
        pid: child.pid,
        /** CPU time (µs: user+system, and each) and request count of the server process now. */
        stats: () =>
          new Promise((done) => {
            const id = nextId++;
            pending.set(id, (m) =>
              done({
                cpuUs: m.cpu.user + m.cpu.system,
                userUs: m.cpu.user,
                systemUs: m.cpu.system,
                requests: m.requests,
                rss: m.rss,
              }),
            );
            child.send({ type: 'stats', id });
          }),
        stop: () =>
          new Promise((done) => {
            if (child.exitCode !== null || child.signalCode !== null) return done();
            child.once('exit', () => done());
            process.kill(child.pid, 'SIGTERM');
          }),
      });
    });
  });
}

/**
 * Runs `bench/<script>` once and resolves with the `result` message it sends. Other messages go
 * to `onMessage`, whose return value (possibly a promise) is sent back as `{ type: 'reply', id }`.
 */
export function runWorker(script, args = [], { execArgv = [], onMessage, env } = {}) {
  const child = fork(new URL(`../${script}`, import.meta.url), args, {
    execArgv,
    stdio: ['ignore', 'inherit', 'inherit', 'ipc'],
    ...(env === undefined ? {} : { env: { ...process.env, ...env } }),
  });
  return new Promise((resolve, reject) => {
    let result;
    child.on('message', async (message) => {
      if (message?.type === 'result') {
        result = message.result;
        return;
      }
      if (message?.type === 'ask' && onMessage !== undefined) {
        const answer = await onMessage(message.payload);
        child.send({ type: 'reply', id: message.id, payload: answer });
      }
    });
    child.once('error', reject);
    child.once('exit', (code, signal) => {
      if (result !== undefined && code === 0) resolve(result);
      else
        reject(
          new Error(
            `${script} ${args.join(' ')} exited with ${code ?? signal}${result === undefined ? ' without a result' : ''}`,
          ),
        );
    });
  });
}
