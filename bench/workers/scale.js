/**
 * Row 5 (run with --expose-gc): the emulator holding `--tasks` tasks in memory.
 *
 * Starts the emulator from dist/ in this process (throttle off) and creates the tasks through its
 * task service (`service.handle('CreateLivePullToPush', …)`, no HTTP): all in cn-shanghai, each
 * with its own TaskName and DstUrl, one SourceUrl and a CallbackUrl; every other task starts at
 * once (Running), the rest tomorrow (Idle). Memory: RSS and heap after two forced GCs, before and
 * after. Latency of DescribeLivePullToPushList pages (random PageNumber):
 *   - over HTTP: freshly V3-signed GETs on one keep-alive connection from this same process
 *     (so client signing and both ends of the loopback are inside the figure), sequential;
 *   - through the service directly (`service.handle`), the cost of the page itself.
 */
import { settledMemory, signedGetter, summarize } from '../lib/emulator-probe.js';
import { CREDENTIALS, REGION } from '../lib/params.js';
import { parseArgs, sendResult } from '../lib/worker-io.js';

const { tasks = 100_000, samples = 1000 } = parseArgs();
const dist = (path) => new URL(`../../dist/${path}`, import.meta.url).href;
const { startEmulator } = await import(dist('emulator/server.js'));

const emulator = await startEmulator({ ...CREDENTIALS, qpsLimit: Infinity });
const before = settledMemory();
const utc = (ms) => new Date(ms).toISOString().replace(/\.\d{3}Z$/, 'Z');
const now = Date.now();
const t0 = process.hrtime.bigint();
for (let i = 0; i < tasks; i++) {
  emulator.service.handle('CreateLivePullToPush', {
    Region: REGION,
    TaskName: `relay-${i}`,
    StartTime: utc(i % 2 === 0 ? now - 60_000 : now + 86_400_000),
    EndTime: utc(now + 2 * 86_400_000),
    SourceType: 'live',
    SourceProtocol: 'rtmp',
    SourceUrls: [`rtmp://pull.example.com/live/source-${i}`],
    DstUrl: `rtmp://push.example.com/live/relay-${i}`,
    CallbackUrl: 'https://callback.example.com/live-events',
  });
}
const createUsPerTask = Number(process.hrtime.bigint() - t0) / 1000 / tasks;
const after = settledMemory();

const pages = (pageSize) => Math.max(1, Math.ceil(tasks / pageSize));
const randomPage = (pageSize) => 1 + Math.floor(Math.random() * pages(pageSize));

function direct(pageSize) {
  const latencies = new Float64Array(samples);
  for (let i = 0; i < samples; i++) {
    const start = process.hrtime.bigint();
    const page = emulator.service.handle('DescribeLivePullToPushList', {
      Region: REGION,
      PageNumber: randomPage(pageSize),
      PageSize: pageSize,
    });
    latencies[i] = Number(process.hrtime.bigint() - start) / 1e6;
    if (page.TaskList.length === 0 || page.Total !== tasks)
      throw new Error(`unexpected page: ${JSON.stringify(page).slice(0, 200)}`);
  }
  return summarize(latencies);
}

const get = signedGetter(emulator);
const overHttp = (query) => get('DescribeLivePullToPushList', query);

async function http(pageSize, extra = {}) {
  const latencies = new Float64Array(samples);
  for (let i = -Math.min(200, samples); i < samples; i++) {
    const query = { Region: REGION, PageNumber: String(randomPage(pageSize)), PageSize: String(pageSize), ...extra };
    if (extra.TaskName !== undefined) query.PageNumber = '1';
    const start = process.hrtime.bigint();
    const page = await overHttp(query);
    if (i >= 0) latencies[i] = Number(process.hrtime.bigint() - start) / 1e6;
    if (extra.TaskName === undefined && page.TaskList.length === 0) throw new Error('empty page');
  }
  return summarize(latencies);
}

// Warm the service path, then measure.
direct(10);
const result = {
  tasks,
  createUsPerTask,
  memory: { before, after },
  direct: { pageSize10: direct(10), pageSize100: direct(100) },
  http: {
    pageSize10: await http(10),
    pageSize100: await http(100),
    // A TaskName substring filter scans every task of the Region.
    taskNameFilter: await http(10, { TaskName: `relay-${tasks - 1}` }),
  },
  rssAfterMeasurementsMb: settledMemory().rssMb,
};
await emulator.close();
await sendResult(result);
process.exit(0);
