/**
 * The `http:` transport (pooled `node:net` connections, our own HTTP/1.1 reader) over real
 * loopback sockets, against servers that write exactly the bytes each case needs.
 */
import { spawn } from 'node:child_process';
import type { Socket } from 'node:net';
import { fileURLToPath } from 'node:url';
import { afterEach, describe, expect, it } from 'vitest';
import { parseEndpoint } from '../../src/client/transport/endpoint.js';
import { type Connection, ConnectionPool } from '../../src/client/transport/http1/connection-pool.js';
import { requestHead } from '../../src/client/transport/http1/request-head.js';
import type { SendOutcome, SignedAttempt } from '../../src/client/transport/send-outcome.js';
import { createSocketSender } from '../../src/client/transport/socket-sender.js';
import { createLiveClient, LiveNetworkError } from '../../src/index.js';
import {
  nodeHttpRequestBytes,
  type RawHandler,
  type RawServer,
  rawAnswer,
  startRawServer,
} from '../support/raw-server.js';
import { closedPort, OK_BODY } from '../support/recording-server.js';
import { createParams, DESCRIBE_PARAMS, uniqueCredentials } from './fixtures.js';

const ROOT = fileURLToPath(new URL('../../', import.meta.url));
const OK = rawAnswer(JSON.stringify(OK_BODY), ['content-type: application/json;charset=utf-8']);
const ATTEMPT: SignedAttempt = { method: 'GET', path: '/?Action=Test', headers: { host: 'relay.test' } };

let server: RawServer;
afterEach(() => server?.close());

async function serve(handler: RawHandler): Promise<RawServer> {
  server = await startRawServer(handler);
  return server;
}

/** One exchange through the `http:` transport to `server`. */
function send(
  options: { timeoutMs?: number; signal?: AbortSignal; attempt?: SignedAttempt } = {},
  url = server.url,
): Promise<SendOutcome> {
  return createSocketSender(parseEndpoint(url))(options.attempt ?? ATTEMPT, {
    timeoutMs: options.timeoutMs ?? 10_000,
    signal: options.signal,
  });
}

function client(options: Parameters<typeof createLiveClient>[0] = {}) {
  return createLiveClient({
    endpoint: server.url,
    credentials: uniqueCredentials(),
    retry: { baseDelayMs: 1 },
    ...options,
  });
}

/** What `promise` rejected with (a resolution comes back wrapped, and matches no error). */
const rejection = (promise: Promise<unknown>): Promise<unknown> =>
  promise.then(
    (value: unknown) => ({ resolvedWith: value }),
    (error: unknown) => error,
  );

const sleep = (ms: number) => new Promise((resolve) => setTimeout(resolve, ms));

describe('connection reuse', () => {
  it('carries sequential calls over one keep-alive connection', async () => {
    await serve((_, socket) => socket.write(OK));
    const live = client();
    for (let i = 0; i < 3; i++) expect((await live.describeLivePullToPush(DESCRIBE_PARAMS)).RequestId).toBe('req-ok');
    expect(server.requests).toHaveLength(3);
    expect(server.accepted).toBe(1);
    const [head] = server.requests;
    expect(head).toMatch(/^GET \/\?\S+ HTTP\/1\.1\r\n/);
    expect(head).toContain(`\r\nhost: 127.0.0.1:${server.port}\r\n`);
    expect(head).toMatch(/\r\nConnection: keep-alive\r\n\r\n$/);
  });

  it.each([
    ['Connection: close', (body: string) => rawAnswer(body, ['Connection: close'])],
    ['HTTP/1.0 without keep-alive', (body: string) => rawAnswer(body).replace('HTTP/1.1', 'HTTP/1.0')],
    ['more bytes than it framed', (body: string) => `${rawAnswer(body)}HTTP/1.1 200 OK\r\n`],
  ])('opens a new connection after an answer with %s', async (_, answer) => {
    await serve((_, socket) => socket.write(answer('{}')));
    for (let i = 0; i < 3; i++) expect(await send()).toMatchObject({ kind: 'answer', status: 200, body: '{}' });
    expect(server.accepted).toBe(3);
  });

  it('reuses an HTTP/1.0 connection that answered keep-alive', async () => {
    await serve((_, socket) =>
      socket.write(rawAnswer('{}', ['Connection: keep-alive']).replace('HTTP/1.1', 'HTTP/1.0')),
    );
    for (let i = 0; i < 3; i++) expect(await send()).toMatchObject({ kind: 'answer', body: '{}' });
    expect(server.accepted).toBe(1);
  });

  it('drops an idle connection the server closed, and the next call succeeds on a new one', async () => {
    await serve((_, socket) => {
      socket.write(OK);
      setTimeout(() => socket.end(), 20);
    });
    const live = client();
    await live.describeLivePullToPush(DESCRIBE_PARAMS);
    await server.closed(1);
    await live.describeLivePullToPush(DESCRIBE_PARAMS);
    expect(server.accepted).toBe(2);
    expect(server.requests).toHaveLength(2);
  });

  it('drops an idle connection the server wrote to unasked', async () => {
    await serve((_, socket, { request }) => {
      socket.write(OK);
      if (request === 0) setTimeout(() => socket.write('HTTP/1.1 200 OK\r\ncontent-length: 0\r\n\r\n'), 20);
    });
    expect(await send()).toMatchObject({ kind: 'answer', status: 200 });
    await server.closed(1);
    expect(await send()).toMatchObject({ kind: 'answer', status: 200 });
    expect(server.accepted).toBe(2);
  });
});

describe('failures and requestSent', () => {
  it('a reused connection closed without an answer: the request may have been sent', async () => {
    await serve((_, socket, { request }) => (request === 0 ? socket.write(OK) : socket.destroy()));
    expect(await send()).toMatchObject({ kind: 'answer' });
    const outcome = await send();
    expect(outcome).toMatchObject({ kind: 'failed', requestSent: true, error: { code: 'ECONNRESET' } });
    expect(server.requests).toHaveLength(2);
  });

  it('the client reports it as a LiveNetworkError with requestSent true, and does not resend a Create', async () => {
    await serve((_, socket, { request }) => (request === 0 ? socket.write(OK) : socket.destroy()));
    const live = client();
    await live.describeLivePullToPush(DESCRIBE_PARAMS);
    const error = await rejection(live.createLivePullToPush(createParams()));
    expect(error).toBeInstanceOf(LiveNetworkError);
    expect(error).toMatchObject({ code: 'ECONNRESET', requestSent: true, attempts: 1 });
    expect(server.requests).toHaveLength(2);
  });

  it('a refused connection: nothing was sent, so even a Create is retried', async () => {
    const url = `http://127.0.0.1:${await closedPort()}`;
    expect(await send({}, url)).toMatchObject({ kind: 'failed', requestSent: false, error: { code: 'ECONNREFUSED' } });
    const live = createLiveClient({ endpoint: url, credentials: uniqueCredentials(), retry: { baseDelayMs: 1 } });
    const error = await rejection(live.createLivePullToPush(createParams()));
    expect(error).toBeInstanceOf(LiveNetworkError);
    expect(error).toMatchObject({ code: 'ECONNREFUSED', requestSent: false, attempts: 3 });
  });

  it('a header the transport refuses is never sent', async () => {
    await serve((_, socket) => socket.write(OK));
    const outcome = await send({ attempt: { ...ATTEMPT, headers: { host: 'h', 'x-bad': 'a\r\nx-injected: 1' } } });
    expect(outcome).toMatchObject({ kind: 'failed', requestSent: false, error: { code: 'ERR_INVALID_CHAR' } });
    expect(server.accepted).toBe(0);
  });

  it.each([
    ['not HTTP', 'SSH-2.0-OpenSSH_9.6\r\n\r\n', 'HPE_INVALID_CONSTANT'],
    ['a bad chunk size', 'HTTP/1.1 200 OK\r\ntransfer-encoding: chunked\r\n\r\nnope\r\n', 'HPE_INVALID_CHUNK_SIZE'],
    ['a head over 16 KiB', `HTTP/1.1 200 OK\r\nx-pad: ${'a'.repeat(17_000)}\r\n\r\n`, 'HPE_HEADER_OVERFLOW'],
  ])('a malformed answer (%s) is a LiveNetworkError with llhttp’s code', async (_, answer, code) => {
    await serve((_, socket) => socket.write(answer));
    const error = await rejection(client({ retry: { maxAttempts: 1 } }).describeLivePullToPush(DESCRIBE_PARAMS));
    expect(error).toBeInstanceOf(LiveNetworkError);
    expect(error).toMatchObject({ code, requestSent: true });
    await server.closed(1);
  });

  it('a connection closed mid-body is ECONNRESET, and is not reused', async () => {
    await serve((_, socket) => socket.end('HTTP/1.1 200 OK\r\ncontent-length: 10\r\n\r\nabc'));
    expect(await send()).toMatchObject({ kind: 'failed', requestSent: true, error: { code: 'ECONNRESET' } });
  });
});

describe('reading answers', () => {
  it('reads a chunked answer written in pieces, and keeps the connection', async () => {
    const body = 'é'.repeat(40_000);
    await serve(async (_, socket) => {
      socket.write('HTTP/1.1 200 OK\r\nTransfer-Encoding: chunked\r\n\r\n');
      const bytes = Buffer.from(body);
      for (let at = 0; at < bytes.length; at += 9_999) {
        const chunk = bytes.subarray(at, at + 9_999);
        socket.write(`${chunk.length.toString(16)};n=${at}\r\n`);
        await sleep(2);
        socket.write(Buffer.concat([chunk, Buffer.from('\r\n')]));
      }
      socket.write('0\r\nx-checksum: 1\r\n\r\n');
    });
    expect(await send()).toMatchObject({ kind: 'answer', status: 200, body });
    expect(await send()).toMatchObject({ kind: 'answer', body });
    expect(server.accepted).toBe(1);
  });

  it('reads a close-delimited answer to its end, and opens a new connection next', async () => {
    await serve(async (_, socket) => {
      socket.write('HTTP/1.1 500 Internal Server Error\r\ncontent-type: text/plain\r\n\r\nfirst ');
      await sleep(20);
      socket.end('and last');
    });
    expect(await send()).toMatchObject({ kind: 'answer', status: 500, body: 'first and last' });
    expect(await send()).toMatchObject({ kind: 'answer', body: 'first and last' });
    expect(server.accepted).toBe(2);
  });

  it('skips an interim 100 Continue', async () => {
    await serve((_, socket) => socket.write(`HTTP/1.1 100 Continue\r\n\r\n${OK}`));
    expect(await send()).toMatchObject({ kind: 'answer', status: 200, body: JSON.stringify(OK_BODY) });
  });

  it('sends obs-text in a header (a userAgent with é) as the latin1 byte node:http sent', async () => {
    await serve((_, socket) => socket.write(OK));
    const attempt: SignedAttempt = { ...ATTEMPT, headers: { host: 'relay.test', 'user-agent': 'live-relay café' } };
    await send({ attempt });
    expect(server.rawRequests[0]).toEqual(await nodeHttpRequestBytes('GET', attempt.path, attempt.headers));
  });
});

describe('the pool', () => {
  it('opens at most 64 connections for 100 concurrent calls, and every call completes', async () => {
    await serve((_, socket) => setTimeout(() => socket.write(OK), 20));
    const outcomes = await Promise.all(Array.from({ length: 100 }, () => send()));
    expect(outcomes.every((outcome) => outcome.kind === 'answer')).toBe(true);
    expect(server.requests).toHaveLength(100);
    expect(server.accepted).toBe(64);
    expect(server.maxOpen).toBe(64);
  });

  it('keeps the 65th call waiting until a connection closes, with answers that close them', async () => {
    const held: Socket[] = [];
    let acceptedWhenFull = 0;
    await serve((_, socket) => {
      held.push(socket);
      if (held.length > 64) socket.end(rawAnswer('{}', ['Connection: close']));
      if (held.length !== 64) return;
      // Every slot is taken: give a 65th connection time to show up, if it would, then answer all.
      setTimeout(() => {
        acceptedWhenFull = server.accepted;
        for (const waiting of held) waiting.end(rawAnswer('{}', ['Connection: close']));
      }, 100);
    });
    const outcomes = await Promise.all(Array.from({ length: 70 }, () => send()));
    expect(acceptedWhenFull).toBe(64);
    expect(outcomes.every((outcome) => outcome.kind === 'answer')).toBe(true);
    expect(server.accepted).toBe(70);
  });

  it('a call that times out or is aborted waiting for a connection sent nothing, and never will', async () => {
    await serve(() => undefined);
    const controllers = Array.from({ length: 64 }, () => new AbortController());
    const hanging = controllers.map(({ signal }) => rejection(send({ signal })));
    while (server.requests.length < 64) await sleep(5);
    const outcome = await send({ timeoutMs: 50 });
    expect(outcome.kind).toBe('timeout');
    const ended = await (outcome as Extract<SendOutcome, { kind: 'timeout' }>).ended;
    expect(ended).toBeLessThanOrEqual(Date.now());
    const waiting = new AbortController();
    const aborted = rejection(send({ signal: waiting.signal }));
    await sleep(10);
    waiting.abort(new Error('no longer wanted'));
    expect(await aborted).toMatchObject({ message: 'no longer wanted' });
    const reason = new Error('done');
    for (const controller of controllers) controller.abort(reason);
    expect(await Promise.all(hanging)).toEqual(Array(64).fill(reason));
    await server.closed(64);
    // Freed slots go to no one: the two calls that gave up waiting are not sent late.
    await sleep(50);
    expect(server.accepted).toBe(64);
    expect(server.requests).toHaveLength(64);
  });
});

describe('the pool’s idle connections', () => {
  /** A pool's connection, used for one exchange and given back idle. */
  async function idleConnection(pool: ConnectionPool): Promise<Connection> {
    const connection = await new Promise<Connection>((resolve) => pool.acquire(resolve));
    await new Promise<void>((resolve) => {
      connection.user = { onData: () => resolve(), onEnd: () => undefined, onError: () => undefined };
      connection.socket.write(requestHead('GET', '/', { host: 'h' }));
    });
    pool.release(connection);
    return connection;
  }

  it('never lends one the server has closed, even before its close event', async () => {
    let serverSide: Socket | undefined;
    await serve((_, socket) => {
      serverSide = socket;
      socket.write(rawAnswer(''));
    });
    const pool = new ConnectionPool('127.0.0.1', server.port, 4);
    const first = await idleConnection(pool);
    // A call made on a later turn of the loop than the server's FIN, but before the socket's 'close'.
    const next = new Promise<Connection>((resolve) =>
      first.socket.once('end', () => setImmediate(() => pool.acquire(resolve))),
    );
    serverSide!.end();
    const lease = await next;
    expect(lease.socket).not.toBe(first.socket);
    expect(lease.reused).toBe(false);
    lease.socket.destroy();
  });
});

describe('time limits and abort', () => {
  it('after a timeout, `ended` resolves when the late answer arrives, and that connection is closed', async () => {
    let answeredAt = 0;
    await serve((_, socket) =>
      setTimeout(() => {
        answeredAt = Date.now();
        socket.write(OK);
      }, 450),
    );
    const start = Date.now();
    const outcome = await send({ timeoutMs: 300 });
    expect(outcome.kind).toBe('timeout');
    expect(answeredAt).toBe(0);
    const ended = await (outcome as Extract<SendOutcome, { kind: 'timeout' }>).ended;
    expect(answeredAt).toBeGreaterThan(0);
    expect(ended).toBeGreaterThanOrEqual(answeredAt);
    // Sooner than the grace's end, which no timer reaches early: the answer ended the wait.
    expect(ended).toBeLessThan(start + 600);
    await server.closed(1);
    expect(await send()).toMatchObject({ kind: 'answer' });
    expect(server.accepted).toBe(2);
  });

  it('with no late answer, `ended` resolves after one more time limit and the connection is closed', async () => {
    await serve(() => undefined);
    const start = Date.now();
    const outcome = await send({ timeoutMs: 100 });
    expect(outcome.kind).toBe('timeout');
    const ended = await (outcome as Extract<SendOutcome, { kind: 'timeout' }>).ended;
    expect(ended - start).toBeGreaterThanOrEqual(195);
    await server.closed(1);
  });

  it('abort rejects with the reason and destroys the connection', async () => {
    await serve(() => undefined);
    const controller = new AbortController();
    const call = send({ signal: controller.signal });
    while (server.requests.length < 1) await sleep(5);
    const reason = new Error('stop');
    controller.abort(reason);
    expect(await rejection(call)).toBe(reason);
    await server.closed(1);
    expect(server.openNow).toBe(0);
  });
});

describe('process lifetime', () => {
  it('a process whose last call finished exits promptly, its pooled connection still open', async () => {
    await serve((_, socket) => socket.write(OK));
    const script = [
      `import { createLiveClient } from ${JSON.stringify(`${ROOT}src/index.ts`)};`,
      'const client = createLiveClient({ endpoint: process.env.ENDPOINT,',
      "  credentials: { accessKeyId: 'ak-exit-test', accessKeySecret: 'secret' } });",
      `await client.describeLivePullToPush(${JSON.stringify(DESCRIBE_PARAMS)});`,
      "process.stdout.write('done\\n');",
    ].join('\n');
    const child = spawn(process.execPath, ['--import', 'tsx', '--input-type=module', '-e', script], {
      cwd: ROOT,
      env: { PATH: process.env['PATH'] ?? '', ENDPOINT: server.url },
      stdio: ['ignore', 'pipe', 'pipe'],
    });
    let stderr = '';
    child.stderr.on('data', (chunk: Buffer) => (stderr += chunk.toString()));
    const done = new Promise<{ at: number; open: number }>((resolve) =>
      child.stdout.on('data', () => resolve({ at: Date.now(), open: server.openNow })),
    );
    const killer = setTimeout(() => child.kill('SIGKILL'), 10_000);
    const exit = await new Promise<{ code: number | null; at: number }>((resolve) =>
      child.on('exit', (code) => resolve({ code, at: Date.now() })),
    );
    clearTimeout(killer);
    expect(stderr).toBe('');
    expect(exit.code).toBe(0);
    const printed = await done;
    expect(printed.open).toBe(1);
    expect(exit.at - printed.at).toBeLessThan(2_000);
    expect(server.requests).toHaveLength(1);
  });
});
