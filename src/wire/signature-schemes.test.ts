import { describe, expect, it } from 'vitest';
import {
  DEFAULT_SIGNATURE_VERSION,
  detectSignatureScheme,
  isSignatureVersion,
  signatureScheme,
  signatureSchemes,
  signatureVersions,
} from './signature-schemes.js';
import { verifyRequest } from './verify-request.js';

const credentials = { accessKeyId: 'testid', accessKeySecret: 'testsecret' };

/** A signed call as a server receives it: the query decoded, the headers lower-case. */
function received(path: string, headers: Readonly<Record<string, string>>) {
  const url = new URL(path, 'http://127.0.0.1:9000');
  return { method: 'GET', query: Object.fromEntries(url.searchParams), headers: { ...headers } };
}

describe('signature scheme registry', () => {
  it('names each scheme once, the default first', () => {
    expect(signatureVersions).toEqual(['v3', 'v1']);
    expect(new Set(signatureVersions).size).toBe(signatureSchemes.length);
    expect(DEFAULT_SIGNATURE_VERSION).toBe('v3');
    expect(isSignatureVersion('v1')).toBe(true);
    expect(isSignatureVersion('v2')).toBe(false);
  });

  it.each([
    [{ headers: { authorization: 'ACS3-HMAC-SHA256 Credential=a' }, query: {} }, 'v3'],
    [{ headers: { authorization: 'ACS3-HMAC-SM3 Credential=a' }, query: { Signature: 'x' } }, 'v3'],
    [{ headers: {}, query: { Signature: 'x' } }, 'v1'],
    [{ headers: {}, query: {}, form: { Signature: 'x' } }, 'v1'],
    [{ headers: { authorization: 'Bearer x' }, query: {} }, undefined],
    [{ headers: {}, query: { SignatureMethod: 'HMAC-SHA1' } }, undefined],
  ] as const)('detects %j as %s', (request, expected) => {
    expect(detectSignatureScheme(request)?.name).toBe(expected);
  });

  it.each(signatureVersions)(
    '%s: what the scheme signs, the registry detects and verifies as that scheme',
    (version) => {
      const scheme = signatureScheme(version);
      const signed = scheme.sign({
        method: 'GET',
        host: '127.0.0.1:9000',
        action: 'DescribeLivePullToPush',
        version: '2016-11-01',
        params: { Region: 'cn-shanghai', TaskId: 'a b*~' },
        headers: { 'user-agent': 'test' },
        credentials,
      });
      const request = received(signed.path, signed.headers);
      expect(detectSignatureScheme(request)).toBe(scheme);
      const result = verifyRequest(request, { lookupSecret: () => credentials.accessKeySecret, now: new Date() });
      expect(result).toMatchObject({
        ok: true,
        signatureVersion: version,
        action: 'DescribeLivePullToPush',
        params: { Region: 'cn-shanghai', TaskId: 'a b*~' },
      });
      expect(signed.headers['user-agent']).toBe('test');
    },
  );
});

describe('verifyRequest', () => {
  it('refuses an unsigned request with MissingSignature naming Signature and every registered scheme', () => {
    const result = verifyRequest(
      { method: 'GET', query: { Action: 'X' }, headers: {} },
      { lookupSecret: () => 's', now: new Date() },
    );
    expect(result).toMatchObject({ ok: false, code: 'MissingSignature', param: 'Signature' });
    for (const scheme of signatureSchemes) expect(result.ok ? '' : result.message).toContain(scheme.summary);
  });
});
