import * as nodeCrypto from 'node:crypto';
import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { hmac } from './hmac.js';
import { sha1 } from './sha1.js';
import { sha256 } from './sha256.js';

const hex = (bytes: Uint8Array): string => Buffer.from(bytes).toString('hex');
const text = (value: string): Uint8Array => Buffer.from(value, 'utf8');

describe('sha256 and sha1', () => {
  it('give the FIPS 180-4 example digests', () => {
    expect(hex(sha256(text('abc')))).toBe('ba7816bf8f01cfea414140de5dae2223b00361a396177a9cb410ff61f20015ad');
    expect(hex(sha256(text('')))).toBe('e3b0c44298fc1c149afbf4c8996fb92427ae41e4649b934ca495991b7852b855');
    expect(hex(sha256(text('abcdbcdecdefdefgefghfghighijhijkijkljklmklmnlmnomnopnopq')))).toBe(
      '248d6a61d20638b8e5c026930c3e6039a33ce45964ff2167f6ecedd419db06c1',
    );
    expect(hex(sha1(text('abc')))).toBe('a9993e364706816aba3e25717850c26c9cd0d89d');
    expect(hex(sha1(text('abcdbcdecdefdefgefghfghighijhijkijkljklmklmnlmnomnopnopq')))).toBe(
      '84983e441c3bd26ebaae4aa1f95129e5e54670f1',
    );
  });

  it('equal OpenSSL at every length around the block and padding boundaries', () => {
    for (let length = 0; length <= 200; length++) {
      const message = Uint8Array.from({ length }, (_, i) => (i * 31 + length) & 0xff);
      expect(hex(sha256(message))).toBe(nodeCrypto.createHash('sha256').update(message).digest('hex'));
      expect(hex(sha1(message))).toBe(nodeCrypto.createHash('sha1').update(message).digest('hex'));
    }
  });

  it('equal OpenSSL for any bytes', () => {
    fc.assert(
      fc.property(fc.uint8Array({ maxLength: 2000 }), (message) => {
        expect(hex(sha256(message))).toBe(nodeCrypto.createHash('sha256').update(message).digest('hex'));
        expect(hex(sha1(message))).toBe(nodeCrypto.createHash('sha1').update(message).digest('hex'));
      }),
    );
  });
});

describe('hmac', () => {
  it('gives the RFC 4231 test case 2 HMAC-SHA256 and the RFC 2202 test case 2 HMAC-SHA1', () => {
    const message = text('what do ya want for nothing?');
    expect(hex(hmac(sha256, text('Jefe'), message))).toBe(
      '5bdcc146bf60754e6a042426089575c75a003f089d2739839dec58b964ec3843',
    );
    expect(hex(hmac(sha1, text('Jefe'), message))).toBe('effcdf6ae5eb2fa2d27416d5f184df9c259a7c79');
  });

  it('equals OpenSSL for any key (longer than a block included) and message', () => {
    fc.assert(
      fc.property(fc.uint8Array({ maxLength: 200 }), fc.uint8Array({ maxLength: 1000 }), (key, message) => {
        expect(hex(hmac(sha256, key, message))).toBe(
          nodeCrypto.createHmac('sha256', key).update(message).digest('hex'),
        );
        expect(hex(hmac(sha1, key, message))).toBe(nodeCrypto.createHmac('sha1', key).update(message).digest('hex'));
      }),
    );
  });
});
