import fc from 'fast-check';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { signV1, signV3 } from '../../src/wire/index.js';
import {
  callOnce,
  officialAuthorizationCore,
  officialAuthorizationUtil,
  openapiCore,
  openapiUtil,
} from '../support/official-sdk.js';
import { type RecordingServer, startRecordingServer, toReceivedRequest } from '../support/recording-server.js';

/**
 * Direction 1: what we sign, the official signing code signs identically. For V3 the official
 * `getAuthorization` (openapi-core and openapi-util) is run over the exact canonical inputs we
 * send; for V1 their `getRPCSignature`, and pop-core's in-request signer fed the same Timestamp
 * and SignatureNonce.
 */

// The official V3 signers do not percent-encode names (ours do, as published), so names stay in
// the characters where both agree. Values are any well-formed text.
const name = fc.stringMatching(/^[A-Za-z][A-Za-z0-9._-]{0,15}$/);
const value = fc.oneof(
  fc.string({ unit: 'grapheme', maxLength: 40 }),
  fc.constantFrom(
    "测试 task (1)*!'~",
    'a&b=c+d/e',
    'https://cb.example.com/n?a=1&b=2+3 4/5',
    '["rtmp://a/b?x=1&y=2"]',
    '',
  ),
);
const params = fc.dictionary(name, value, { maxKeys: 8 });
const token = fc.stringMatching(/^[A-Za-z0-9+/=._-]{1,40}$/);
const credentials = fc.record(
  { accessKeyId: fc.stringMatching(/^[A-Za-z0-9.]{1,30}$/), accessKeySecret: token, securityToken: token },
  { requiredKeys: ['accessKeyId', 'accessKeySecret'] },
);
const date = fc.date({
  min: new Date('2000-01-01T00:00:00Z'),
  max: new Date('2099-12-31T23:59:59Z'),
  noInvalidDate: true,
});
/** What both schemes sign over: the method, the parameters, the credentials and the signing time. */
const call = fc.record({ method: fc.constantFrom('GET', 'POST'), params, credentials, date });

describe('V3: our Authorization equals the official getAuthorization over the same request', () => {
  it('for random parameters, credentials, bodies and extra headers', () => {
    fc.assert(
      fc.property(
        call,
        fc.option(fc.string({ unit: 'grapheme', maxLength: 60 }), { nil: undefined }),
        fc.option(fc.constantFrom('static_ak', 'sts', 'live-relay'), { nil: undefined }),
        ({ method, params: query, credentials: creds, date: when }, body, provider) => {
          const extra: Record<string, string> = {};
          if (body !== undefined) extra['content-type'] = 'application/x-www-form-urlencoded';
          if (provider !== undefined) extra['x-acs-credentials-provider'] = provider;
          const headers = signV3({
            method,
            host: 'live.aliyuncs.com',
            action: 'UpdateLivePullToPush',
            version: '2016-11-01',
            query,
            headers: extra,
            body,
            credentials: creds,
            date: when,
          });
          const { authorization, ...sent } = headers;
          const input = {
            method,
            query,
            headers: sent,
            payloadHash: sent['x-acs-content-sha256']!,
            accessKeyId: creds.accessKeyId,
            accessKeySecret: creds.accessKeySecret,
          };
          expect(officialAuthorizationCore(input)).toBe(authorization);
          expect(officialAuthorizationUtil(input)).toBe(authorization);
        },
      ),
    );
  });

  it('including the retry headers openapi-core adds', () => {
    const headers = signV3({
      method: 'GET',
      host: '127.0.0.1:18080',
      action: 'DescribeLivePullToPush',
      version: '2016-11-01',
      query: { TaskId: 'x' },
      headers: { 'x-acs-retry-attempts': '1', 'x-acs-retry-delay': '2000' },
      credentials: { accessKeyId: 'ak', accessKeySecret: 'sk', securityToken: 'tok' },
    });
    const { authorization, ...sent } = headers;
    expect(authorization).toContain('x-acs-retry-attempts;x-acs-retry-delay;x-acs-security-token;');
    expect(
      officialAuthorizationCore({
        method: 'GET',
        query: { TaskId: 'x' },
        headers: sent,
        payloadHash: sent['x-acs-content-sha256']!,
        accessKeyId: 'ak',
        accessKeySecret: 'sk',
      }),
    ).toBe(authorization);
  });
});

describe('V1: our Signature equals the official getRPCSignature over the same parameters', () => {
  it('for random parameters, credentials and methods', () => {
    fc.assert(
      fc.property(call, token, ({ method, params: apiParams, credentials: creds, date: when }, nonce) => {
        const { Signature, ...signed } = signV1({
          method,
          action: 'UpdateLivePullToPush',
          version: '2016-11-01',
          params: apiParams,
          credentials: creds,
          date: when,
          nonce,
        });
        expect(openapiCore.OpenApiUtil.getRPCSignature(signed, method, creds.accessKeySecret)).toBe(Signature);
        expect(openapiUtil.default.getRPCSignature(signed, method, creds.accessKeySecret)).toBe(Signature);
      }),
    );
  });
});

describe("V1: pop-core's signer, given our Timestamp and SignatureNonce, computes our Signature", () => {
  let server: RecordingServer;
  beforeAll(async () => {
    server = await startRecordingServer();
  });
  afterAll(async () => {
    await server.close();
  });

  const apiParams = {
    TaskId: 'fd245384-4067-4f91-9d75-9666a6bc0000',
    TaskName: "测试 task (1)*!'~ a&b=c+d/e",
    CallbackUrl: 'https://cb.example.com/notify?a=1&b=2+3 4/5',
    SourceUrls: JSON.stringify(['rtmp://a.example.com/app/s1?k=v&x=测试']),
  };

  it.each([
    ['GET', 'popcore-get', undefined],
    ['POST', 'popcore-post', undefined],
    ['GET', 'popcore-get', 'CAIS+sts/token=='],
  ] as const)('%s (%s, STS token %s)', async (method, path, securityToken) => {
    const creds = { accessKeyId: 'ak-pop', accessKeySecret: 'pop/secret', securityToken };
    const ours = signV1({
      method,
      action: 'UpdateLivePullToPush',
      version: '2016-11-01',
      params: apiParams,
      credentials: creds,
      date: new Date('2024-08-23T12:00:00Z'),
      nonce: 'pop-core-nonce-1',
    });
    // pop-core lets caller parameters override its own Timestamp and SignatureNonce.
    await callOnce(
      path,
      server.host,
      {
        accessKeyId: creds.accessKeyId,
        accessKeySecret: creds.accessKeySecret,
        ...(securityToken ? { securityToken } : {}),
      },
      'UpdateLivePullToPush',
      { ...apiParams, Timestamp: ours['Timestamp']!, SignatureNonce: ours['SignatureNonce']! },
    );
    const received = toReceivedRequest(server.requests.at(-1)!);
    const theirs = { ...received.query, ...received.form };
    expect(theirs).toEqual(ours);
  });
});
