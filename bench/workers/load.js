/**
 * Row 3, the load generator (one process per measurement): autocannon with `--connections`
 * keep-alive connections against `--port`, sending a different, freshly signed request every time.
 *
 * All requests are signed before the timed phase, with live-relay's signV3, each with its own
 * nonce and the current time, and the header set the official openapi-core sends (so the server
 * does the work a real SDK call causes). `--action=describe` sends DescribeLivePullToPush of
 * `--taskId`; `--action=update` sends UpdateLivePullToPush of it (the row's parameters). A bare
 * server gets the very same requests. `--warmup` requests first; their rate sizes the timed phase
 * to last about `--seconds` (between 5,000 and `--max` requests), whose requests are then signed
 * and sent. With `--rate` (requests per second, all connections together) both phases are paced
 * at that rate instead of sent as fast as the server answers. The driver reads the server's CPU
 * around the timed phase.
 */
import { createRequire } from 'node:module';
import { API_VERSION, CREDENTIALS, REGION, wireUpdateParams } from '../lib/params.js';
import { ask, parseArgs, sendResult } from '../lib/worker-io.js';

const require = createRequire(import.meta.url);
const autocannon = require('autocannon');
const { signV3 } = await import(new URL('../../dist/wire/sign-v3.js', import.meta.url).href);
const { canonicalQuery } = await import(new URL('../../dist/wire/canonical-query.js', import.meta.url).href);

const {
  port,
  action = 'describe',
  taskId,
  seconds = 5,
  max = 200_000,
  warmup = 10_000,
  connections = 32,
  rate,
} = parseArgs();
const host = `127.0.0.1:${port}`;
const [name, query] =
  action === 'update'
    ? ['UpdateLivePullToPush', { ...wireUpdateParams(), TaskId: String(taskId) }]
    : ['DescribeLivePullToPush', { TaskId: String(taskId), Region: REGION }];
const path = `/?${canonicalQuery(query)}`;
const userAgent = `AlibabaCloud (linux; x64) Node.js/${process.version} Core/1.0.1 TeaDSL/2`;

function presign(n) {
  const pool = new Array(n);
  for (let i = 0; i < n; i++) {
    const headers = signV3({
      method: 'GET',
      host,
      action: name,
      version: API_VERSION,
      query,
      credentials: CREDENTIALS,
      headers: { 'user-agent': userAgent, accept: 'application/json', 'x-acs-credentials-provider': 'static_ak' },
    });
    pool[i] = headers;
  }
  return pool;
}

/** One autocannon run over `pool`, each request taking the next pre-signed header set once. */
function run(pool, count) {
  let next = 0;
  let exhausted = 0;
  return new Promise((resolve, reject) => {
    const instance = autocannon(
      {
        url: `http://${host}`,
        connections,
        amount: count,
        ...(rate === undefined ? {} : { overallRate: rate }),
        timeout: 30,
        requests: [
          {
            setupRequest: (request) => {
              const headers = pool[next++];
              if (headers === undefined) exhausted++;
              return { ...request, method: 'GET', path, headers: headers ?? pool[0] };
            },
          },
        ],
      },
      (error, result) => (error ? reject(error) : resolve({ result, exhausted })),
    );
    autocannon.track(instance, {
      renderProgressBar: false,
      renderResultsTable: false,
      renderLatencyTable: false,
      outputStream: { write() {} },
    });
  });
}

/** One signed request by hand: the server must answer 200 with RetCode 0, or nothing is measured. */
async function precheck() {
  const { request } = await import('node:http');
  const headers = presign(1)[0];
  const answer = await new Promise((resolve, reject) => {
    const req = request({ host: '127.0.0.1', port, path, headers }, (res) => {
      let text = '';
      res.setEncoding('utf8');
      res.on('data', (chunk) => (text += chunk));
      res.on('end', () => resolve({ status: res.statusCode, text }));
    });
    req.on('error', reject);
    req.end();
  });
  if (answer.status !== 200 || JSON.parse(answer.text).RetCode !== 0) {
    throw new Error(`${name} precheck: HTTP ${answer.status} ${answer.text.slice(0, 300)}`);
  }
}

await precheck();
// autocannon builds each connection's first request up front and one more after the last answer.
const slack = connections * 4;
const warmStart = process.hrtime.bigint();
await run(presign(warmup + slack), warmup);
const warmRate = warmup / (Number(process.hrtime.bigint() - warmStart) / 1e9);
const amount = Math.round(Math.min(max, Math.max(5_000, warmRate * seconds)));
const timedPool = presign(amount + slack);

const server0 = await ask({ what: 'server-stats' });
const t0 = process.hrtime.bigint();
const { result, exhausted } = await run(timedPool, amount);
const wallS = Number(process.hrtime.bigint() - t0) / 1e9;
const server1 = await ask({ what: 'server-stats' });
if (exhausted > 0) throw new Error(`${exhausted} requests found no pre-signed headers (replays)`);

const ok = result['2xx'];
await sendResult({
  action,
  requests: result.requests.total,
  ok,
  non2xx: result.non2xx,
  errors: result.errors,
  timeouts: result.timeouts,
  requestsPerSecond: result.requests.total / wallS,
  latencyMs: { mean: result.latency.average, p50: result.latency.p50, p99: result.latency.p99 },
  serverCpuUsPerRequest: (server1.cpuUs - server0.cpuUs) / result.requests.total,
  serverUserUsPerRequest: (server1.userUs - server0.userUs) / result.requests.total,
  serverSystemUsPerRequest: (server1.systemUs - server0.systemUs) / result.requests.total,
  serverCpuPercent: ((server1.cpuUs - server0.cpuUs) / 1e6 / wallS) * 100,
  serverRssMb: server1.rss / 2 ** 20,
  wallS,
  warmupRequestsPerSecond: warmRate,
});
process.exit(0);
