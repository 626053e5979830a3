import { type ChildProcess, spawn } from 'node:child_process';
import { chmod, mkdir, mkdtemp, readdir, rm, writeFile } from 'node:fs/promises';
import { createConnection } from 'node:net';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { freePort } from '../fleet/redis-server.js';
import { NGINX_RTMP_MODULE } from './media-tools.js';

/** Debian's nginx with libnginx-mod-rtmp on a free loopback port, recording every publish to its own file. */
export interface RtmpServer {
  readonly port: number;
  /** Where nginx writes the recordings. */
  readonly recordsDir: string;
  /** `rtmp://127.0.0.1:<port>/live/<name>`. */
  urlOf(name: string): string;
  /** The recordings of `name`, one per publish, oldest first (`record_unique` names them by time). */
  recordings(name: string): Promise<string[]>;
  /** SIGTERM: nginx drops its RTMP clients at once (SIGQUIT would wait for them). */
  stop(): Promise<void>;
}

export async function startRtmpServer(): Promise<RtmpServer> {
  const prefix = await mkdtemp(join(tmpdir(), 'live-relay-nginx-'));
  const records = join(prefix, 'records');
  await mkdir(join(prefix, 'logs'));
  await mkdir(join(prefix, 'conf'));
  await mkdir(records);
  // Started as root, nginx's workers run as nobody and must be able to write the recordings.
  await chmod(prefix, 0o755);
  await chmod(records, 0o777);
  const port = await freePort();
  await writeFile(
    join(prefix, 'conf', 'nginx.conf'),
    `load_module ${NGINX_RTMP_MODULE};
worker_processes 1;
error_log logs/error.log info;
pid logs/nginx.pid;
events { worker_connections 1024; }
rtmp { server {
  listen 127.0.0.1:${port};
  chunk_size 4096;
  application live { live on; record all; record_path ${records}; record_unique on; }
} }
`,
  );
  const child = spawn('nginx', ['-p', `${prefix}/`, '-c', 'conf/nginx.conf', '-g', 'daemon off;'], {
    stdio: ['ignore', 'ignore', 'pipe'],
  });
  let stderr = '';
  child.stderr?.setEncoding('utf8').on('data', (chunk: string) => (stderr += chunk));
  const stop = async (): Promise<void> => {
    if (child.exitCode === null && child.signalCode === null) {
      const exited = new Promise<void>((resolve) => child.once('exit', () => resolve()));
      child.kill('SIGTERM');
      await exited;
    }
  };
  await waitForPort(port, child, () => stderr);
  return {
    port,
    recordsDir: records,
    urlOf: (name) => `rtmp://127.0.0.1:${port}/live/${name}`,
    async recordings(name) {
      const files = (await readdir(records)).filter((file) => file.startsWith(`${name}-`) && file.endsWith('.flv'));
      return files.sort().map((file) => join(records, file));
    },
    async stop() {
      await stop();
      await rm(prefix, { recursive: true, force: true });
    },
  };
}

/** Resolves once something accepts TCP connections on `port`; rejects if `child` exits first or after 10 s. */
export async function waitForPort(port: number, child: ChildProcess, output: () => string): Promise<void> {
  const deadline = Date.now() + 10_000;
  for (;;) {
    if (child.exitCode !== null) throw new Error(`nginx exited with ${child.exitCode}: ${output()}`);
    if (await accepts(port)) return;
    if (Date.now() > deadline) {
      child.kill('SIGKILL');
      throw new Error(`nginx did not listen on ${port} within 10 s: ${output()}`);
    }
    await new Promise((resolve) => setTimeout(resolve, 25));
  }
}

function accepts(port: number): Promise<boolean> {
  return new Promise((resolve) => {
    const socket = createConnection({ host: '127.0.0.1', port });
    socket.once('connect', () => {
      socket.destroy();
      resolve(true);
    });
    socket.once('error', () => resolve(false));
  });
}
