import * as nodeCrypto from 'node:crypto';
import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import * as subset from './node-crypto-subset.js';

describe('the command bundle’s node:crypto', () => {
  it('hashes and signs strings and bytes as node:crypto does, in every encoding the signers use', () => {
    fc.assert(
      fc.property(fc.string({ unit: 'grapheme', maxLength: 300 }), fc.string({ maxLength: 80 }), (data, secret) => {
        for (const algorithm of ['sha256', 'sha1']) {
          expect(subset.createHash(algorithm).update(data).digest('hex')).toBe(
            nodeCrypto.createHash(algorithm).update(data).digest('hex'),
          );
          expect(subset.createHmac(algorithm, secret).update(data).digest('base64')).toBe(
            nodeCrypto.createHmac(algorithm, secret).update(data).digest('base64'),
          );
          const key = subset.createSecretKey(secret, 'utf8');
          expect(subset.createHmac(algorithm, key).update(data).update(data).digest('hex')).toBe(
            nodeCrypto.createHmac(algorithm, secret).update(data).update(data).digest('hex'),
          );
          expect(subset.hash(algorithm, data, 'hex')).toBe(nodeCrypto.hash(algorithm, data, 'hex'));
        }
        const bytes = Buffer.from(data);
        expect(subset.createHash('sha256').update(bytes).digest()).toEqual(
          nodeCrypto.createHash('sha256').update(bytes).digest(),
        );
      }),
    );
  });

  it('hands other algorithms, options and key objects to node:crypto', () => {
    expect(subset.createHash('sha512').update('x').digest('hex')).toBe(
      nodeCrypto.createHash('sha512').update('x').digest('hex'),
    );
    expect(subset.createHmac('md5', 'k').update('x').digest('hex')).toBe(
      nodeCrypto.createHmac('md5', 'k').update('x').digest('hex'),
    );
    const keyObject = nodeCrypto.createSecretKey(Buffer.from('k'));
    expect(subset.createHmac('sha256', keyObject).update('x').digest('hex')).toBe(
      nodeCrypto.createHmac('sha256', 'k').update('x').digest('hex'),
    );
    expect(subset.createHmac('sha512', subset.createSecretKey('k', 'utf8')).update('x').digest('hex')).toBe(
      nodeCrypto.createHmac('sha512', 'k').update('x').digest('hex'),
    );
    expect(subset.hash('md5', 'x', 'hex')).toBe(nodeCrypto.hash('md5', 'x', 'hex'));
    expect(subset.randomUUID()).toMatch(/^[0-9a-f]{8}-[0-9a-f]{4}-4[0-9a-f]{3}-[89ab][0-9a-f]{3}-[0-9a-f]{12}$/);
    expect(subset.timingSafeEqual(Buffer.from('ab'), Buffer.from('ab'))).toBe(true);
  });

  it('fills the requested range with random bytes and leaves the rest', () => {
    const buffer = Buffer.alloc(4096);
    expect(subset.randomFillSync(buffer, 16, 4000)).toBe(buffer);
    expect(buffer.subarray(0, 16).every((byte) => byte === 0)).toBe(true);
    expect(buffer.subarray(4016).every((byte) => byte === 0)).toBe(true);
    // 4000 random bytes: every value turns up; a run of 64 zeros would be a fill that did not happen.
    expect(new Set(buffer.subarray(16, 4016)).size).toBeGreaterThan(200);
    expect(buffer.subarray(16, 4016).includes(Buffer.alloc(64))).toBe(false);
    const twice = [subset.randomFillSync(Buffer.alloc(16)), subset.randomFillSync(Buffer.alloc(16))];
    expect(twice[0]!.equals(twice[1]!)).toBe(false);
  });
});
