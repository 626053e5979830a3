/**
 * Row 10 (run with --expose-gc): `--tasks` running VOD tasks, each playing a list of `--items`
 * videos, and the task clock moved 7 days in one control call.
 *
 * The emulator (from dist/, throttle off, frozen task clock) gets a media catalog of 300 videos of
 * 5 to 15 minutes. Tasks are created through the task service (no HTTP), all Running at once and
 * ending 7 days later (the longest window); each plays 30 consecutive catalog entries. RepeatNumber
 * cycles through 0, 1, 2, 4 and -1, so four in five lists end within the 7 days and one in five
 * loops. Measured: the wall time of `POST /_emulator/clock {"advanceSeconds": 604800}` over HTTP,
 * which applies every transition that falls due, in order: the list ends, then every task's
 * EndTime. Every task is then checked: exited at EndTime, a finished list at the end of its last
 * video, a looping one where the pure timeline puts it after 7 days. Then DescribeLivePullToPush
 * of random tasks is timed over HTTP (freshly V3-signed, sequential), each answer with its position
 * computed from the task's timeline. RSS after GC, once the tasks exist and after the advance.
 */
import { request } from 'node:http';
import { settledMemory, signedGetter, summarize } from '../lib/emulator-probe.js';
import { CREDENTIALS, REGION } from '../lib/params.js';
import { parseArgs, sendResult } from '../lib/worker-io.js';

const { tasks = 100_000, items = 30, samples = 1000 } = parseArgs();
const dist = (path) => new URL(`../../dist/${path}`, import.meta.url).href;
const { startEmulator } = await import(dist('emulator/server.js'));

const SEVEN_DAYS = 7 * 86_400;
const CATALOG_SIZE = 300;
const mediaIds = Array.from({ length: CATALOG_SIZE }, (_, i) => `vod${String(i).padStart(29, '0')}`);
const media = Object.fromEntries(mediaIds.map((id, i) => [id, { durationSeconds: 300 + ((i * 37) % 600) }]));
const REPEATS = [0, 1, 2, 4, -1];

const emulator = await startEmulator({ ...CREDENTIALS, qpsLimit: Infinity, frozenClock: true, media });
const before = settledMemory();
const utc = (ms) => new Date(ms).toISOString().replace(/\.\d{3}Z$/, 'Z');
const now = emulator.service.now().getTime();
const ids = new Array(tasks);
const t0 = process.hrtime.bigint();
for (let i = 0; i < tasks; i++) {
  const first = i % CATALOG_SIZE;
  const list = Array.from({ length: items }, (_, k) => mediaIds[(first + k) % CATALOG_SIZE]);
  ids[i] = emulator.service.handle('CreateLivePullToPush', {
    Region: REGION,
    TaskName: `vod-${i}`,
    StartTime: utc(now),
    EndTime: utc(now + SEVEN_DAYS * 1000),
    SourceType: 'vod',
    SourceUrls: list,
    DstUrl: `rtmp://push.example.com/live/vod-${i}`,
    RepeatNumber: REPEATS[i % REPEATS.length],
  }).TaskId;
}
const createUsPerTask = Number(process.hrtime.bigint() - t0) / 1000 / tasks;
const afterCreate = settledMemory();

/** The control call, timed from the first byte sent to the last byte read. */
function advance(seconds) {
  const body = JSON.stringify({ advanceSeconds: seconds });
  const url = new URL('/_emulator/clock', emulator.url);
  const start = process.hrtime.bigint();
  return new Promise((resolve, reject) => {
    const req = request(url, { method: 'POST', headers: { 'content-type': 'application/json' } }, (res) => {
      let text = '';
      res.setEncoding('utf8');
      res.on('data', (chunk) => (text += chunk));
      res.on('end', () => {
        const ms = Number(process.hrtime.bigint() - start) / 1e6;
        res.statusCode === 200
          ? resolve({ ms, now: JSON.parse(text).now })
          : reject(new Error(`HTTP ${res.statusCode} ${text}`));
      });
    });
    req.on('error', reject);
    req.end(body);
  });
}

const cpu0 = process.cpuUsage();
const advanced = await advance(SEVEN_DAYS);
const cpu = process.cpuUsage(cpu0);
const afterAdvance = settledMemory();

// Every due transition applied: each task exited at its EndTime; a list that ended stands at the
// end of its last video; a looping list where the pure timeline puts it after 7 days of play.
const { positionAt } = await import(dist('emulator/playback/play-position.js'));
const { playlistPlan } = await import(dist('emulator/playback/playlist-plan.js'));
const { mediaCatalog } = await import(dist('emulator/playback/media-catalog.js'));
const catalog = mediaCatalog(media);
const endSeconds = Math.floor(now / 1000) + SEVEN_DAYS;
const counts = { listEnded: 0, looping: 0, wrong: 0 };
for (let i = 0; i < tasks; i++) {
  const task = emulator.service.handle('DescribeLivePullToPush', { TaskId: ids[i], Region: REGION });
  const loops = REPEATS[i % REPEATS.length] === -1;
  const plan = playlistPlan(
    {
      sourceType: 'vod',
      sourceUrls: task.TaskInfo.SourceUrls,
      fileIndex: 0,
      offsetSeconds: 0,
      passes: loops ? null : 1,
    },
    catalog,
  );
  const expected = loops
    ? positionAt(plan, SEVEN_DAYS * 1000)
    : { index: items - 1, offsetMs: plan.items[items - 1].durationMs };
  const exited = task.TaskStatus === -1 && task.TaskExitReason === 'OverEndTime' && task.TaskExitTime === endSeconds;
  const placed =
    task.CurrentFileIndex === expected.index && task.CurrentOffset === Math.floor(expected.offsetMs / 1000);
  if (!exited || !placed) counts.wrong++;
  else if (loops) counts.looping++;
  else counts.listEnded++;
}
if (counts.wrong > 0) throw new Error(`${counts.wrong} tasks are not where 7 days of playback leave them`);

// Describe random tasks, each answer with its position computed from the task's timeline.
const get = signedGetter(emulator);
const latencies = new Float64Array(samples);
for (let i = -Math.min(200, samples); i < samples; i++) {
  const n = Math.floor(Math.random() * tasks);
  const start = process.hrtime.bigint();
  const task = await get('DescribeLivePullToPush', { Region: REGION, TaskId: ids[n] });
  if (i >= 0) latencies[i] = Number(process.hrtime.bigint() - start) / 1e6;
  if (task.TaskId !== ids[n])
    throw new Error(`Describe answered for another task: ${JSON.stringify(task).slice(0, 200)}`);
}

await emulator.close();
await sendResult({
  tasks,
  items,
  createUsPerTask,
  memory: { before, afterCreate, afterAdvance },
  advance: { seconds: SEVEN_DAYS, wallMs: advanced.ms, cpuMs: (cpu.user + cpu.system) / 1000, now: advanced.now },
  transitions: { listEnds: counts.listEnded, exits: tasks },
  describe: summarize(latencies),
});
process.exit(0);
