import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { percentEncode } from './percent-encode.js';

/** The official JavaScript cores' recipe (openapi-core `encode`), used as a reference. */
function sdkEncode(s: string): string {
  return encodeURIComponent(s).replace(/[!'()*]/g, (c) => `%${c.charCodeAt(0).toString(16).toUpperCase()}`);
}

/** Any UTF-16 string, lone surrogates included (fast-check's 'binary' unit is very slow to generate). */
const utf16 = fc.string({ unit: fc.integer({ min: 0, max: 0xffff }).map((c) => String.fromCharCode(c)) });

describe('percentEncode', () => {
  it.each([
    ['abcXYZ019-_.~', 'abcXYZ019-_.~'],
    ['a b', 'a%20b'],
    ['a+b', 'a%2Bb'],
    ['a&b=c', 'a%26b%3Dc'],
    ['/', '%2F'],
    ["()*!'~", '%28%29%2A%21%27~'],
    ['%', '%25'],
    ['测试', '%E6%B5%8B%E8%AF%95'],
    ['é', '%C3%A9'],
    ['😀', '%F0%9F%98%80'],
    ['', ''],
    ['\u0000\u007f', '%00%7F'],
  ])('%j -> %s', (input, encoded) => {
    expect(percentEncode(input)).toBe(encoded);
  });

  it('encodes a lone surrogate as U+FFFD, as Buffer and fetch do', () => {
    expect(percentEncode('a\ud800b')).toBe('a%EF%BF%BDb');
    expect(percentEncode('\udc00')).toBe('%EF%BF%BD');
    expect(percentEncode('\ud83d')).toBe('%EF%BF%BD');
  });

  it('round-trips through decodeURIComponent', () => {
    fc.assert(
      fc.property(fc.string({ unit: 'grapheme' }), (s) => {
        expect(decodeURIComponent(percentEncode(s))).toBe(s);
      }),
    );
  });

  it('emits only unreserved characters and %XX with upper-case hex', () => {
    fc.assert(
      fc.property(fc.oneof(utf16, fc.string({ unit: 'grapheme' })), (s) => {
        expect(percentEncode(s)).toMatch(/^(?:[A-Za-z0-9\-_.~]|%[0-9A-F]{2})*$/);
      }),
    );
  });

  it('matches the official cores for well-formed strings', () => {
    fc.assert(
      fc.property(fc.string({ unit: 'grapheme-composite' }), (s) => {
        expect(percentEncode(s)).toBe(sdkEncode(s));
      }),
    );
  });
});
