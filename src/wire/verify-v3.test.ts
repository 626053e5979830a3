import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import type { Credentials } from './credentials.js';
import { signV3 } from './sign-v3.js';
import type { ReceivedRequest, VerifyOptions } from './verify-result.js';
import { verifyV3 } from './verify-v3.js';

const NOW = new Date('2024-08-23T12:00:00Z');
const AK: Credentials = { accessKeyId: 'testid', accessKeySecret: 'testsecret' };

const QUERY = {
  TaskId: 'fd245384-4067-4f91-9d75-9666a6bc0000',
  TaskName: "测试 task (1)*!'~",
  CallbackUrl: 'https://cb.example.com/notify?a=1&b=2+3 4/5',
  SourceUrls: '["rtmp://example.com/app/stream?x=1&y=2"]',
};

function options(secret = AK.accessKeySecret, now = NOW): VerifyOptions {
  return { lookupSecret: (id) => (id === AK.accessKeyId ? secret : undefined), now };
}

function signed(
  overrides: Partial<Parameters<typeof signV3>[0]> = {},
): ReceivedRequest & { headers: Record<string, string> } {
  const request = {
    method: 'GET',
    host: 'live.aliyuncs.com',
    action: 'UpdateLivePullToPush',
    version: '2016-11-01',
    query: QUERY,
    credentials: AK,
    date: NOW,
    nonce: '0123456789abcdef0123456789abcdef',
    ...overrides,
  };
  const body = request.body === undefined ? undefined : Buffer.from(request.body);
  return {
    method: request.method,
    query: request.query ?? {},
    headers: signV3(request),
    ...(body ? { rawBody: body } : {}),
  };
}

/** Replaces one character with a different alphanumeric one. */
function mutate(s: string, index: number, replacement: string): string {
  const i = index % s.length;
  const c = s[i] === replacement ? (replacement === 'a' ? 'b' : 'a') : replacement;
  return s.slice(0, i) + c + s.slice(i + 1);
}

const alnum = fc.constantFrom(...'abcXYZ019');

describe('verifyV3', () => {
  it('accepts what signV3 signs and reports who signed what', () => {
    expect(verifyV3(signed(), options())).toEqual({
      ok: true,
      signatureVersion: 'v3',
      accessKeyId: 'testid',
      nonce: '0123456789abcdef0123456789abcdef',
      signedAt: NOW,
      action: 'UpdateLivePullToPush',
      version: '2016-11-01',
      params: QUERY,
    });
  });

  it('returns the STS token and checks the extra STS headers are signed', () => {
    const request = signed({ credentials: { ...AK, securityToken: 'sts-token' } });
    expect(request.headers['x-acs-accesskey-id']).toBe('testid');
    expect(request.headers['authorization']).toContain('x-acs-security-token');
    expect(verifyV3(request, options())).toMatchObject({ ok: true, securityToken: 'sts-token' });
  });

  it('verifies a form body through x-acs-content-sha256 and returns the form fields', () => {
    const body = 'TaskName=%E6%B5%8B%E8%AF%95&Offset=2';
    const request = signed({
      method: 'POST',
      query: {},
      body,
      headers: { 'content-type': 'application/x-www-form-urlencoded' },
    });
    expect(request.headers['authorization']).toContain('SignedHeaders=content-type;host;');
    const result = verifyV3({ ...request, form: { TaskName: '测试', Offset: '2' } }, options());
    expect(result).toMatchObject({ ok: true, params: { TaskName: '测试', Offset: '2' } });
    expect(verifyV3({ ...request, rawBody: Buffer.from(`${body}x`) }, options())).toMatchObject({
      ok: false,
      code: 'SignatureDoesNotMatch',
      message: expect.stringContaining('x-acs-content-sha256'),
    });
  });

  it('signs over exactly the listed headers, e.g. the retry headers openapi-core adds', () => {
    const request = signed({
      headers: { 'x-acs-retry-attempts': '1', 'x-acs-retry-delay': '2000', 'X-Acs-Credentials-Provider': 'static_ak' },
    });
    expect(request.headers['authorization']).toContain(
      'SignedHeaders=host;x-acs-action;x-acs-content-sha256;x-acs-credentials-provider;x-acs-date;x-acs-retry-attempts;x-acs-retry-delay;x-acs-signature-nonce;x-acs-version,',
    );
    expect(verifyV3({ ...request, headers: { ...request.headers, 'user-agent': 'anything' } }, options()).ok).toBe(
      true,
    );
  });

  it('refuses an x-acs-* header that is sent but not signed', () => {
    const request = signed();
    expect(verifyV3({ ...request, headers: { ...request.headers, 'x-acs-extra': '1' } }, options())).toMatchObject({
      ok: false,
      code: 'IncompleteSignature',
      message: expect.stringContaining('x-acs-extra'),
    });
  });

  it('refuses a listed header that is not sent', () => {
    const { 'x-acs-credentials-provider': _, ...headers } = signed({
      headers: { 'x-acs-credentials-provider': 'p' },
    }).headers;
    expect(verifyV3({ ...signed(), headers }, options())).toMatchObject({ ok: false, code: 'IncompleteSignature' });
  });

  it.each(['host', 'x-acs-action', 'x-acs-version', 'x-acs-date', 'x-acs-signature-nonce', 'x-acs-content-sha256'])(
    'requires %s',
    (name) => {
      const request = signed();
      const { [name]: _, ...headers } = request.headers;
      expect(verifyV3({ ...request, headers }, options())).toMatchObject({
        ok: false,
        code: 'MissingParameter',
        param: name,
        message: expect.stringContaining(name),
      });
    },
  );

  it('refuses a malformed Authorization header with IncompleteSignature', () => {
    const request = signed();
    const authorization = request.headers['authorization']!.replace(',Signature=', ', Signature=');
    expect(verifyV3({ ...request, headers: { ...request.headers, authorization } }, options())).toMatchObject({
      ok: false,
      code: 'IncompleteSignature',
    });
  });

  it('refuses other ACS3 algorithms with InvalidSignatureMethod', () => {
    const request = signed();
    const authorization = request.headers['authorization']!.replace('ACS3-HMAC-SHA256', 'ACS3-HMAC-SM3');
    expect(verifyV3({ ...request, headers: { ...request.headers, authorization } }, options())).toMatchObject({
      ok: false,
      code: 'InvalidSignatureMethod',
    });
  });

  it('refuses an unknown AccessKeyId', () => {
    expect(verifyV3(signed({ credentials: { accessKeyId: 'other', accessKeySecret: 'x' } }), options())).toMatchObject({
      ok: false,
      code: 'InvalidAccessKeyId.NotFound',
    });
  });

  it('refuses a malformed x-acs-date', () => {
    const request = signed();
    expect(
      verifyV3({ ...request, headers: { ...request.headers, 'x-acs-date': '2024-08-23T12:00:00.000Z' } }, options()),
    ).toMatchObject({
      ok: false,
      code: 'InvalidTimeStamp.Format',
    });
  });

  it.each([
    ['15 min behind', -15 * 60_000, true],
    ['15 min ahead', 15 * 60_000, true],
    ['15 min 1 s behind', -(15 * 60_000 + 1000), false],
    ['15 min 1 s ahead', 15 * 60_000 + 1000, false],
  ])('x-acs-date %s of the server clock', (_, offsetMs, ok) => {
    const result = verifyV3(signed({ date: new Date(NOW.getTime() + offsetMs) }), options());
    expect(result.ok ? 'ok' : result.code).toBe(ok ? 'ok' : 'InvalidTimeStamp.Expired');
  });

  it('honours maxSkewMs', () => {
    const request = signed({ date: new Date(NOW.getTime() - 120_000) });
    expect(verifyV3(request, { ...options(), maxSkewMs: 60_000 })).toMatchObject({
      ok: false,
      code: 'InvalidTimeStamp.Expired',
    });
  });

  describe('properties', () => {
    const text = fc.string({ unit: 'grapheme', minLength: 1, maxLength: 20 });
    const params = fc.dictionary(
      fc.stringMatching(/^[A-Za-z][A-Za-z0-9.]{0,10}$/),
      fc.string({ unit: 'grapheme', maxLength: 30 }),
      { maxKeys: 6 },
    );
    const token = fc.stringMatching(/^[A-Za-z0-9]{1,24}$/);
    const credentials = fc.record({
      accessKeyId: token,
      accessKeySecret: token,
      securityToken: fc.option(token, { nil: undefined }),
    });
    const input = fc.record({
      method: fc.constantFrom('GET', 'POST'),
      query: params,
      credentials,
      body: fc.option(text, { nil: undefined }),
      nonce: token,
    });

    function optionsFor(c: Credentials, secret = c.accessKeySecret): VerifyOptions {
      return { lookupSecret: (id) => (id === c.accessKeyId ? secret : undefined), now: NOW };
    }

    it('verify(sign(x)) is ok', () => {
      fc.assert(
        fc.property(input, (x) => {
          const result = verifyV3(signed(x), optionsFor(x.credentials));
          expect(result).toMatchObject({
            ok: true,
            accessKeyId: x.credentials.accessKeyId,
            nonce: x.nonce,
            params: x.query,
          });
        }),
      );
    });

    it('a one-character change in a query value, signed header, body or secret gives SignatureDoesNotMatch', () => {
      const target = fc.constantFrom(
        'query',
        'host',
        'x-acs-action',
        'x-acs-version',
        'x-acs-signature-nonce',
        'body',
        'secret',
      );
      fc.assert(
        fc.property(input, target, fc.nat(), alnum, (x, what, index, replacement) => {
          const request = signed({ ...x, query: { ...x.query, Probe: 'probe-value' }, body: x.body ?? 'a=b' });
          let secret = x.credentials.accessKeySecret;
          let received: ReceivedRequest = request;
          if (what === 'query') {
            const name = Object.keys(request.query)[index % Object.keys(request.query).length]!;
            const value = request.query[name]!;
            received = {
              ...request,
              query: { ...request.query, [name]: value === '' ? replacement : mutate(value, index, replacement) },
            };
          } else if (what === 'body') {
            const body = Buffer.from(request.rawBody!).toString('latin1');
            received = { ...request, rawBody: Buffer.from(mutate(body, index, replacement), 'latin1') };
          } else if (what === 'secret') {
            secret = mutate(secret, index, replacement);
          } else {
            received = {
              ...request,
              headers: { ...request.headers, [what]: mutate(request.headers[what]!, index, replacement) },
            };
          }
          expect(verifyV3(received, optionsFor(x.credentials, secret))).toMatchObject({
            ok: false,
            code: 'SignatureDoesNotMatch',
          });
        }),
      );
    });
  });
});
