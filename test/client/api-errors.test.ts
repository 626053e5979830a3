import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { createLiveClient, LiveApiError } from '../../src/index.js';
import { type RecordingServer, type Reply, startRecordingServer } from '../support/recording-server.js';
import { DESCRIBE_PARAMS, uniqueCredentials } from './fixtures.js';

let server: RecordingServer;
beforeEach(async () => {
  server = await startRecordingServer();
});
afterEach(() => server.close());

async function apiError(reply: Reply): Promise<LiveApiError> {
  server.script(() => reply);
  const client = createLiveClient({
    endpoint: server.url,
    credentials: uniqueCredentials(),
    retry: { maxAttempts: 1 },
  });
  const error: unknown = await client.describeLivePullToPush(DESCRIBE_PARAMS).catch((e: unknown) => e);
  expect(error).toBeInstanceOf(LiveApiError);
  return error as LiveApiError;
}

describe('LiveApiError', () => {
  it('carries every field of the service’s error body', async () => {
    const error = await apiError({
      status: 400,
      body: {
        RequestId: '6EBD1AC4-C34D-4AE1-963E-B688A228BE31',
        HostId: 'live.aliyuncs.com',
        Code: 'CodeTaskNotExist',
        Message: 'Task does not exist.',
        Recommend: 'https://api.aliyun.com/troubleshoot?q=CodeTaskNotExist',
      },
    });
    expect(error).toMatchObject({
      name: 'LiveApiError',
      action: 'DescribeLivePullToPush',
      code: 'CodeTaskNotExist',
      message: 'Task does not exist.',
      requestId: '6EBD1AC4-C34D-4AE1-963E-B688A228BE31',
      hostId: 'live.aliyuncs.com',
      recommend: 'https://api.aliyun.com/troubleshoot?q=CodeTaskNotExist',
      statusCode: 400,
      retryAfterMs: undefined,
      attempts: 1,
      isThrottling: false,
      isServerError: false,
    });
    expect(error.stack).toMatch(/^LiveApiError: Task does not exist\./);
  });

  it('takes the RequestId from x-acs-request-id and names a code-less answer after its status', async () => {
    const error = await apiError({
      status: 502,
      headers: { 'x-acs-request-id': 'hdr-id', 'content-type': 'text/html' },
      body: '<html>Bad Gateway</html>',
    });
    expect(error).toMatchObject({ code: 'Http502', statusCode: 502, requestId: 'hdr-id', isServerError: true });
    expect(error.message).toBe('HTTP 502; the answer carried no error message');
  });

  it('reads lower-case field names as the official core does', async () => {
    const error = await apiError({
      status: 404,
      body: { code: 'InvalidApi.NotFound', message: 'Specified api is not found', requestId: 'lc' },
    });
    expect(error).toMatchObject({
      code: 'InvalidApi.NotFound',
      message: 'Specified api is not found',
      requestId: 'lc',
    });
  });

  it('treats Throttling.* and HTTP 429 as throttling', async () => {
    expect(
      (await apiError({ status: 400, body: { Code: 'Throttling.API', Message: 'x', RequestId: 'r' } })).isThrottling,
    ).toBe(true);
    expect(
      (await apiError({ status: 429, body: { Code: 'TooMany', Message: 'x', RequestId: 'r' } })).isThrottling,
    ).toBe(true);
  });

  it('refuses a 200 whose body is not JSON', async () => {
    const error = await apiError({ status: 200, body: 'not json' });
    expect(error).toMatchObject({
      code: 'Http200',
      statusCode: 200,
      message: 'the HTTP 200 answer is not a JSON object',
    });
  });
});

describe('the fetch option', () => {
  it('sends each signed attempt through the given fetch as a standard Request', async () => {
    const seen: Request[] = [];
    const client = createLiveClient({
      endpoint: server.url,
      credentials: uniqueCredentials(),
      fetch: async (request) => {
        seen.push(request.clone());
        return fetch(request);
      },
    });
    const result = await client.describeLivePullToPush(DESCRIBE_PARAMS);
    expect(result.RequestId).toBe('req-ok');
    expect(seen).toHaveLength(1);
    expect(seen[0]?.url).toBe(`${server.url}/?Region=cn-shanghai&TaskId=${DESCRIBE_PARAMS.TaskId}`);
    expect(seen[0]?.headers.get('x-acs-action')).toBe('DescribeLivePullToPush');
    expect(server.requests[0]?.headers['host']).toBe(new URL(server.url).host);
  });

  it('retries through it and maps its answers to the same errors', async () => {
    let calls = 0;
    const client = createLiveClient({
      endpoint: server.url,
      credentials: uniqueCredentials(),
      retry: { baseDelayMs: 1 },
      fetch: async () => {
        calls += 1;
        return new Response(JSON.stringify({ Code: 'InternalError', Message: 'boom', RequestId: `f${calls}` }), {
          status: 500,
        });
      },
    });
    const error = await client.describeLivePullToPush(DESCRIBE_PARAMS).catch((e: unknown) => e);
    expect(error).toMatchObject({ name: 'LiveApiError', code: 'InternalError', requestId: 'f3', attempts: 3 });
  });
});
