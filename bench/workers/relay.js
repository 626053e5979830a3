/**
 * Row 8: how many concurrent copy relays this machine sustains at real time.
 *
 * One nginx (Debian's, with libnginx-mod-rtmp) serves a 10 s 720p25 H.264 2 Mbit/s + AAC
 * 128 kbit/s MP4 over HTTP and receives every relay over RTMP. Each relay is the emulator's own
 * engine (`startTaskRelay` from dist/): one ffmpeg, `-re`, the file looped through an ffconcat
 * list, `-c copy`, pushed to its own stream name. For each step N: start N relays, wait until all
 * report progress plus a warm-up, then over the window read every relay's pushed seconds (its
 * speed is Δpushed / Δwall) and the CPU ticks of every ffmpeg, nginx and this process.
 * A step holds when every relay ran at ≥ 0.98× real time. Steps stop at the first that fails.
 */
import { execFileSync, spawn } from 'node:child_process';
import { chmodSync, mkdirSync, mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { createServer } from 'node:net';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { parseArgs, sendResult } from '../lib/worker-io.js';

const { steps = '25,50,75,100', window = 30, warmup = 5 } = parseArgs();
const dist = (path) => new URL(`../../dist/${path}`, import.meta.url).href;
const { startTaskRelay } = await import(dist('emulator/relay/task-relay.js'));
const { locateFfmpeg } = await import(dist('emulator/relay/ffmpeg-tools.js'));

const RTMP_MODULE = '/usr/lib/nginx/modules/ngx_rtmp_module.so';
const TICK = Number(execFileSync('getconf', ['CLK_TCK'], { encoding: 'utf8' }).trim());
const tools = locateFfmpeg();

const dir = mkdtempSync(join(tmpdir(), 'live-relay-bench-'));
chmodSync(dir, 0o755);
const media = join(dir, 'media');
mkdirSync(media);
chmodSync(media, 0o755);
const clip = join(media, 'stream-720p-2m.mp4');
execFileSync(tools.ffmpeg, [
  ...['-hide_banner', '-v', 'error', '-y'],
  ...['-f', 'lavfi', '-i', 'testsrc2=s=1280x720:r=25:d=10', '-f', 'lavfi', '-i', 'sine=frequency=440:duration=10'],
  ...['-c:v', 'libx264', '-preset', 'veryfast', '-b:v', '2M', '-maxrate', '2M', '-bufsize', '4M', '-g', '50'],
  ...['-pix_fmt', 'yuv420p', '-c:a', 'aac', '-b:a', '128k', '-shortest', '-movflags', '+faststart', clip],
]);
chmodSync(clip, 0o644);

const httpPort = await freePort();
const rtmpPort = await freePort();
mkdirSync(join(dir, 'logs'));
writeFileSync(
  join(dir, 'nginx.conf'),
  `load_module ${RTMP_MODULE};
worker_processes 1;
error_log logs/error.log warn;
pid logs/nginx.pid;
events { worker_connections 4096; }
http { access_log off; server { listen 127.0.0.1:${httpPort}; root ${media}; } }
rtmp { server { listen 127.0.0.1:${rtmpPort}; chunk_size 4096; application live { live on; record off; } } }
`,
);
const nginx = spawn('nginx', ['-p', `${dir}/`, '-c', 'nginx.conf', '-g', 'daemon off;'], { stdio: 'ignore' });
await new Promise((resolve) => setTimeout(resolve, 500));

function freePort() {
  return new Promise((resolve, reject) => {
    const probe = createServer();
    probe.once('error', reject);
    probe.listen(0, '127.0.0.1', () => {
      const { port } = probe.address();
      probe.close(() => resolve(port));
    });
  });
}

/** utime + stime of a process, in seconds; 0 once it is gone. */
function cpuSeconds(pid) {
  try {
    const stat = readFileSync(`/proc/${pid}/stat`, 'utf8');
    const fields = stat.slice(stat.lastIndexOf(')') + 2).split(' ');
    return (Number(fields[11]) + Number(fields[12])) / TICK;
  } catch {
    return 0;
  }
}

/** RSS and private memory (Private_Clean + Private_Dirty) of a process, in MB. */
function memoryMb(pid) {
  try {
    const rollup = readFileSync(`/proc/${pid}/smaps_rollup`, 'utf8');
    const kb = (name) => Number(new RegExp(`^${name}:\\s+(\\d+)`, 'm').exec(rollup)?.[1] ?? 0);
    return { rss: kb('Rss') / 1024, private: (kb('Private_Clean') + kb('Private_Dirty')) / 1024 };
  } catch {
    return { rss: 0, private: 0 };
  }
}

function nginxPids() {
  const workers = execFileSync('sh', ['-c', `pgrep -P ${nginx.pid} || true`], { encoding: 'utf8' })
    .split('\n')
    .filter((line) => line.trim() !== '')
    .map(Number);
  return [nginx.pid, ...workers];
}

function* loop() {
  for (;;) yield { fileIndex: 0, offsetSeconds: 0 };
}

const sleep = (ms) => new Promise((resolve) => setTimeout(resolve, ms));
const url = `http://127.0.0.1:${httpPort}/stream-720p-2m.mp4`;
const results = [];

for (const n of String(steps).split(',').map(Number)) {
  const pids = new Set();
  const failures = [];
  let running = 0;
  const relays = Array.from({ length: n }, (_, i) =>
    startTaskRelay({
      tools,
      taskId: `bench-${n}-${i}`,
      destination: `rtmp://127.0.0.1:${rtmpPort}/live/bench-${n}-${i}`,
      source: { kind: 'list', files: [url], plan: loop() },
      ledger: { add: (_task, pid) => pids.add(pid), remove: (pid) => pids.delete(pid) },
      onRunning: () => {
        running += 1;
      },
      onEnd: (end) => failures.push(end),
    }),
  );
  const deadline = Date.now() + 60_000;
  while (running < n && failures.length === 0 && Date.now() < deadline) await sleep(100);
  await sleep(warmup * 1000);
  const watched = [...pids, ...nginxPids()];
  const cpu0 = watched.map(cpuSeconds);
  const self0 = process.cpuUsage();
  const at0 = relays.map((relay) => relay.position());
  const t0 = Date.now();
  await sleep(window * 1000);
  const wall = (Date.now() - t0) / 1000;
  const at1 = relays.map((relay) => relay.position());
  const cpu1 = watched.map(cpuSeconds);
  const self1 = process.cpuUsage(self0);
  const nginxSet = new Set(nginxPids());
  let relayCpu = 0;
  let receiverCpu = 0;
  watched.forEach((pid, i) => {
    const used = cpu1[i] - cpu0[i];
    if (nginxSet.has(pid)) receiverCpu += used;
    else relayCpu += used;
  });
  const supervisorCpu = (self1.user + self1.system) / 1e6;
  const memories = [...pids].map(memoryMb);
  // Between two of ffmpeg's own reports, each stamped when it arrived; a relay that stopped reporting counts as 0×.
  const speeds = at1.map((p, i) =>
    p === undefined || at0[i] === undefined || p.atMs === at0[i].atMs
      ? 0
      : (p.pushedSeconds - at0[i].pushedSeconds) / ((p.atMs - at0[i].atMs) / 1000),
  );
  const step = {
    relays: n,
    started: running,
    failed: failures.length,
    windowSeconds: wall,
    minSpeed: Math.min(...speeds),
    medianSpeed: speeds.sort((a, b) => a - b)[Math.floor(speeds.length / 2)],
    /** Percent of one core per relay: ffmpeg, nginx (receiver and file server) and this supervisor together. */
    cpuPercentPerRelay: ((relayCpu + receiverCpu + supervisorCpu) / wall / n) * 100,
    ffmpegCpuPercentPerRelay: (relayCpu / wall / n) * 100,
    receiverCpuPercent: (receiverCpu / wall) * 100,
    supervisorCpuPercent: (supervisorCpu / wall) * 100,
    rssMbPerRelay: memories.reduce((sum, m) => sum + m.rss, 0) / memories.length,
    privateMbPerRelay: memories.reduce((sum, m) => sum + m.private, 0) / memories.length,
    load: (await import('node:os')).loadavg()[0],
  };
  step.holds = step.failed === 0 && step.started === n && step.minSpeed >= 0.98;
  results.push(step);
  console.log(
    `  relay: ${n} relays, min speed ${step.minSpeed.toFixed(3)}×, ${step.cpuPercentPerRelay.toFixed(2)} % CPU/relay, RSS ${step.rssMbPerRelay.toFixed(1)} MB (private ${step.privateMbPerRelay.toFixed(1)} MB)/relay, ${step.holds ? 'holds' : 'fails'}`,
  );
  await Promise.all(relays.map((relay) => relay.stop()));
  if (!step.holds) break;
}

nginx.kill('SIGTERM');
await new Promise((resolve) => nginx.once('exit', resolve));
rmSync(dir, { recursive: true, force: true });
await sendResult({ steps: results, window, warmup });
