/**
 * What the in-process emulator workers (scale, playback) share: memory after forced GCs, freshly
 * V3-signed GETs on one keep-alive connection, and latency summaries. Run with --expose-gc.
 */
import { Agent, request } from 'node:http';
import { API_VERSION, CREDENTIALS } from './params.js';
import { quantileInPlace } from './stats.js';

const dist = (path) => new URL(`../../dist/${path}`, import.meta.url).href;
const { signV3 } = await import(dist('wire/sign-v3.js'));
const { canonicalQuery } = await import(dist('wire/canonical-query.js'));

/** RSS and heap used after two forced GCs, in MB. */
export function settledMemory() {
  globalThis.gc();
  globalThis.gc();
  const { rss, heapUsed } = process.memoryUsage();
  return { rssMb: rss / 2 ** 20, heapUsedMb: heapUsed / 2 ** 20 };
}

/**
 * A signed GET of `action` with `query` against `emulator`, one request at a time on one
 * keep-alive socket, so client signing and both ends of the loopback are inside every figure.
 */
export function signedGetter(emulator) {
  const port = Number(new URL(emulator.url).port);
  const agent = new Agent({ keepAlive: true, maxSockets: 1 });
  return (action, query) => {
    const headers = signV3({
      method: 'GET',
      host: emulator.endpoint,
      action,
      version: API_VERSION,
      query,
      credentials: CREDENTIALS,
      headers: { 'x-acs-credentials-provider': 'static_ak' },
    });
    return new Promise((resolve, reject) => {
      const req = request({ host: '127.0.0.1', port, agent, path: `/?${canonicalQuery(query)}`, headers }, (res) => {
        let text = '';
        res.setEncoding('utf8');
        res.on('data', (chunk) => (text += chunk));
        res.on('end', () =>
          res.statusCode === 200
            ? resolve(JSON.parse(text))
            : reject(new Error(`HTTP ${res.statusCode} ${text.slice(0, 300)}`)),
        );
      });
      req.on('error', reject);
      req.end();
    });
  };
}

/** p50 and p99 of a Float64Array of latencies in ms (sorted in place). */
export function summarize(latencies) {
  latencies.sort();
  return { samples: latencies.length, p50Ms: quantileInPlace(latencies, 0.5), p99Ms: quantileInPlace(latencies, 0.99) };
}
