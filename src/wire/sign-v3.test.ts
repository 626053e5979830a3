import { createHmac } from 'node:crypto';
import { afterEach, describe, expect, it, vi } from 'vitest';
import { signatureV3, signV3 } from './sign-v3.js';

const base = {
  method: 'GET',
  host: '127.0.0.1:8080',
  action: 'DescribeLivePullToPush',
  version: '2016-11-01',
  nonce: 'n',
} as const;
const credentials = { accessKeyId: 'id', accessKeySecret: 'secret' };

describe('signV3 without a date', () => {
  afterEach(() => vi.useRealTimers());

  it('sends the current second, and the next one once the clock moves on', () => {
    vi.useFakeTimers();
    vi.setSystemTime(new Date('2030-01-02T03:04:05.999Z'));
    expect(signV3({ ...base, credentials })['x-acs-date']).toBe('2030-01-02T03:04:05Z');
    vi.setSystemTime(new Date('2030-01-02T03:04:06.000Z'));
    expect(signV3({ ...base, credentials })['x-acs-date']).toBe('2030-01-02T03:04:06Z');
  });

  it('signs exactly as an explicit date of the same second does', () => {
    vi.useFakeTimers();
    vi.setSystemTime(new Date('2030-01-02T03:04:05.500Z'));
    expect(signV3({ ...base, credentials })).toEqual(
      signV3({ ...base, credentials, date: new Date('2030-01-02T03:04:05Z') }),
    );
  });
});

describe('signatureV3', () => {
  it('uses the secret it is given, call after call', () => {
    for (const secret of ['first', 'second', 'first', 'ключ']) {
      expect(signatureV3(secret, 'text')).toBe(createHmac('sha256', secret).update('text').digest('hex'));
    }
  });
});
