import { createHash } from 'node:crypto';
import { describe, expect, it, vi } from 'vitest';
import { API_VERSION } from '../../../generated/operations.js';
import { signV1 } from '../../wire/sign-v1.js';
import { signatureSchemeV3 } from '../../wire/signature-scheme-v3.js';
import { accessKeyTable } from './access-keys.js';
import { authenticate } from './authenticate.js';
import { refuse } from './refusal.js';

// Pass-through spy: every comparison still runs for real, the test only sees what was compared.
const timingSafeEqual = vi.hoisted(() => ({ calls: [] as [Buffer, Buffer][] }));
vi.mock('node:crypto', async (importOriginal) => {
  const actual = await importOriginal<typeof import('node:crypto')>();
  return {
    ...actual,
    timingSafeEqual: (a: Buffer, b: Buffer) => {
      timingSafeEqual.calls.push([Buffer.from(a), Buffer.from(b)]);
      return actual.timingSafeEqual(a, b);
    },
  };
});

const STS = { accessKeyId: 'STS.unit', accessKeySecret: 'sts-secret', securityToken: 'expected-token-value' };
const keys = accessKeyTable([STS]);
const now = new Date();

function request(securityToken: string) {
  const query = signV1({
    method: 'GET',
    action: 'DescribeLivePullToPush',
    version: API_VERSION,
    params: { Region: 'cn-shanghai', TaskId: 't' },
    credentials: { ...STS, securityToken },
    date: now,
  });
  return { method: 'GET', pathname: '/', query, headers: {} };
}

const sha256 = (text: string): Buffer => createHash('sha256').update(text).digest();

describe('authenticate: the STS security token', () => {
  it('is compared in constant time, as digests of equal length', () => {
    for (const sent of [STS.securityToken, 'expected-token-valuX', 'short']) {
      timingSafeEqual.calls.length = 0;
      const result = authenticate(request(sent), keys, now);
      expect('refused' in result && result.refused).toBe(sent !== STS.securityToken);
      expect(timingSafeEqual.calls).toContainEqual([sha256(sent), sha256(STS.securityToken)]);
    }
  });
});

describe('authenticate: a missing signed part', () => {
  const plain = accessKeyTable([{ accessKeyId: 'unit', accessKeySecret: 'unit-secret' }]);

  it('names the header the verifier reported, not one read back from its message', () => {
    const signed = signatureSchemeV3.sign({
      method: 'GET',
      host: '127.0.0.1',
      action: 'DescribeLivePullToPush',
      version: API_VERSION,
      params: { Region: 'cn-shanghai', TaskId: 't' },
      headers: {},
      credentials: { accessKeyId: 'unit', accessKeySecret: 'unit-secret' },
    });
    const { 'x-acs-signature-nonce': _dropped, ...headers } = signed.headers;
    const query = Object.fromEntries(new URL(signed.path, 'http://127.0.0.1').searchParams);
    expect(authenticate({ method: 'GET', pathname: '/', query, headers }, plain, now)).toEqual(
      refuse('MissingParameter', 'x-acs-signature-nonce'),
    );
  });

  it('turns a V1 Missing<Name> the spec does not list into MissingParameter naming the parameter', () => {
    const { Timestamp: _dropped, ...query } = signV1({
      method: 'GET',
      action: 'DescribeLivePullToPush',
      version: API_VERSION,
      params: { Region: 'cn-shanghai', TaskId: 't' },
      credentials: { accessKeyId: 'unit', accessKeySecret: 'unit-secret' },
    });
    expect(authenticate({ method: 'GET', pathname: '/', query, headers: {} }, plain, now)).toEqual(
      refuse('MissingParameter', 'Timestamp'),
    );
  });
});
