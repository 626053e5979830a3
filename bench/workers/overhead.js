/**
 * Row 1, one measurement in a fresh process: per-call client cost with the HTTP layer stubbed.
 *
 *   --kind=ours              live-relay, net.connect() stubbed without a stream: its transport minus the socket
 *   --kind=ours@socket       live-relay, net.connect() stubbed with a Duplex socket, as for <official>@socket
 *   --kind=ours-fetch        live-relay with the `fetch` option: a stub returning a ready Response
 *   --kind=<official>        openapi-core / openapi-client / pop-core, httpx.request + httpx.read stubbed (anchor method)
 *   --kind=<official>@socket the same client with net.connect() stubbed as for `ours`: node:http and httpx run
 *   --kind=signer            live-relay's signV3 alone: canonical query + V3 signature, fresh date and nonce
 *
 * Sequential calls: `--warmup` untimed, then `--calls` timed. Reports wall and CPU µs per call.
 */

import { checkAnswer, loadClient } from '../lib/clients.js';
import { stubFetch, stubHits, stubHttpx, stubNodeNet, stubSocket } from '../lib/fake-http.js';
import { ACTION, API_VERSION, CREDENTIALS, wireUpdateParams } from '../lib/params.js';
import { parseArgs, sendResult } from '../lib/worker-io.js';

const { kind, calls = 20_000, warmup = 5_000 } = parseArgs();
const [
  client,
  cut = client === 'ours' || client === 'signer' ? 'socket' : client === 'ours-fetch' ? 'fetch' : 'httpx',
] = kind.split('@');

if (client === 'signer') {
  const { signV3 } = await import(new URL('../../dist/wire/sign-v3.js', import.meta.url).href);
  const params = wireUpdateParams();
  const headers = { 'x-acs-credentials-provider': 'static_ak', 'user-agent': 'bench', accept: 'application/json' };
  const signOnce = () =>
    signV3({
      method: 'GET',
      host: '127.0.0.1:8080',
      action: ACTION,
      version: API_VERSION,
      query: params,
      headers,
      credentials: CREDENTIALS,
    });
  const n = calls * 5;
  let sink = 0;
  for (let i = 0; i < warmup * 4; i++) sink += signOnce().authorization.length;
  const cpu0 = process.cpuUsage();
  const t0 = process.hrtime.bigint();
  for (let i = 0; i < n; i++) sink += signOnce().authorization.length;
  const wallUs = Number(process.hrtime.bigint() - t0) / 1000;
  const cpu = process.cpuUsage(cpu0);
  await sendResult({
    kind,
    calls: n,
    wallUsPerCall: wallUs / n,
    cpuUsPerCall: (cpu.user + cpu.system) / n,
    sink: sink > 0,
    stub: 'none (synchronous)',
  });
} else {
  let stub;
  if (cut === 'socket') {
    stubSocket();
    stub = 'net.connect(): a socket with no network';
  } else if (cut === 'net') {
    stubNodeNet();
    stub = 'net.connect(): an emitter answering each write';
  } else if (cut === 'fetch') {
    stub = 'fetch option';
  } else {
    stub = `httpx.request/read (${stubHttpx().replace(/.*node_modules\//, '')})`;
  }
  const name = client === 'ours-fetch' ? 'ours' : client;
  const { call, version } = await loadClient(name, 8080, cut === 'fetch' ? { fetch: stubFetch } : {});
  checkAnswer(await call());
  for (let i = 0; i < warmup; i++) await call();
  const hitsBefore = stubHits.count;
  const cpu0 = process.cpuUsage();
  const t0 = process.hrtime.bigint();
  let last;
  for (let i = 0; i < calls; i++) last = await call();
  const wallUs = Number(process.hrtime.bigint() - t0) / 1000;
  const cpu = process.cpuUsage(cpu0);
  checkAnswer(last);
  const hits = stubHits.count - hitsBefore;
  if (hits !== calls) throw new Error(`${kind}: ${hits} stub hits for ${calls} calls`);
  await sendResult({
    kind,
    version,
    stub,
    calls,
    wallUsPerCall: wallUs / calls,
    cpuUsPerCall: (cpu.user + cpu.system) / calls,
    rssMb: process.memoryUsage.rss() / 2 ** 20,
  });
}
