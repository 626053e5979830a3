import { describe, expect, it } from 'vitest';
import { detectSignatureVersion } from './detect-signature-version.js';
import { verifyRequest } from './verify-request.js';

describe('detectSignatureVersion', () => {
  it.each([
    [{ headers: { authorization: 'ACS3-HMAC-SHA256 Credential=a' }, query: {} }, 'v3'],
    [{ headers: { authorization: 'ACS3-HMAC-SM3 Credential=a' }, query: { Signature: 'x' } }, 'v3'],
    [{ headers: {}, query: { Signature: 'x' } }, 'v1'],
    [{ headers: {}, query: {}, form: { Signature: 'x' } }, 'v1'],
    [{ headers: { authorization: 'Bearer x' }, query: {} }, undefined],
    [{ headers: {}, query: { SignatureMethod: 'HMAC-SHA1' } }, undefined],
  ] as const)('%j -> %s', (request, expected) => {
    expect(detectSignatureVersion(request)).toBe(expected);
  });
});

describe('verifyRequest', () => {
  it('refuses an unsigned request with MissingSignature', () => {
    const result = verifyRequest(
      { method: 'GET', query: { Action: 'X' }, headers: {} },
      { lookupSecret: () => 's', now: new Date() },
    );
    expect(result).toMatchObject({ ok: false, code: 'MissingSignature' });
  });
});
