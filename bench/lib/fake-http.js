/**
 * Stubs for the overhead row, each answering a ready-made 200 JSON answer on the next macrotask
 * (`setImmediate`), where a real socket read would deliver it, so every line of client code above
 * the cut runs and no loopback is involved:
 * - `stubSocket`: the same cut for every client, `net.connect()` (a socket with no network);
 * - `stubNodeNet`: live-relay's cut opposite `stubHttpx`: `net.connect()` too, without the stream;
 * - `stubHttpx`: the anchor study's cut for the official cores, their HTTP module (`httpx`);
 * - `stubFetch`: a WHATWG fetch for live-relay's `fetch` option.
 */
import { EventEmitter } from 'node:events';
import http from 'node:http';
import { createRequire, syncBuiltinESMExports } from 'node:module';
import net from 'node:net';
import { Duplex, Readable } from 'node:stream';
import { BARE_ANSWER } from './params.js';

const require = createRequire(import.meta.url);
const ANSWER = Buffer.from(BARE_ANSWER);
const ANSWER_HEADERS = Object.freeze({
  'content-type': 'application/json;charset=utf-8',
  'content-length': String(ANSWER.length),
  connection: 'keep-alive',
});

/** How many requests reached a stub (each benchmark checks it equals the calls it made). */
export const stubHits = { count: 0 };

function answerStream(socket, req) {
  const res = new Readable({ read() {} });
  res.statusCode = 200;
  res.statusMessage = 'OK';
  res.headers = { ...ANSWER_HEADERS };
  res.socket = socket;
  res.req = req;
  res.push(ANSWER);
  res.push(null);
  return res;
}

class FakeSocket extends EventEmitter {
  connecting = false;
  readyState = 'open';
  destroy() {}
  setTimeout() {}
}

/** The bare server's answer as bytes on the wire, headers as `ANSWER_HEADERS`. */
const ANSWER_BYTES = Buffer.concat([
  Buffer.from(
    `HTTP/1.1 200 OK\r\n${Object.entries(ANSWER_HEADERS)
      .map(([name, value]) => `${name}: ${value}\r\n`)
      .join('')}\r\n`,
  ),
  ANSWER,
]);

/**
 * Stands in for a connected `net.Socket` without its stream machinery: the events and methods
 * live-relay's connection pool and exchange use. Each write is one whole request head (live-relay writes one per call); it is
 * answered with `ANSWER_BYTES` on the next macrotask, as one socket read would deliver them.
 */
class FakeConnection extends EventEmitter {
  write() {
    stubHits.count++;
    setImmediate(() => this.emit('data', ANSWER_BYTES));
    return true;
  }
  destroy() {
    setImmediate(() => this.emit('close'));
    return this;
  }
  ref() {
    return this;
  }
  unref() {
    return this;
  }
}

/**
 * The cut for live-relay against the official cores stubbed at httpx (the anchor study's method):
 * replaces `net.connect` for live-relay's `http:` transport (`socket-sender.ts`, which imports
 * `connect` from `node:net`): every connection is a {@link FakeConnection}. live-relay's request
 * serialization, response parsing, connection pool, timers and listeners all still run.
 */
export function stubNodeNet() {
  net.connect = () => new FakeConnection();
  net.createConnection = net.connect;
  syncBuiltinESMExports();
}

/**
 * A connected TCP socket with no network under it: a `Duplex` stream (as `net.Socket` is) with the
 * socket methods `node:http`'s agent and live-relay's pool call. Every request head written to it
 * (up to its blank line; these requests have no body) is answered with `ANSWER_BYTES` on the next
 * macrotask, as one socket read would deliver them.
 */
class FakeTcpSocket extends Duplex {
  connecting = false;
  #head = '';
  constructor() {
    super();
    process.nextTick(() => this.emit('connect'));
  }
  _read() {}
  _write(chunk, _encoding, callback) {
    this.#head += chunk.toString('latin1');
    for (let end = this.#head.indexOf('\r\n\r\n'); end !== -1; end = this.#head.indexOf('\r\n\r\n')) {
      this.#head = this.#head.slice(end + 4);
      stubHits.count++;
      setImmediate(() => this.push(ANSWER_BYTES));
    }
    callback();
  }
  setNoDelay() {
    return this;
  }
  setKeepAlive() {
    return this;
  }
  setTimeout() {
    return this;
  }
  ref() {
    return this;
  }
  unref() {
    return this;
  }
}

/**
 * Replaces `net.connect` / `net.createConnection` with a {@link FakeTcpSocket}: the same cut for
 * every client, the socket. Everything above it runs: `node:http`'s client, agent and parser under
 * the official cores (and httpx above them), live-relay's own HTTP/1.1 layer.
 */
export function stubSocket() {
  net.connect = () => new FakeTcpSocket();
  net.createConnection = net.connect;
  // node:http's agent took `net.createConnection` when it loaded (this module imports node:http).
  http.Agent.prototype.createConnection = net.connect;
  syncBuiltinESMExports();
}

/**
 * The anchor suite's method: replaces `httpx.request` and `httpx.read`, the HTTP layer under
 * `@darabonba/typescript` (openapi-core), `@alicloud/tea-typescript` (openapi-client) and
 * pop-core, before any of them loads. Asserts that all three load this one copy of httpx.
 */
export function stubHttpx() {
  const resolveFrom = (pkg) => require.resolve('httpx', { paths: [require.resolve(pkg)] });
  const path = resolveFrom('@alicloud/openapi-core');
  const roots = {
    '@darabonba/typescript': require.resolve('httpx', {
      paths: [require.resolve('@darabonba/typescript', { paths: [require.resolve('@alicloud/openapi-core')] })],
    }),
    '@alicloud/tea-typescript': require.resolve('httpx', {
      paths: [require.resolve('@alicloud/tea-typescript', { paths: [require.resolve('@alicloud/openapi-client')] })],
    }),
    '@alicloud/pop-core': resolveFrom('@alicloud/pop-core'),
  };
  for (const [pkg, p] of Object.entries(roots)) {
    if (p !== path) throw new Error(`${pkg} loads a different httpx (${p}); stub it too`);
  }
  const httpx = require(path);
  httpx.request = async (url, opts) => {
    stubHits.count++;
    await new Promise((resolve) => setImmediate(resolve));
    return answerStream(new FakeSocket(), { method: opts?.method ?? 'GET', path: String(url) });
  };
  httpx.read = (response, encoding) =>
    new Promise((resolve, reject) => {
      const chunks = [];
      response.on('data', (chunk) => chunks.push(chunk));
      response.on('error', reject);
      response.on('end', () => {
        const buffer = Buffer.concat(chunks);
        resolve(encoding ? buffer.toString(encoding) : buffer);
      });
    });
  return path;
}

/** A WHATWG fetch that answers every request with a ready `Response` (for live-relay's `fetch` option). */
export async function stubFetch(_request) {
  stubHits.count++;
  await new Promise((resolve) => setImmediate(resolve));
  return new Response(ANSWER, { status: 200, headers: ANSWER_HEADERS });
}
