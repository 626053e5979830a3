/**
 * The secret sweep: every failure a user can meet (bad credentials, connection refused, timeout,
 * reset, 5xx from a server that echoes the request, validation, the Redis limiter down, a bad
 * endpoint, a throwing credentials function), with the logger on, over every transport (node:http,
 * node-fetch 3, Node's fetch) and both signature versions. No known secret, signature or Redis
 * password may appear in any rendering of what the user gets: message, stack, cause chain,
 * JSON.stringify, util.inspect, String(), the logs, or the CLI's output.
 */
import { createServer as createHttpServer, type IncomingMessage } from 'node:http';
import { type AddressInfo, createServer as createTcpServer, type Server, type Socket } from 'node:net';
import { inspect } from 'node:util';
import nodeFetch from 'node-fetch';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { createRedisRateLimitStore } from '../../src/client/rate-limit/redis/redis-rate-limit-store.js';
import { type RunningEmulator, startEmulator } from '../../src/emulator/server.js';
import { createLiveClient, type FetchFunction, type LiveClientOptions } from '../../src/index.js';
import { runCli } from '../cli/cli-process.js';
import { freePort, type RedisServer, redisServerPath, startRedisServer } from '../fleet/redis-server.js';

const SECRET = 'sweep-Secret-9fQ2x7Lm';
const TOKEN = 'sweep/sts+Token=4Kd8';
const REDIS_PASSWORD = 'sweep-redis-Pw-3Nc6';
const ENDPOINT_PASSWORD = 'sweep-endpoint-Pw-8Tb1';
const ACCESS_KEY_ID = 'LTAIsweep';

/** Everything a user could print from what the client gave them. */
const seen: string[] = [];
/** Signatures the servers received: none may be printed either. */
const signatures = new Set<string>();

function render(value: unknown): void {
  seen.push(String(value), JSON.stringify(value) ?? '', inspect(value, { depth: Infinity, showHidden: true }));
  for (let error = value; error instanceof Error; error = error.cause) seen.push(error.message, error.stack ?? '');
}

function recordSignature(request: IncomingMessage): void {
  const v1 = new URL(request.url ?? '/', 'http://x').searchParams.get('Signature');
  const v3 = /Signature=([0-9a-f]{64})/.exec(request.headers.authorization ?? '')?.[1];
  for (const signature of [v1, v3]) if (signature) signatures.add(signature);
}

let emulator: RunningEmulator;
let echoing: { url: string; close: () => Promise<void> };
let hanging: { url: string; close: () => Promise<void> };
let resetting: { url: string; close: () => Promise<void> };
let refusedUrl: string;
let redis: RedisServer | undefined;

/** A server that answers 500 with the request it got (URL, Authorization, token header) in its Message. */
function startEchoingServer(): Promise<{ url: string; close: () => Promise<void> }> {
  const server = createHttpServer((request, response) => {
    recordSignature(request);
    response.writeHead(500, { 'content-type': 'application/json' });
    response.end(
      JSON.stringify({
        Code: 'InternalError',
        Message: `failed ${request.url} ${request.headers.authorization} ${request.headers['x-acs-security-token']}`,
        RequestId: 'sweep',
      }),
    );
  });
  return listen(server);
}

/** A TCP server that reads requests and then hangs (`hang`) or resets the connection (`reset`). */
function startTcpServer(mode: 'hang' | 'reset'): Promise<{ url: string; close: () => Promise<void> }> {
  const sockets = new Set<Socket>();
  const server = createTcpServer((socket) => {
    sockets.add(socket);
    socket.on('error', () => undefined);
    socket.on('data', () => (mode === 'reset' ? socket.resetAndDestroy() : undefined));
  });
  return listen(server, () => {
    for (const socket of sockets) socket.destroy();
  });
}

function listen(server: Server, beforeClose = () => {}): Promise<{ url: string; close: () => Promise<void> }> {
  return new Promise((resolve) =>
    server.listen(0, '127.0.0.1', () => {
      const { port } = server.address() as AddressInfo;
      resolve({
        url: `http://127.0.0.1:${port}`,
        close: () => {
          beforeClose();
          (server as { closeAllConnections?: () => void }).closeAllConnections?.();
          return new Promise((done) => server.close(() => done()));
        },
      });
    }),
  );
}

/** node-fetch 3 takes a URL and options rather than a WHATWG Request. */
const viaNodeFetch: FetchFunction = async (request) =>
  (await nodeFetch(request.url, {
    method: request.method,
    headers: Object.fromEntries(request.headers),
    signal: request.signal,
  })) as unknown as Response;

const transports: [string, FetchFunction | undefined][] = [
  ['node:http', undefined],
  ['node-fetch 3.3.2', viaNodeFetch],
  ["Node's fetch", (request) => fetch(request)],
];

beforeAll(async () => {
  [emulator, echoing, hanging, resetting] = await Promise.all([
    startEmulator({ credentials: [{ accessKeyId: ACCESS_KEY_ID, accessKeySecret: 'the-right-secret-0000' }] }),
    startEchoingServer(),
    startTcpServer('hang'),
    startTcpServer('reset'),
  ]);
  refusedUrl = `http://127.0.0.1:${await freePort()}`;
  if (redisServerPath !== undefined) redis = await startRedisServer(['--requirepass', 'the-right-redis-pw']);
});
afterAll(async () => {
  await Promise.all([emulator?.close(), echoing?.close(), hanging?.close(), resetting?.close(), redis?.stop()]);
});

describe('the secret sweep', () => {
  const logs: unknown[] = [];
  const options = (endpoint: string, fetch: FetchFunction | undefined, signatureVersion: 'v3' | 'v1') =>
    ({
      endpoint,
      credentials: { accessKeyId: ACCESS_KEY_ID, accessKeySecret: SECRET, securityToken: TOKEN },
      signatureVersion,
      retry: { maxAttempts: 2, baseDelayMs: 1 },
      timeoutMs: 300,
      rateLimit: { enabled: false },
      logger: (event) => logs.push(event),
      ...(fetch === undefined ? {} : { fetch }),
    }) satisfies LiveClientOptions;

  for (const [transport, fetch] of transports) {
    for (const signatureVersion of ['v3', 'v1'] as const) {
      it(`${transport}, ${signatureVersion}: bad credentials, refused, timeout, reset, an echoing 5xx`, async () => {
        const endpoints = [emulator.url, refusedUrl, hanging.url, resetting.url, echoing.url];
        const errors = await Promise.all(
          endpoints.map((endpoint) =>
            createLiveClient(options(endpoint, fetch, signatureVersion))
              .describeLivePullToPushList({ Region: 'cn-shanghai' })
              .then(
                () => expect.fail(`${endpoint} answered`),
                (error: unknown) => error,
              ),
          ),
        );
        expect(errors.map((error) => (error as Error).name)).toEqual([
          'LiveApiError',
          'LiveNetworkError',
          'LiveTimeoutError',
          expect.stringMatching(/^Live(Network|Timeout)Error$/),
          'LiveApiError',
        ]);
        for (const error of errors) render(error);
      });
    }
  }

  it('validation, a throwing credentials function and an endpoint with credentials', async () => {
    const client = createLiveClient(options(emulator.url, undefined, 'v3'));
    render(await client.describeLivePullToPush({ Region: 'cn-shanghai', TaskId: '' }).catch((e: unknown) => e));
    const throwing = createLiveClient({
      ...options(emulator.url, undefined, 'v3'),
      credentials: () => {
        // The library cannot know a secret it never got, but it masks what looks like one.
        throw Object.assign(
          new Error(`https://vault:${ENDPOINT_PASSWORD}@vault.internal/?SecurityToken=${TOKEN} refused`),
          { secret: SECRET },
        );
      },
    });
    render(await throwing.describeLivePullToPushList({ Region: 'cn-shanghai' }).catch((e: unknown) => e));
    let thrown: unknown;
    try {
      createLiveClient({ endpoint: `https://relay:${ENDPOINT_PASSWORD}@live.example.com` });
    } catch (error) {
      thrown = error;
    }
    expect(thrown).toMatchObject({ name: 'LiveOptionError' });
    render(thrown);
  });

  it.skipIf(redisServerPath === undefined)(
    'the Redis limiter refused (wrong password) or gone, both modes',
    async () => {
      const redisLogs: string[] = [];
      const logger = { warn: (m: string) => redisLogs.push(m), info: (m: string) => redisLogs.push(m) };
      for (const url of [
        `redis://relay:${REDIS_PASSWORD}@127.0.0.1:${redis!.port}`,
        `redis://:${REDIS_PASSWORD}@${refusedUrl.slice(7)}`,
      ]) {
        for (const onRedisDown of ['fail-closed', 'fallback'] as const) {
          const store = createRedisRateLimitStore({ url, onRedisDown, logger });
          const client = createLiveClient({ ...options(emulator.url, undefined, 'v1'), rateLimit: { store } });
          render(await client.describeLivePullToPushList({ Region: 'cn-shanghai' }).catch((e: unknown) => e));
          await store.close();
        }
      }
      expect(redisLogs.length).toBeGreaterThanOrEqual(4);
      render(redisLogs);
    },
  );

  it('the CLI, with the secrets in its environment, a file and the Redis URL', async () => {
    const env = {
      ALIBABA_CLOUD_ACCESS_KEY_ID: ACCESS_KEY_ID,
      ALIBABA_CLOUD_ACCESS_KEY_SECRET: SECRET,
      ALIBABA_CLOUD_SECURITY_TOKEN: TOKEN,
      LIVE_RELAY_RATE_LIMIT_REDIS: `redis://relay:${REDIS_PASSWORD}@${refusedUrl.slice(7)}`,
    };
    const runs = await Promise.all([
      ...[emulator.url, refusedUrl, echoing.url].flatMap((endpoint) =>
        ['v3', 'v1'].map((v) =>
          runCli(['list', '--region', 'cn-shanghai', '--endpoint', endpoint, '--signature-version', v], env),
        ),
      ),
      runCli(['list', '--region', 'cn-shanghai', '--endpoint', `http://relay:${ENDPOINT_PASSWORD}@127.0.0.1`], env),
      runCli(
        [
          'list',
          '--region',
          'cn-shanghai',
          '--endpoint',
          echoing.url,
          '--access-key-id',
          ACCESS_KEY_ID,
          '--access-key-secret-file',
          '-',
        ],
        { LIVE_RELAY_RATE_LIMIT_REDIS: '' },
        `${SECRET}\n`,
      ),
    ]);
    expect(runs.map((run) => run.code)).toEqual([1, 1, 1, 1, 1, 1, 2, 1]);
    expect(runs.some((run) => run.stderr.includes('LiveRelayWarning'))).toBe(true);
    for (const run of runs) seen.push(run.stdout, run.stderr);
  });

  it('finds no secret anywhere', () => {
    render(logs);
    const text = seen.join('\n');
    expect(signatures.size).toBeGreaterThanOrEqual(6);
    for (const secret of [SECRET, TOKEN, encodeURIComponent(TOKEN), REDIS_PASSWORD, ENDPOINT_PASSWORD, ...signatures]) {
      const at = text.indexOf(secret);
      expect(at, `${secret} in: …${text.slice(Math.max(0, at - 300), at + 100)}`).toBe(-1);
    }
    expect(text).not.toMatch(/(Signature|SecurityToken)(=|%3D)(?!\*\*\*)/);
  });
});
