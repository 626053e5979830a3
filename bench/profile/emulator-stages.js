/**
 * Where the emulator's per-request CPU goes: each stage of serving one freshly signed
 * DescribeLivePullToPush (and UpdateLivePullToPush) timed on its own, in this process, without
 * sockets. Not part of `npm run bench`; run it when row 3 misses (`node bench/profile/emulator-stages.js`
 * after `npm run build`) and compare with row 3's "server CPU per request" minus the bare server's.
 * Every iteration uses its own pre-signed request (fresh nonce), as the load generator sends them.
 */
import { API_VERSION, CREDENTIALS, REGION, wireUpdateParams } from '../lib/params.js';

const dist = (path) => import(new URL(`../../dist/${path}`, import.meta.url).href);
const { signV3 } = await dist('wire/sign-v3.js');
const { canonicalQuery } = await dist('wire/canonical-query.js');
const { verifyRequest } = await dist('wire/verify-request.js');
const { emptyFormParams, parseFormInto } = await dist('emulator/http/parse-form.js');
const { newRequestId } = await dist('emulator/http/request-id.js');
const { Gateway } = await dist('emulator/gateway/gateway.js');
const { accessKeyTable } = await dist('emulator/gateway/access-keys.js');
const { createTaskService } = await dist('emulator/service/create-task-service.js');

const N = 30_000;
const host = '127.0.0.1:8080';
const utc = (ms) => new Date(ms).toISOString().replace(/\.\d{3}Z$/, 'Z');
const service = createTaskService();
const { TaskId } = service.handle('CreateLivePullToPush', {
  Region: REGION,
  TaskName: 'bench',
  StartTime: utc(Date.now() + 86_400_000),
  EndTime: utc(Date.now() + 2 * 86_400_000),
  SourceType: 'url',
  SourceUrls: ['https://media.example.com/vod/intro.mp4'],
  DstUrl: 'rtmp://push.example.com/live/stream-1',
});
const keys = accessKeyTable([CREDENTIALS]);

function requests(action, query) {
  const url = `/?${canonicalQuery(query)}`;
  return Array.from({ length: N }, () => ({
    url,
    headers: signV3({
      method: 'GET',
      host,
      action,
      version: API_VERSION,
      query,
      credentials: CREDENTIALS,
      headers: { 'user-agent': 'bench', accept: 'application/json', 'x-acs-credentials-provider': 'static_ak' },
    }),
  }));
}

function parse({ url, headers }) {
  const query = emptyFormParams();
  parseFormInto(url.slice(2), query);
  return { method: 'GET', query, form: undefined, headers, rawBody: undefined };
}

function time(name, list, fn) {
  const warm = list.slice(0, N / 5);
  for (const item of warm) fn(item);
  const timed = list.slice(N / 5);
  const cpu0 = process.cpuUsage();
  for (const item of timed) fn(item);
  const cpu = process.cpuUsage(cpu0);
  return [name, (cpu.user + cpu.system) / timed.length];
}

const rows = [];
for (const [action, query] of [
  ['DescribeLivePullToPush', { TaskId, Region: REGION }],
  ['UpdateLivePullToPush', { ...wireUpdateParams(), TaskId }],
]) {
  const short = action.replace('LivePullToPush', '');
  const gateway = new Gateway({
    keys,
    service,
    qpsLimit: Infinity,
    maxNoncesPerKey: 100_000,
    arrivalLogSize: 10_000,
    clock: Date.now,
    onInternalError: console.error,
  });
  const parsed = requests(action, query).map(parse);
  rows.push(time(`${short}: parse query (parseFormInto)`, requests(action, query), (r) => parse(r)));
  rows.push(
    time(`${short}: verify V3 signature (verifyRequest)`, parsed, (r) =>
      verifyRequest(
        { method: 'GET', pathname: '/', query: r.query, form: undefined, headers: r.headers, rawBody: undefined },
        { lookupSecret: () => CREDENTIALS.accessKeySecret, now: new Date(), maxSkewMs: 900_000 },
      ),
    ),
  );
  rows.push(
    time(`${short}: gateway.handle (verify, nonce, validate, service)`, parsed, (r) => {
      const outcome = gateway.handle(r, 'REQUEST-ID');
      if (outcome.refused) throw new Error(JSON.stringify(outcome));
    }),
  );
  const params =
    action === 'DescribeLivePullToPush'
      ? { TaskId, Region: REGION }
      : { ...query, SourceUrls: JSON.parse(query.SourceUrls), RepeatNumber: -1 };
  rows.push(time(`${short}: task service alone (service.handle)`, parsed, () => service.handle(action, params)));
  const body = { RequestId: newRequestId(), ...service.handle(action, params) };
  rows.push(time(`${short}: answer JSON.stringify`, parsed, () => JSON.stringify(body)));
}
rows.push(time('RequestId (randomUUID().toUpperCase())', Array.from({ length: N }), () => newRequestId()));
await service.close();
const width = Math.max(...rows.map(([name]) => name.length));
for (const [name, us] of rows) console.log(`${name.padEnd(width)}  ${us.toFixed(2).padStart(7)} CPU µs`);
