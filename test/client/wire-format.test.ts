import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { createLiveClient } from '../../src/index.js';
import { type RecordingServer, startRecordingServer, verifyRecorded } from '../support/recording-server.js';
import { createParams, DESCRIBE_PARAMS, SECRET, STS_TOKEN, uniqueCredentials } from './fixtures.js';
import { recordAttempts } from './helpers.js';

let server: RecordingServer;
beforeEach(async () => {
  server = await startRecordingServer();
});
afterEach(() => server.close());

const V3_SIGNED =
  'host;x-acs-action;x-acs-content-sha256;x-acs-credentials-provider;x-acs-date;x-acs-signature-nonce;x-acs-version';

function signedHeaders(authorization: string | undefined): string | undefined {
  return /SignedHeaders=([^,]+)/.exec(authorization ?? '')?.[1];
}

describe('V3 (ACS3-HMAC-SHA256)', () => {
  it('sends DescribeLivePullToPush as GET / with the parameters in the query and the action in signed headers', async () => {
    const credentials = uniqueCredentials();
    const client = createLiveClient({ endpoint: server.url, credentials });
    await client.describeLivePullToPush(DESCRIBE_PARAMS);

    const [request] = server.requests;
    expect(request?.method).toBe('GET');
    expect(request?.pathname).toBe('/');
    expect(request?.query).toEqual(DESCRIBE_PARAMS);
    const { headers } = request!;
    expect(headers['host']).toBe(new URL(server.url).host);
    expect(headers['x-acs-action']).toBe('DescribeLivePullToPush');
    expect(headers['x-acs-version']).toBe('2016-11-01');
    expect(headers['x-acs-date']).toMatch(/^\d{4}-\d\d-\d\dT\d\d:\d\d:\d\dZ$/);
    expect(headers['x-acs-signature-nonce']).toMatch(/^[0-9a-f]{32}$/);
    expect(headers['x-acs-content-sha256']).toBe('e3b0c44298fc1c149afbf4c8996fb92427ae41e4649b934ca495991b7852b855');
    expect(headers['authorization']).toMatch(
      new RegExp(
        `^ACS3-HMAC-SHA256 Credential=${credentials.accessKeyId},SignedHeaders=${V3_SIGNED},Signature=[0-9a-f]{64}$`,
      ),
    );
    expect(headers['user-agent']).toMatch(/^live-relay\/\d+\.\d+\.\d+\S* Node\.js\/v\d+/);
    expect(headers['x-acs-security-token']).toBeUndefined();
    expect(verifyRecorded(request!, { [credentials.accessKeyId]: SECRET })).toMatchObject({
      ok: true,
      signatureVersion: 'v3',
      action: 'DescribeLivePullToPush',
      params: DESCRIBE_PARAMS,
    });
  });

  it('sends CreateLivePullToPush as POST with an empty body, every parameter in the query and SourceUrls as one JSON string', async () => {
    const credentials = uniqueCredentials();
    const client = createLiveClient({ endpoint: server.url, credentials });
    const params = createParams();
    await client.createLivePullToPush(params);

    const [request] = server.requests;
    expect(request?.method).toBe('POST');
    expect(request?.pathname).toBe('/');
    expect(request?.headers['content-length']).toBe('0');
    expect(request?.headers['content-type']).toBeUndefined();
    expect(request?.query).toEqual({ ...params, SourceUrls: JSON.stringify(params.SourceUrls) });
    expect(request?.url).not.toContain('SourceUrls.1');
    expect(verifyRecorded(request!, { [credentials.accessKeyId]: SECRET })).toMatchObject({
      ok: true,
      action: 'CreateLivePullToPush',
    });
  });

  it('sends integers as decimal strings', async () => {
    const client = createLiveClient({ endpoint: server.url, credentials: uniqueCredentials() });
    await client.createLivePullToPush({
      ...createParams(),
      SourceType: 'vod',
      SourceUrls: ['a1b2', 'c3d4'],
      RepeatNumber: -1,
      Offset: 2,
    });
    expect(server.requests[0]?.query).toMatchObject({ RepeatNumber: '-1', Offset: '2', SourceUrls: '["a1b2","c3d4"]' });
  });

  it('adds x-acs-accesskey-id and the signed x-acs-security-token with STS credentials', async () => {
    const credentials = uniqueCredentials({ sts: true });
    const client = createLiveClient({ endpoint: server.url, credentials });
    await client.describeLivePullToPush(DESCRIBE_PARAMS);

    const [request] = server.requests;
    expect(request?.headers['x-acs-security-token']).toBe(STS_TOKEN);
    expect(request?.headers['x-acs-credentials-provider']).toBe('static_sts');
    expect(signedHeaders(request?.headers['authorization'])?.split(';')).toContain('x-acs-security-token');
    expect(verifyRecorded(request!, { [credentials.accessKeyId]: SECRET })).toMatchObject({
      ok: true,
      securityToken: STS_TOKEN,
    });
  });

  it('appends the userAgent option', async () => {
    const client = createLiveClient({
      endpoint: server.url,
      credentials: uniqueCredentials(),
      userAgent: 'my-app/2.0',
    });
    await client.describeLivePullToPush(DESCRIBE_PARAMS);
    expect(server.requests[0]?.headers['user-agent']).toMatch(/ Node\.js\/v\S+ my-app\/2\.0$/);
  });
});

describe('V1 (HMAC-SHA1, SignatureVersion 1.0)', () => {
  it('puts the action, version, timestamp, nonce, key and signature in the query of a GET', async () => {
    const credentials = uniqueCredentials();
    const client = createLiveClient({ endpoint: server.url, credentials, signatureVersion: 'v1' });
    await client.describeLivePullToPush(DESCRIBE_PARAMS);

    const [request] = server.requests;
    expect(request?.method).toBe('GET');
    expect(request?.pathname).toBe('/');
    expect(request?.query).toMatchObject({
      ...DESCRIBE_PARAMS,
      Action: 'DescribeLivePullToPush',
      Version: '2016-11-01',
      Format: 'json',
      SignatureMethod: 'HMAC-SHA1',
      SignatureVersion: '1.0',
      AccessKeyId: credentials.accessKeyId,
    });
    expect(request?.query['Timestamp']).toMatch(/^\d{4}-\d\d-\d\dT\d\d:\d\d:\d\dZ$/);
    expect(request?.query['SignatureNonce']).toMatch(/^[0-9a-f]{32}$/);
    expect(request?.query['Signature']).toMatch(/^[A-Za-z0-9+/]{27}=$/);
    expect(request?.headers['authorization']).toBeUndefined();
    expect(verifyRecorded(request!, { [credentials.accessKeyId]: SECRET })).toMatchObject({
      ok: true,
      signatureVersion: 'v1',
    });
  });

  it('signs a POST with its real method and sends SecurityToken with STS', async () => {
    const credentials = uniqueCredentials({ sts: true });
    const client = createLiveClient({ endpoint: server.url, credentials, signatureVersion: 'v1' });
    await client.createLivePullToPush(createParams());

    const [request] = server.requests;
    expect(request?.method).toBe('POST');
    expect(request?.query['SecurityToken']).toBe(STS_TOKEN);
    expect(request?.query['SourceUrls']).toMatch(/^\["rtmp:/);
    expect(verifyRecorded(request!, { [credentials.accessKeyId]: SECRET })).toMatchObject({
      ok: true,
      action: 'CreateLivePullToPush',
    });
  });
});

describe('every attempt is signed anew', () => {
  for (const signatureVersion of ['v3', 'v1'] as const) {
    it(`${signatureVersion}: a retry carries a fresh nonce and its own valid signature, plus x-acs-retry-attempts/-delay`, async () => {
      server.script((_, index) =>
        index < 2 ? { status: 503, body: { Code: 'ServiceUnavailable', Message: 'busy', RequestId: `r${index}` } } : {},
      );
      const credentials = uniqueCredentials();
      const events = recordAttempts();
      const client = createLiveClient({
        endpoint: server.url,
        credentials,
        signatureVersion,
        retry: { baseDelayMs: 5 },
        logger: events.logger,
      });
      await client.describeLivePullToPush(DESCRIBE_PARAMS);

      expect(server.requests).toHaveLength(3);
      const nonces = server.requests.map((r) => r.headers['x-acs-signature-nonce'] ?? r.query['SignatureNonce']);
      expect(new Set(nonces).size).toBe(3);
      for (const request of server.requests) {
        expect(verifyRecorded(request, { [credentials.accessKeyId]: SECRET }).ok).toBe(true);
      }
      expect(server.requests[0]?.headers['x-acs-retry-attempts']).toBeUndefined();
      expect(server.requests[1]?.headers['x-acs-retry-attempts']).toBe('1');
      expect(server.requests[2]?.headers['x-acs-retry-attempts']).toBe('2');
      expect(server.requests[2]?.headers['x-acs-retry-delay']).toBe(String(events.delays[1]));
      if (signatureVersion === 'v3')
        expect(signedHeaders(server.requests[1]?.headers['authorization'])).toContain('x-acs-retry-attempts');
    });
  }
});
