import { inspect } from 'node:util';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { type AttemptEvent, createLiveClient } from '../../src/index.js';
import { closedPort, type RecordingServer, startRecordingServer } from '../support/recording-server.js';
import { createParams, DESCRIBE_PARAMS, SECRET, STS_TOKEN, uniqueCredentials } from './fixtures.js';

let server: RecordingServer;
beforeEach(async () => {
  server = await startRecordingServer();
});
afterEach(() => server.close());

describe('logger', () => {
  it('sees every attempt: action, attempt number, HTTP status, RequestId, duration, error code, retry delay', async () => {
    server.script((_, i) =>
      i === 0
        ? { status: 503, body: { Code: 'ServiceUnavailable', Message: 'busy', RequestId: 'req-503' } }
        : { body: { RequestId: 'req-200', RetCode: 0, Description: 'OK' } },
    );
    const events: AttemptEvent[] = [];
    const client = createLiveClient({
      endpoint: server.url,
      credentials: uniqueCredentials(),
      retry: { baseDelayMs: 2 },
      logger: (e) => events.push(e),
    });
    await client.describeLivePullToPush(DESCRIBE_PARAMS);

    expect(events).toEqual([
      {
        action: 'DescribeLivePullToPush',
        attempt: 1,
        statusCode: 503,
        requestId: 'req-503',
        durationMs: expect.any(Number),
        errorCode: 'ServiceUnavailable',
        retryDelayMs: expect.any(Number),
      },
      {
        action: 'DescribeLivePullToPush',
        attempt: 2,
        statusCode: 200,
        requestId: 'req-200',
        durationMs: expect.any(Number),
        errorCode: undefined,
        retryDelayMs: undefined,
      },
    ]);
    for (const event of events) expect(event.durationMs).toBeGreaterThanOrEqual(0);
  });

  it('reports a connection failure with Node’s error code and no status', async () => {
    const events: AttemptEvent[] = [];
    const client = createLiveClient({
      endpoint: `http://127.0.0.1:${await closedPort()}`,
      credentials: uniqueCredentials(),
      retry: { maxAttempts: 1 },
      logger: (e) => events.push(e),
    });
    await client.describeLivePullToPush(DESCRIBE_PARAMS).catch(() => undefined);
    expect(events).toEqual([
      expect.objectContaining({
        attempt: 1,
        statusCode: undefined,
        errorCode: 'ECONNREFUSED',
        retryDelayMs: undefined,
      }),
    ]);
  });
});

describe('secrets never leak', () => {
  /** Every way a user might print what the client gave them. */
  function renderings(value: unknown): string {
    return [
      JSON.stringify(value),
      inspect(value, { depth: 10, showHidden: true }),
      String(value),
      (value as Error)?.stack ?? '',
    ].join('\n');
  }

  const failures: Array<[string, (s: RecordingServer) => void]> = [
    [
      'an API error',
      (s) =>
        s.script(() => ({ status: 400, body: { Code: 'SignatureDoesNotMatch', Message: 'no match', RequestId: 'r' } })),
    ],
    ['a server error', (s) => s.script(() => ({ status: 500, body: 'Internal Server Error' }))],
    ['a timeout', (s) => s.script(() => 'hang')],
    ['a reset connection', (s) => s.script(() => 'reset')],
  ];

  for (const signatureVersion of ['v3', 'v1'] as const) {
    for (const [what, arrange] of failures) {
      it(`${signatureVersion}: ${what} carries no secret, token, signature or Authorization header`, async () => {
        arrange(server);
        const logged: unknown[] = [];
        const client = createLiveClient({
          endpoint: server.url,
          credentials: uniqueCredentials({ sts: true }),
          signatureVersion,
          timeoutMs: 50,
          retry: { maxAttempts: 2, baseDelayMs: 1 },
          logger: (e) => logged.push(e),
        });
        const error: unknown = await client.createLivePullToPush(createParams()).catch((e: unknown) => e);
        expect(error).toBeInstanceOf(Error);

        const sent = server.requests[0]!;
        const signature =
          signatureVersion === 'v3'
            ? /Signature=([0-9a-f]{64})/.exec(sent.headers['authorization'] ?? '')![1]!
            : sent.query['Signature']!;
        const text = renderings(error) + renderings(logged);
        for (const secret of [
          SECRET,
          STS_TOKEN,
          signature,
          encodeURIComponent(signature),
          'ACS3-HMAC-SHA256',
          'Signature=',
        ]) {
          expect(text).not.toContain(secret);
        }
      });
    }
  }
});
