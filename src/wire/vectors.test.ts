import { describe, expect, it } from 'vitest';
import { formatAuthorization, parseAuthorization } from './authorization-header.js';
import { canonicalHeaders } from './canonical-headers.js';
import { canonicalQuery } from './canonical-query.js';
import { canonicalRequestV3 } from './canonical-request-v3.js';
import { sha256Hex } from './content-hash.js';
import { toWireParams } from './rpc-params.js';
import { signatureV1, signV1 } from './sign-v1.js';
import { signatureV3, signV3 } from './sign-v3.js';
import { stringToSignV1 } from './string-to-sign-v1.js';
import { ACS3_HMAC_SHA256, stringToSignV3 } from './string-to-sign-v3.js';
import { jsonStyleVector, LIVE_DERIVED, sha256Vector, v1Vectors, v3Vectors } from './vectors.fixture.js';
import { verifyV1 } from './verify-v1.js';
import { verifyV3 } from './verify-v3.js';

describe('published V1 (HMAC-SHA1) vectors', () => {
  describe.each(v1Vectors)('$name', (v) => {
    it('reproduces the canonical query, string to sign and signature', () => {
      if (v.canonicalQuery !== undefined) expect(canonicalQuery(v.params)).toBe(v.canonicalQuery);
      const stringToSign = stringToSignV1(v.method, v.params);
      if (v.stringToSign !== undefined) expect(stringToSign).toBe(v.stringToSign);
      expect(signatureV1(v.accessKeySecret, stringToSign)).toBe(v.signature);
    });
  });

  // The envelope-less helper vectors (and the old TimeStamp spelling) are not complete requests.
  const requests = v1Vectors.filter((v) => v.params['Timestamp'] !== undefined && v.method !== '');
  it.each(requests)('$name verifies on the server side', (v) => {
    const result = verifyV1(
      { method: v.method, query: { ...v.params, Signature: v.signature }, headers: {} },
      {
        lookupSecret: (id) => (id === v.params['AccessKeyId'] ? v.accessKeySecret : undefined),
        now: new Date(v.params['Timestamp']!),
      },
    );
    expect(result).toMatchObject({ ok: true, nonce: v.params['SignatureNonce'], action: v.params['Action'] });
  });

  it('signV1 builds the 4.1 parameter set from its inputs', () => {
    const signed = signV1({
      method: 'GET',
      action: 'DescribeDedicatedHosts',
      version: '2014-05-26',
      params: { RegionId: 'cn-beijing' },
      credentials: { accessKeyId: 'testid', accessKeySecret: 'testsecret' },
      date: new Date('2023-03-13T08:34:30Z'),
      nonce: 'edb2b34af0af9a6d14deaf7c1a5315eb',
    });
    const { Signature, ...unsigned } = signed;
    expect(unsigned).toEqual(v1Vectors[0]!.params);
    expect(Signature).toBe('9NaGiOspFP5UPcwX8Iwt2YJXXuk=');
    // The doc's final URL, with the parameters in canonical order and Signature encoded.
    expect(canonicalQuery(signed)).toContain('Signature=9NaGiOspFP5UPcwX8Iwt2YJXXuk%3D&');
  });

  it('signV1 builds the 4.5 UpdateLivePullToPush parameter set', () => {
    const signed = signV1({
      method: 'GET',
      action: LIVE_DERIVED.action,
      version: LIVE_DERIVED.version,
      params: LIVE_DERIVED.params,
      credentials: { accessKeyId: LIVE_DERIVED.accessKeyId, accessKeySecret: LIVE_DERIVED.accessKeySecret },
      date: new Date(LIVE_DERIVED.date),
      nonce: LIVE_DERIVED.nonce,
    });
    expect(signed['Signature']).toBe('cYnDUa9h9xiHdOG7w9k3vtFcDm8=');
  });
});

describe('published V3 (ACS3-HMAC-SHA256) vectors', () => {
  describe.each(v3Vectors)('$name', (v) => {
    it('reproduces every intermediate string, the signature and the Authorization header', () => {
      const query = canonicalQuery(v.query);
      if (v.canonicalQuery !== undefined) expect(query).toBe(v.canonicalQuery);
      const headers = canonicalHeaders(v.headers);
      if (v.canonicalHeaders !== undefined) expect(headers.canonicalHeaders).toBe(v.canonicalHeaders);
      expect(headers.signedHeaders).toBe(v.signedHeaders);
      const request = canonicalRequestV3({
        method: v.method,
        pathname: v.pathname,
        canonicalQuery: query,
        canonicalHeaders: headers.canonicalHeaders,
        signedHeaders: headers.signedHeaders,
        payloadHash: v.payloadHash,
      });
      if (v.canonicalRequest !== undefined) expect(request).toBe(v.canonicalRequest);
      if (v.hashedCanonicalRequest !== undefined) expect(sha256Hex(request)).toBe(v.hashedCanonicalRequest);
      const stringToSign = stringToSignV3(request);
      expect(stringToSign).toBe(`${ACS3_HMAC_SHA256}\n${sha256Hex(request)}`);
      const signature = signatureV3(v.accessKeySecret, stringToSign);
      expect(signature).toBe(v.signature);
      const authorization = formatAuthorization({
        algorithm: ACS3_HMAC_SHA256,
        accessKeyId: v.accessKeyId,
        signedHeaders: headers.signedHeaders.split(';'),
        signature,
      });
      if (v.authorization !== undefined) {
        expect(authorization).toBe(v.authorization);
        expect(parseAuthorization(v.authorization)).toEqual({
          ok: true,
          value: {
            algorithm: ACS3_HMAC_SHA256,
            accessKeyId: v.accessKeyId,
            signedHeaders: v.signedHeaders.split(';'),
            signature: v.signature,
          },
        });
      }
    });
  });

  // The Python helper vector signs only x-acs-test: not a complete request.
  const requests = v3Vectors.filter((v) => v.headers['x-acs-date'] !== undefined);
  it.each(requests)('$name verifies on the server side', (v) => {
    const authorization = `ACS3-HMAC-SHA256 Credential=${v.accessKeyId},SignedHeaders=${v.signedHeaders},Signature=${v.signature}`;
    const result = verifyV3(
      { method: v.method, query: v.query, headers: { ...v.headers, authorization } },
      {
        lookupSecret: (id) => (id === v.accessKeyId ? v.accessKeySecret : undefined),
        now: new Date(v.headers['x-acs-date']!),
      },
    );
    expect(result).toMatchObject({ ok: true, accessKeyId: v.accessKeyId, nonce: v.headers['x-acs-signature-nonce'] });
  });

  it('signV3 sends the 4.3 header set and Authorization', () => {
    const v = v3Vectors[0]!;
    const headers = signV3({
      method: 'POST',
      host: 'ecs.cn-shanghai.aliyuncs.com',
      action: 'RunInstances',
      version: '2014-05-26',
      query: v.query,
      credentials: { accessKeyId: 'YourAccessKeyId', accessKeySecret: 'YourAccessKeySecret' },
      date: new Date('2023-10-26T10:22:32Z'),
      nonce: '3156853299f313e23d1673dc12e1703d',
    });
    expect(headers).toEqual({ ...v.headers, authorization: v.authorization });
  });

  it('signV3 signs the 4.5 UpdateLivePullToPush request', () => {
    const headers = signV3({
      method: 'GET',
      host: LIVE_DERIVED.host,
      action: LIVE_DERIVED.action,
      version: LIVE_DERIVED.version,
      query: LIVE_DERIVED.params,
      credentials: { accessKeyId: LIVE_DERIVED.accessKeyId, accessKeySecret: LIVE_DERIVED.accessKeySecret },
      date: new Date(LIVE_DERIVED.date),
      nonce: LIVE_DERIVED.nonce,
    });
    expect(headers['authorization']).toBe(
      'ACS3-HMAC-SHA256 Credential=testid,SignedHeaders=host;x-acs-action;x-acs-content-sha256;x-acs-date;x-acs-signature-nonce;x-acs-version,Signature=6c2362e071858261198d302aa5da51ce205d93b0c9cd52fe6aa6d746ed426736',
    );
  });
});

describe('published helper vectors', () => {
  it('SHA-256("test")', () => {
    expect(sha256Hex(sha256Vector.input)).toBe(sha256Vector.hex);
  });

  it('json-style array serialization', () => {
    const op = { params: [{ name: jsonStyleVector.name, type: 'array', style: 'json' }] } as const;
    expect(toWireParams(op, { [jsonStyleVector.name]: jsonStyleVector.value })).toEqual({
      [jsonStyleVector.name]: jsonStyleVector.wire,
    });
  });
});
