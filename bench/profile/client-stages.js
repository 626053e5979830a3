/**
 * Where live-relay's per-call client time goes: each stage of one UpdateLivePullToPush timed on
 * its own, in this process, after a warm-up. Not part of `npm run bench`; run it when row 1
 * misses (`node bench/profile/client-stages.js`, after `npm run build`) and compare the sum with
 * row 1's figure. Synchronous stages: 100,000 iterations; asynchronous ones: 30,000 sequential
 * calls. CPU µs per iteration (all threads), as row 1 reports.
 * Each stage runs in a shared process, so the stages do not add up exactly to the whole call.
 */
import { stubNodeNet } from '../lib/fake-http.js';
import { ACTION, API_VERSION, CREDENTIALS, typedUpdateParams, wireUpdateParams } from '../lib/params.js';

stubNodeNet();
const dist = (path) => import(new URL(`../../dist/${path}`, import.meta.url).href);
const { operations } = await import(new URL('../../generated/operations.js', import.meta.url).href);
const { requestValidators } = await import(new URL('../../generated/validators.js', import.meta.url).href);
const { validateRequest } = await dist('validation/validate-request.js');
const { checkRequest } = await dist('rules/check-request.js');
const { toWireParams } = await dist('wire/rpc-params.js');
const { canonicalQuery } = await dist('wire/canonical-query.js');
const { signV3 } = await dist('wire/sign-v3.js');
const { signAttempt } = await dist('client/transport/sign-attempt.js');
const { createHttpSender } = await dist('client/transport/http-sender.js');
const { parseEndpoint } = await dist('client/transport/endpoint.js');
const { createOpenapiFetchCall } = await dist('client/transport/openapi-fetch-adapter.js');
const { RelayResponse } = await dist('client/transport/relay-response.js');
const { createLiveClient } = await dist('index.js');

const op = operations[ACTION];
const typed = typedUpdateParams();
const wire = wireUpdateParams();
const endpoint = parseEndpoint('http://127.0.0.1:8080');
const credentials = { ...CREDENTIALS, providerName: 'static_ak' };

function sync(name, fn, n = 100_000) {
  for (let i = 0; i < n / 5; i++) fn();
  const cpu0 = process.cpuUsage();
  for (let i = 0; i < n; i++) fn();
  const cpu = process.cpuUsage(cpu0);
  return [name, (cpu.user + cpu.system) / n];
}

async function async(name, fn, n = 30_000) {
  for (let i = 0; i < n / 5; i++) await fn();
  const cpu0 = process.cpuUsage();
  for (let i = 0; i < n; i++) await fn();
  const cpu = process.cpuUsage(cpu0);
  return [name, (cpu.user + cpu.system) / n];
}

const send = createHttpSender(endpoint);
const openapiFetchCall = createOpenapiFetchCall(endpoint.origin);
const answer = new RelayResponse(200, { 'content-type': 'application/json' }, '{"RetCode":0}', { RetCode: 0 });
const client = createLiveClient({ endpoint: endpoint.origin, credentials: CREDENTIALS, rateLimit: { enabled: false } });
const signed = signAttempt({
  signatureVersion: 'v3',
  method: 'GET',
  host: endpoint.host,
  action: ACTION,
  params: wire,
  credentials,
  userAgent: 'bench',
  retry: undefined,
});

const rows = [
  sync('schema validator (generated ajv)', () => requestValidators[ACTION](typed)),
  sync('cross-field rules (checkRequest)', () => checkRequest(ACTION, typed, { now: new Date() })),
  sync('validateRequest (schema + rules)', () => validateRequest(ACTION, typed, { now: new Date() })),
  sync('toWireParams', () => toWireParams(op, typed)),
  sync('canonicalQuery', () => canonicalQuery(wire)),
  sync('signV3 (includes a canonicalQuery)', () =>
    signV3({
      method: 'GET',
      host: endpoint.host,
      action: ACTION,
      version: API_VERSION,
      query: wire,
      headers: { 'user-agent': 'bench' },
      credentials,
    }),
  ),
  sync('signAttempt (headers + the v3 scheme: canonicalQuery + signV3)', () =>
    signAttempt({
      signatureVersion: 'v3',
      method: 'GET',
      host: endpoint.host,
      action: ACTION,
      params: wire,
      credentials,
      userAgent: 'bench',
      retry: undefined,
    }),
  ),
  sync('JSON.parse of the 48-byte answer', () => JSON.parse('{"RequestId":"x","RetCode":0,"Description":"OK"}')),
  await async('openapi-fetch call (the adapter), fetch answering at once', () =>
    openapiFetchCall('GET', op.path, async () => answer),
  ),
  await async('http-sender exchange over the node:net stub', () =>
    send(signed, { timeoutMs: 10_000, signal: undefined }),
  ),
  await async('whole call: client.updateLivePullToPush over the stub', () =>
    client.updateLivePullToPush(typedUpdateParams()),
  ),
];
const width = Math.max(...rows.map(([name]) => name.length));
for (const [name, us] of rows) console.log(`${name.padEnd(width)}  ${us.toFixed(2).padStart(7)} CPU µs`);
