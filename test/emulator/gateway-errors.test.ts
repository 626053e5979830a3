import { describe, expect, it } from 'vitest';
import { operations } from '../../generated/operations.js';
import { startEmulator } from '../../src/emulator/server.js';
import { canonicalQuery } from '../../src/wire/canonical-query.js';
import { signV1 } from '../../src/wire/sign-v1.js';
import { emulatorPerFile } from './emulator-per-file.js';
import { createParams, expectError, expectOk, REGION } from './fixtures.js';
import { type SignedCall, sendBytes, sendRaw, sendSigned } from './signed-request.js';

const STS = { accessKeyId: 'STS.emulatorTestKey', accessKeySecret: 'sts-secret', securityToken: 'token-123' };
const OTHER = { accessKeyId: 'LTAIotherTestKey', accessKeySecret: 'other-secret' };

const internalErrors: unknown[] = [];
const emulator = emulatorPerFile({
  credentials: [STS, OTHER],
  onInternalError: (error) => internalErrors.push(error),
});

function call(overrides: Partial<SignedCall> = {}) {
  return sendSigned(emulator().url, {
    action: 'DescribeLivePullToPushList',
    params: { Region: REGION },
    credentials: emulator().credentials,
    ...overrides,
  });
}

/** A List signed with V1 as the official core signs it, for a test to break one parameter of. */
function signedV1List(): Record<string, string> {
  return signV1({
    method: 'GET',
    action: 'DescribeLivePullToPushList',
    version: '2016-11-01',
    params: { Region: REGION },
    credentials: emulator().credentials,
  });
}

describe('signatures', () => {
  for (const signature of ['v3', 'v1'] as const) {
    it(`accepts a ${signature} request signed with the configured key`, async () => {
      expectOk(await call({ signature }));
    });

    it(`refuses an unknown AccessKeyId (${signature})`, async () => {
      const res = await call({ signature, credentials: { accessKeyId: 'LTAInobody', accessKeySecret: 'x' } });
      expectError(res, 'InvalidAccessKeyId.NotFound');
      expect(res.body.Message).toContain('LTAInobody');
    });

    it(`refuses a wrong secret (${signature})`, async () => {
      expectError(
        await call({ signature, credentials: { ...emulator().credentials, accessKeySecret: 'wrong' } }),
        'SignatureDoesNotMatch',
      );
    });

    it(`refuses a parameter changed after signing (${signature})`, async () => {
      const res = await call({
        signature,
        params: { Region: REGION, PageSize: '10' },
        tamper: (request) => {
          request.path = request.path.replace('PageSize=10', 'PageSize=11');
        },
      });
      expectError(res, 'SignatureDoesNotMatch');
    });

    for (const minutes of [-16, 16]) {
      it(`refuses a signing time ${minutes} minutes from real time (${signature})`, async () => {
        const res = await call({ signature, date: new Date(Date.now() + minutes * 60_000) });
        expectError(res, 'InvalidTimeStamp.Expired');
      });
    }

    it(`accepts a signing time 14 minutes off (${signature})`, async () => {
      expectOk(await call({ signature, date: new Date(Date.now() - 14 * 60_000) }));
      expectOk(await call({ signature, date: new Date(Date.now() + 14 * 60_000) }));
    });

    it(`refuses a reused nonce for the same key but not for another key (${signature})`, async () => {
      const nonce = `nonce-${signature}-${Math.random()}`;
      expectOk(await call({ signature, nonce }));
      expectError(await call({ signature, nonce, params: { Region: REGION, PageSize: '5' } }), 'SignatureNonceUsed');
      expectOk(await call({ signature, nonce, credentials: OTHER }));
    });

    it(`accepts STS credentials with their token and refuses them without it (${signature})`, async () => {
      expectOk(await call({ signature, credentials: STS }));
      const { securityToken: _token, ...withoutToken } = STS;
      expectError(await call({ signature, credentials: withoutToken }), 'InvalidAccessKeyId.NotFound');
      expectError(
        await call({ signature, credentials: { ...STS, securityToken: 'another' } }),
        'InvalidAccessKeyId.NotFound',
      );
    });
  }

  it('refuses a malformed V1 Timestamp', async () => {
    const signed = signedV1List();
    signed['Timestamp'] = '2024-08-23 12:00:00';
    expectError(await sendRaw(emulator().url, { path: `/?${canonicalQuery(signed)}` }), 'InvalidTimeStamp.Format');
  });

  it('refuses a V1 SignatureMethod other than HMAC-SHA1', async () => {
    const res = await call({
      signature: 'v1',
      tamper: (request) => {
        request.path = request.path.replace('SignatureMethod=HMAC-SHA1', 'SignatureMethod=HMAC-SHA256');
      },
    });
    expectError(res, 'InvalidSignatureMethod');
  });

  it('refuses a V3 request with an x-acs-* header left out of SignedHeaders', async () => {
    const res = await call({
      tamper: (request) => {
        request.headers['x-acs-extra'] = 'unsigned';
      },
    });
    expectError(res, 'IncompleteSignature');
  });

  it('refuses a V3 body whose hash does not match x-acs-content-sha256', async () => {
    const res = await call({
      method: 'GET',
      tamper: (request) => {
        request.body = 'PageSize=3';
        request.headers['content-type'] = 'text/plain';
      },
    });
    expectError(res, 'SignatureDoesNotMatch');
  });

  it('accepts a V1 form POST whose signature covers the body (pop-core style)', async () => {
    const res = await call({
      signature: 'v1',
      action: 'CreateLivePullToPush',
      method: 'POST',
      placement: 'form',
      params: createParams(emulator().service.now()),
    });
    expectOk(res);
    expect(res.body.TaskId).toEqual(expect.any(String));
  });

  it('refuses an unsigned request with MissingParameter naming Signature', async () => {
    const res = await sendRaw(emulator().url, {
      path: `/?Action=DescribeLivePullToPushList&Version=2016-11-01&Region=${REGION}`,
    });
    expectError(res, 'MissingParameter');
    expect(res.body.Message).toContain('"Signature"');
  });

  it('refuses a V1 request without Timestamp with MissingParameter naming it', async () => {
    const signed = signedV1List();
    delete signed['Timestamp'];
    const res = await sendRaw(emulator().url, { path: `/?${canonicalQuery(signed)}` });
    expectError(res, 'MissingParameter');
    expect(res.body.Message).toContain('"Timestamp"');
  });

  it('refuses a V3 request without x-acs-date with MissingParameter naming the header', async () => {
    const res = await call({
      tamper: (request) => {
        delete request.headers['x-acs-date'];
      },
    });
    expect(res.body.Code).toMatch(/^(MissingParameter|IncompleteSignature)$/);
    expectError(res, res.body.Code);
    expect(res.body.Message).toContain('x-acs-date');
  });
});

describe('routing', () => {
  it('refuses an unknown action with 404 InvalidAction.NotFound', async () => {
    expectError(await call({ action: 'StartLivePullToPush' }), 'InvalidAction.NotFound');
    expectError(await call({ action: 'toString' }), 'InvalidAction.NotFound');
  });

  it('refuses another API version with InvalidVersion', async () => {
    expectError(await call({ version: '2014-05-26' }), 'InvalidVersion');
  });

  it('takes Action and Version from the V3 headers or the V1 parameters', async () => {
    expectOk(await call({ signature: 'v3' }));
    expectOk(await call({ signature: 'v1' }));
  });

  it('refuses a method the operation does not accept with UnsupportedHTTPMethod', async () => {
    for (const op of Object.values(operations)) {
      if (!op.acceptedMethods.includes('POST')) {
        expectError(
          await call({ action: op.action, method: 'POST', params: { Region: REGION, TaskId: 'x' } }),
          'UnsupportedHTTPMethod',
        );
      }
    }
    expectError(
      await sendRaw(emulator().url, { method: 'PUT', path: '/?Action=DescribeLivePullToPushList' }),
      'UnsupportedHTTPMethod',
    );
    expectError(await sendRaw(emulator().url, { method: 'DELETE', path: '/' }), 'UnsupportedHTTPMethod');
  });

  it('refuses a path other than / with InvalidAction.NotFound', async () => {
    expectError(await sendRaw(emulator().url, { path: '/DescribeLivePullToPushList' }), 'InvalidAction.NotFound');
  });
});

describe('parameters', () => {
  it('gives Missing<Name> for a missing required parameter the spec has a code for', async () => {
    expectError(await call({ action: 'DescribeLivePullToPush', params: { Region: REGION } }), 'MissingTaskId');
    expectError(await call({ action: 'DescribeLivePullToPush', params: { TaskId: 'x' } }), 'MissingRegion');
    const { DstUrl: _dst, ...noDst } = createParams(new Date());
    expectError(await call({ action: 'CreateLivePullToPush', method: 'POST', params: noDst }), 'MissingDstUrl');
  });

  it('gives InvalidParameter naming the parameter and the rule', async () => {
    let res = await call({ params: { Region: 'mars-1' } });
    expectError(res, 'InvalidParameter');
    expect(res.body.Message).toContain('Region');
    expect(res.body.Message).toContain('cn-shanghai');

    res = await call({ params: { Region: REGION, PageSize: 'ten' } });
    expectError(res, 'InvalidParameter');
    expect(res.body.Message).toMatch(/PageSize.*integer/);

    res = await call({ params: { Region: REGION, PageSize: '1000' } });
    expectError(res, 'InvalidParameter');
    expect(res.body.Message).toMatch(/PageSize must be at most 100/);
  });

  it('refuses SourceUrls that is not a JSON array, naming the accepted forms', async () => {
    const res = await call({
      action: 'CreateLivePullToPush',
      method: 'POST',
      params: createParams(new Date(), { SourceUrls: '[not json' }),
    });
    expectError(res, 'InvalidParameter');
    expect(res.body.Message).toContain('SourceUrls');
    expect(res.body.Message).toContain('JSON array');
  });

  it('accepts SourceUrls flattened as SourceUrls.1, SourceUrls.2', async () => {
    const { SourceUrls: _urls, ...rest } = createParams(new Date());
    const params = { ...rest, 'SourceUrls.1': 'media-a', 'SourceUrls.2': 'media-b' };
    const created = await call({ action: 'CreateLivePullToPush', method: 'POST', params });
    expectOk(created);
    const described = await call({
      action: 'DescribeLivePullToPush',
      params: { Region: REGION, TaskId: created.body.TaskId },
    });
    expectOk(described);
    expect(described.body.TaskInfo.SourceUrls).toEqual(['media-a', 'media-b']);
  });

  it('ignores parameters the operation does not define', async () => {
    expectOk(await call({ params: { Region: REGION, OwnerId: '123', Unknown: 'x', RegionId: 'cn-hangzhou' } }));
  });

  it('refuses a parameter given twice', async () => {
    const res = await sendRaw(emulator().url, { path: `/?Region=${REGION}&Region=cn-beijing` });
    expectError(res, 'InvalidParameter');
    expect(res.body.Message).toContain('more than once');
  });

  it('refuses malformed percent-encoding', async () => {
    const res = await sendRaw(emulator().url, { path: '/?Region=%E4%ZZ' });
    expectError(res, 'InvalidParameter');
    expect(res.body.Message).toContain('Region');
  });

  it('refuses a body over 1 MiB, still answering on the same connection', async () => {
    const res = await sendRaw(emulator().url, {
      method: 'POST',
      path: '/',
      headers: { 'content-type': 'application/x-www-form-urlencoded' },
      body: Buffer.alloc(1024 * 1024 + 1, 'a'),
    });
    expectError(res, 'InvalidParameter');
    expect(res.body.Message).toContain('1048576');
    expect(res.headers.connection).toBe('keep-alive');
  });

  it('answers oversized headers and malformed HTTP with a JSON error', async () => {
    const huge = await sendBytes(emulator().url, `GET /?x=${'a'.repeat(200 * 1024)} HTTP/1.1\r\nHost: a\r\n\r\n`);
    expect(huge.status).toBe(400);
    expect(huge.body.Code).toBe('InvalidParameter');
    const garbage = await sendBytes(emulator().url, 'BREW / HTCPCP/1.0\r\n\r\n');
    expect(garbage.status).toBe(400);
    expect(garbage.body.Code).toBe('InvalidParameter');
  });
});

describe('service errors', () => {
  it('maps a ServiceError to its code and the spec status', async () => {
    const res = await call({ action: 'DescribeLivePullToPush', params: { Region: REGION, TaskId: 'no-such-task' } });
    expectError(res, 'CodeTaskNotExist');
  });

  it('answers an unexpected exception with 500 InternalError and keeps serving', async () => {
    const broken = await startEmulator({
      service: {
        ...emulator().service,
        handle: () => {
          throw new TypeError('boom');
        },
      },
      onInternalError: (error) => internalErrors.push(error),
    });
    try {
      const res = await sendSigned(broken.url, {
        action: 'DescribeLivePullToPushList',
        params: { Region: REGION },
        credentials: broken.credentials,
      });
      expectError(res, 'InternalError');
      expect(internalErrors.at(-1)).toBeInstanceOf(TypeError);
      expectOk(await sendRaw(broken.url, { path: '/_emulator/clock' }));
    } finally {
      await broken.close();
    }
  });
});
