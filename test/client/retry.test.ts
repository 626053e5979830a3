import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { createLiveClient, LiveApiError, LiveNetworkError, LiveTimeoutError } from '../../src/index.js';
import { closedPort, type RecordingServer, startRecordingServer } from '../support/recording-server.js';
import { createParams, DESCRIBE_PARAMS, uniqueCredentials } from './fixtures.js';
import { recordAttempts } from './helpers.js';

let server: RecordingServer;
beforeEach(async () => {
  server = await startRecordingServer();
});
afterEach(() => server.close());

const serverError = (index: number) => ({
  status: 500,
  body: { Code: 'InternalError', Message: 'boom', RequestId: `r${index}` },
});
const throttled = (retryAfterMs?: number) => ({
  status: 400,
  headers: retryAfterMs === undefined ? {} : { 'x-acs-retry-after': String(retryAfterMs) },
  body: { Code: 'Throttling.User', Message: 'Request was denied due to user flow control.', RequestId: 'rt' },
});

async function failure<T extends Error>(promise: Promise<unknown>, type: new (...args: never[]) => T): Promise<T> {
  const error: unknown = await promise.then(
    () => undefined,
    (e: unknown) => e,
  );
  expect(error).toBeInstanceOf(type);
  return error as T;
}

function client(options: Parameters<typeof createLiveClient>[0] = {}) {
  return createLiveClient({
    endpoint: server.url,
    credentials: uniqueCredentials(),
    retry: { baseDelayMs: 2 },
    ...options,
  });
}

describe('retries', () => {
  it('retries a 5xx and succeeds', async () => {
    server.script((_, i) => (i < 2 ? serverError(i) : {}));
    const result = await client().describeLivePullToPush(DESCRIBE_PARAMS);
    expect(result.RequestId).toBe('req-ok');
    expect(server.requests).toHaveLength(3);
  });

  it('gives up after maxAttempts with the last error and the attempt count', async () => {
    server.script((_, i) => serverError(i));
    const error = await failure(client().describeLivePullToPush(DESCRIBE_PARAMS), LiveApiError);
    expect(error).toMatchObject({
      name: 'LiveApiError',
      code: 'InternalError',
      statusCode: 500,
      requestId: 'r2',
      attempts: 3,
    });
    expect(error.isServerError).toBe(true);
    expect(error.isThrottling).toBe(false);
    expect(server.requests).toHaveLength(3);
  });

  it('does not retry a client error', async () => {
    server.script(() => ({
      status: 400,
      body: { Code: 'CodeTaskNotExist', Message: 'Task does not exist.', RequestId: 'r' },
    }));
    const error = await failure(client().describeLivePullToPush(DESCRIBE_PARAMS), LiveApiError);
    expect(error).toMatchObject({ code: 'CodeTaskNotExist', statusCode: 400, attempts: 1 });
    expect(server.requests).toHaveLength(1);
  });

  it('backs off with full jitter: each delay lies in [0, base × 2^(n−1))', async () => {
    server.script((_, i) => serverError(i));
    const log = recordAttempts();
    await failure(
      client({ retry: { maxAttempts: 4, baseDelayMs: 8 }, logger: log.logger }).describeLivePullToPush(DESCRIBE_PARAMS),
      LiveApiError,
    );
    expect(log.delays).toHaveLength(3);
    log.delays.forEach((delay, n) => {
      expect(delay).toBeGreaterThanOrEqual(0);
      expect(delay).toBeLessThan(8 * 2 ** n);
    });
  });

  it('waits exactly x-acs-retry-after (milliseconds) after throttling, capped at maxDelayMs', async () => {
    server.script((_, i) => (i === 0 ? throttled(40) : i === 1 ? throttled(90_000) : {}));
    const log = recordAttempts();
    await client({ retry: { maxDelayMs: 60 }, logger: log.logger }).describeLivePullToPush(DESCRIBE_PARAMS);
    expect(log.delays).toEqual([40, 60]);
    expect(server.requests[1]?.headers['x-acs-retry-delay']).toBe('40');
  });

  it('retries CreateLivePullToPush after throttling: the request was refused before it took effect', async () => {
    server.script((_, i) => (i === 0 ? throttled(1) : { body: { RequestId: 'r', TaskId: 'task-1' } }));
    const result = await client().createLivePullToPush(createParams());
    expect(result.TaskId).toBe('task-1');
    expect(server.requests).toHaveLength(2);
  });

  it('does not retry CreateLivePullToPush after a 5xx', async () => {
    server.script((_, i) => serverError(i));
    const error = await failure(client().createLivePullToPush(createParams()), LiveApiError);
    expect(error.attempts).toBe(1);
    expect(server.requests).toHaveLength(1);
  });

  it('reports throttling that outlasts every attempt as LiveApiError.isThrottling', async () => {
    server.script(() => throttled(1));
    const error = await failure(client().describeLivePullToPush(DESCRIBE_PARAMS), LiveApiError);
    expect(error).toMatchObject({ code: 'Throttling.User', statusCode: 400, retryAfterMs: 1, attempts: 3 });
    expect(error.isThrottling).toBe(true);
  });
});

describe('connection failures', () => {
  it('retries a refused connection, then throws LiveNetworkError with requestSent false', async () => {
    const port = await closedPort();
    const error = await failure(
      createLiveClient({
        endpoint: `http://127.0.0.1:${port}`,
        credentials: uniqueCredentials(),
        retry: { baseDelayMs: 1 },
      }).describeLivePullToPush(DESCRIBE_PARAMS),
      LiveNetworkError,
    );
    expect(error).toMatchObject({ name: 'LiveNetworkError', code: 'ECONNREFUSED', requestSent: false, attempts: 3 });
  });

  it('retries CreateLivePullToPush when the connection was refused (nothing was sent)', async () => {
    const port = await closedPort();
    const log = recordAttempts();
    const error = await failure(
      createLiveClient({
        endpoint: `http://127.0.0.1:${port}`,
        credentials: uniqueCredentials(),
        retry: { baseDelayMs: 1 },
        logger: log.logger,
      }).createLivePullToPush(createParams()),
      LiveNetworkError,
    );
    expect(error.attempts).toBe(3);
    expect(log.events.map((e) => e.errorCode)).toEqual(['ECONNREFUSED', 'ECONNREFUSED', 'ECONNREFUSED']);
  });

  it('retries a reset after sending for a GET, never for CreateLivePullToPush', async () => {
    server.script((_, i) => (i === 0 ? 'reset' : {}));
    await client().describeLivePullToPush(DESCRIBE_PARAMS);
    expect(server.requests).toHaveLength(2);

    server.script(() => 'reset');
    const error = await failure(client().createLivePullToPush(createParams()), LiveNetworkError);
    expect(error).toMatchObject({ requestSent: true, attempts: 1 });
    expect(server.requests).toHaveLength(3);
  });
});

describe('per-attempt timeout', () => {
  it('times each attempt out after timeoutMs and retries a GET', async () => {
    server.script((_, i) => (i < 2 ? 'hang' : {}));
    const result = await client({ timeoutMs: 50 }).describeLivePullToPush(DESCRIBE_PARAMS);
    expect(result.RequestId).toBe('req-ok');
    expect(server.requests).toHaveLength(3);
  });

  it('throws LiveTimeoutError when every attempt times out; the per-call timeoutMs wins', async () => {
    server.script(() => 'hang');
    const error = await failure(
      client({ timeoutMs: 60_000 }).describeLivePullToPush(DESCRIBE_PARAMS, { timeoutMs: 30 }),
      LiveTimeoutError,
    );
    expect(error).toMatchObject({ name: 'LiveTimeoutError', timeoutMs: 30, phase: 'request', attempts: 3 });
  });

  it('never retries CreateLivePullToPush after a timeout', async () => {
    server.script(() => 'hang');
    const error = await failure(client({ timeoutMs: 30 }).createLivePullToPush(createParams()), LiveTimeoutError);
    expect(error.attempts).toBe(1);
    expect(server.requests).toHaveLength(1);
  });
});
