/**
 * The same call made by our client and by Alibaba's official core (@alicloud/openapi-core 1.0.8,
 * driven exactly as the generated Live SDK drives it) reaches the server in the same shape.
 */
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { OperationName } from '../../generated/operations.js';
import { createLiveClient } from '../../src/index.js';
import { callOnce } from '../support/official-sdk.js';
import {
  type RecordedRequest,
  type RecordingServer,
  startRecordingServer,
  verifyRecorded,
} from '../support/recording-server.js';
import { createParams, DESCRIBE_PARAMS, SECRET } from './fixtures.js';

const ACCESS_KEY_ID = 'interop-ak';
/** Per-signature parameters: fresh on every request by design. */
const PER_REQUEST = new Set(['Timestamp', 'SignatureNonce', 'Signature']);

let server: RecordingServer;
beforeAll(async () => {
  server = await startRecordingServer();
});
afterAll(() => server.close());

/** One call through openapi-core's `callApi`, with the Params and OpenApiRequest the generated Live SDK builds. */
async function officialCall(
  signatureVersion: 'v3' | 'v1',
  action: OperationName,
  params: Record<string, unknown>,
): Promise<RecordedRequest> {
  await callOnce(
    `openapi-core-${signatureVersion}`,
    new URL(server.url).host,
    { accessKeyId: ACCESS_KEY_ID, accessKeySecret: SECRET },
    action,
    params,
  );
  return server.requests.at(-1)!;
}

async function ourCall(
  signatureVersion: 'v3' | 'v1',
  action: 'DescribeLivePullToPush' | 'CreateLivePullToPush',
  params: Record<string, unknown>,
) {
  const client = createLiveClient({
    endpoint: server.url,
    credentials: { accessKeyId: ACCESS_KEY_ID, accessKeySecret: SECRET },
    signatureVersion,
  });
  if (action === 'CreateLivePullToPush') await client.createLivePullToPush(params as ReturnType<typeof createParams>);
  else await client.describeLivePullToPush(params as typeof DESCRIBE_PARAMS);
  return server.requests.at(-1)!;
}

const signedHeaders = (request: RecordedRequest) =>
  /SignedHeaders=([^,]+)/.exec(request.headers['authorization'] ?? '')?.[1]?.split(';');
const stable = (query: Record<string, string>) =>
  Object.fromEntries(Object.entries(query).filter(([name]) => !PER_REQUEST.has(name)));

const calls = [
  ['DescribeLivePullToPush', () => ({ ...DESCRIBE_PARAMS })],
  [
    'CreateLivePullToPush',
    () => ({
      ...createParams(),
      SourceType: 'url',
      SourceUrls: ['https://a.example.com/1.mp4', 'https://b.example.com/2.flv'],
      SourceProtocol: undefined,
      RepeatNumber: -1,
      Offset: 3,
    }),
  ],
] as const;

describe.each(['v3', 'v1'] as const)('%s signature', (signatureVersion) => {
  it.each(calls)(
    '%s: same method, query parameters and signed headers as openapi-core; both verify',
    async (action, makeParams) => {
      const params = Object.fromEntries(Object.entries(makeParams()).filter(([, v]) => v !== undefined));
      const official = await officialCall(signatureVersion, action, params);
      const ours = await ourCall(signatureVersion, action, params);

      expect(ours.method).toBe(official.method);
      expect(ours.pathname).toBe(official.pathname);
      expect(stable(ours.query)).toEqual(stable(official.query));
      expect(Object.keys(ours.query).sort()).toEqual(Object.keys(official.query).sort());
      expect(signedHeaders(ours)).toEqual(signedHeaders(official));
      for (const name of [
        'x-acs-action',
        'x-acs-version',
        'x-acs-content-sha256',
        'x-acs-credentials-provider',
        'host',
      ]) {
        expect(ours.headers[name], name).toBe(official.headers[name]);
      }
      expect(ours.headers['content-length']).toBe(official.headers['content-length']);

      const secrets = { [ACCESS_KEY_ID]: SECRET };
      expect(verifyRecorded(official, secrets)).toMatchObject({ ok: true, signatureVersion });
      expect(verifyRecorded(ours, secrets)).toMatchObject({ ok: true, signatureVersion });
    },
  );
});
