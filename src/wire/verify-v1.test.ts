import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import type { Credentials } from './credentials.js';
import { signV1 } from './sign-v1.js';
import type { VerifyOptions } from './verify-result.js';
import { verifyV1 } from './verify-v1.js';

const NOW = new Date('2024-08-23T12:00:00Z');
const AK: Credentials = { accessKeyId: 'testid', accessKeySecret: 'testsecret' };
const PARAMS = {
  TaskId: 'fd245384-4067-4f91-9d75-9666a6bc0000',
  TaskName: "测试 task (1)*!'~",
  CallbackUrl: 'https://cb.example.com/notify?a=1&b=2+3 4/5',
  SourceUrls: '["rtmp://example.com/app/stream?x=1&y=2"]',
};

function options(secret = AK.accessKeySecret, now = NOW): VerifyOptions {
  return { lookupSecret: (id) => (id === AK.accessKeyId ? secret : undefined), now };
}

function sign(overrides: Partial<Parameters<typeof signV1>[0]> = {}): Record<string, string> {
  return signV1({
    method: 'GET',
    action: 'UpdateLivePullToPush',
    version: '2016-11-01',
    params: PARAMS,
    credentials: AK,
    date: NOW,
    nonce: 'n-1',
    ...overrides,
  });
}

describe('signV1', () => {
  it('adds the full envelope', () => {
    const { Signature, ...rest } = sign({ credentials: { ...AK, securityToken: 'sts' } });
    expect(rest).toEqual({
      ...PARAMS,
      Action: 'UpdateLivePullToPush',
      Version: '2016-11-01',
      Format: 'JSON',
      Timestamp: '2024-08-23T12:00:00Z',
      SignatureNonce: 'n-1',
      SignatureMethod: 'HMAC-SHA1',
      SignatureVersion: '1.0',
      AccessKeyId: 'testid',
      SecurityToken: 'sts',
    });
    expect(Signature).toMatch(/^[A-Za-z0-9+/]{27}=$/);
  });

  it('defaults the date to now and the nonce to a fresh one', () => {
    const a = signV1({ method: 'GET', action: 'A', version: 'v', credentials: AK });
    const b = signV1({ method: 'GET', action: 'A', version: 'v', credentials: AK });
    expect(a['SignatureNonce']).not.toBe(b['SignatureNonce']);
    expect(Math.abs(Date.parse(a['Timestamp']!) - Date.now())).toBeLessThan(60_000);
  });
});

describe('verifyV1', () => {
  it('accepts what signV1 signs, in the query or the form body', () => {
    const params = sign({ credentials: { ...AK, securityToken: 'sts' } });
    const expected = {
      ok: true,
      signatureVersion: 'v1',
      accessKeyId: 'testid',
      securityToken: 'sts',
      nonce: 'n-1',
      signedAt: NOW,
      action: 'UpdateLivePullToPush',
      version: '2016-11-01',
      format: 'JSON',
      params: PARAMS,
    };
    expect(verifyV1({ method: 'GET', query: params, headers: {} }, options())).toEqual(expected);
    const post = sign({ method: 'POST', credentials: { ...AK, securityToken: 'sts' } });
    expect(verifyV1({ method: 'POST', query: {}, form: post, headers: {} }, options())).toEqual(expected);
  });

  it('signs query and form body together', () => {
    const { TaskName, ...rest } = sign({ method: 'POST' });
    expect(verifyV1({ method: 'POST', query: rest, form: { TaskName: TaskName! }, headers: {} }, options()).ok).toBe(
      true,
    );
  });

  it('depends on the real HTTP method', () => {
    expect(verifyV1({ method: 'POST', query: sign(), headers: {} }, options())).toMatchObject({
      ok: false,
      code: 'SignatureDoesNotMatch',
    });
  });

  it.each([
    'Signature',
    'SignatureMethod',
    'SignatureVersion',
    'SignatureNonce',
    'Timestamp',
    'AccessKeyId',
    'Action',
    'Version',
  ])('requires %s', (name) => {
    const { [name]: _, ...query } = sign();
    expect(verifyV1({ method: 'GET', query, headers: {} }, options())).toMatchObject({
      ok: false,
      code: `Missing${name}`,
      param: name,
    });
  });

  it('refuses other signature methods and versions', () => {
    expect(
      verifyV1({ method: 'GET', query: { ...sign(), SignatureMethod: 'HMAC-SHA256' }, headers: {} }, options()),
    ).toMatchObject({
      ok: false,
      code: 'InvalidSignatureMethod',
    });
    expect(
      verifyV1({ method: 'GET', query: { ...sign(), SignatureVersion: '2.0' }, headers: {} }, options()),
    ).toMatchObject({
      ok: false,
      code: 'InvalidSignatureVersion',
    });
  });

  it('refuses an unknown AccessKeyId', () => {
    expect(
      verifyV1(
        { method: 'GET', query: sign({ credentials: { accessKeyId: 'x', accessKeySecret: 'y' } }), headers: {} },
        options(),
      ),
    ).toMatchObject({
      ok: false,
      code: 'InvalidAccessKeyId.NotFound',
    });
  });

  it('refuses a malformed Timestamp', () => {
    expect(
      verifyV1({ method: 'GET', query: { ...sign(), Timestamp: '2024-08-23 12:00:00' }, headers: {} }, options()),
    ).toMatchObject({
      ok: false,
      code: 'InvalidTimeStamp.Format',
    });
  });

  it.each([
    ['15 min behind', -15 * 60_000, 'ok'],
    ['15 min ahead', 15 * 60_000, 'ok'],
    ['16 min behind', -16 * 60_000, 'InvalidTimeStamp.Expired'],
    ['16 min ahead', 16 * 60_000, 'InvalidTimeStamp.Expired'],
  ])('Timestamp %s of the server clock', (_, offsetMs, expected) => {
    const result = verifyV1(
      { method: 'GET', query: sign({ date: new Date(NOW.getTime() + offsetMs) }), headers: {} },
      options(),
    );
    expect(result.ok ? 'ok' : result.code).toBe(expected);
  });

  describe('properties', () => {
    const token = fc.stringMatching(/^[A-Za-z0-9]{1,24}$/);
    const params = fc.dictionary(
      fc.stringMatching(/^[A-Za-z][A-Za-z0-9.]{0,10}$/),
      fc.string({ unit: 'grapheme', maxLength: 30 }),
      { maxKeys: 6 },
    );
    const credentials = fc.record({
      accessKeyId: token,
      accessKeySecret: token,
      securityToken: fc.option(token, { nil: undefined }),
    });
    const input = fc.record({ method: fc.constantFrom('GET', 'POST'), params, credentials, nonce: token });
    const optionsFor = (c: Credentials, secret = c.accessKeySecret): VerifyOptions => ({
      lookupSecret: (id) => (id === c.accessKeyId ? secret : undefined),
      now: NOW,
    });

    it('verify(sign(x)) is ok', () => {
      fc.assert(
        fc.property(input, (x) => {
          const query = sign(x);
          expect(verifyV1({ method: x.method, query, headers: {} }, optionsFor(x.credentials))).toMatchObject({
            ok: true,
            nonce: x.nonce,
          });
        }),
      );
    });

    it('a one-character change in a parameter value or the secret gives SignatureDoesNotMatch', () => {
      fc.assert(
        fc.property(
          input,
          fc.boolean(),
          fc.nat(),
          fc.constantFrom(...'abcXYZ019'),
          (x, changeSecret, index, replacement) => {
            const query = sign({ ...x, params: { ...x.params, Probe: 'probe-value' } });
            let secret = x.credentials.accessKeySecret;
            const names = Object.keys(x.params).concat('Probe', 'SignatureNonce', 'Action', 'Version', 'Format');
            if (changeSecret) {
              secret = change(secret, index, replacement);
            } else {
              const name = names[index % names.length]!;
              query[name] = query[name] === '' ? replacement : change(query[name]!, index, replacement);
            }
            expect(verifyV1({ method: x.method, query, headers: {} }, optionsFor(x.credentials, secret))).toMatchObject(
              {
                ok: false,
                code: 'SignatureDoesNotMatch',
              },
            );
          },
        ),
      );
    });
  });
});

function change(s: string, index: number, replacement: string): string {
  const i = index % s.length;
  const c = s[i] === replacement ? (replacement === 'a' ? 'b' : 'a') : replacement;
  return s.slice(0, i) + c + s.slice(i + 1);
}
