import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { redactText } from './redact-text.js';

describe('redactText', () => {
  it('masks the values of signature and token parameters in a URL, a string to sign and a header', () => {
    expect(
      redactText(
        'request to http://127.0.0.1:1/?AccessKeyId=LTAI&SecurityToken=tok%2Fen&Signature=abc%3D&Version=2016 failed',
      ),
    ).toBe('request to http://127.0.0.1:1/?AccessKeyId=LTAI&SecurityToken=***&Signature=***&Version=2016 failed');
    expect(redactText('GET&%2F&AccessKeyId%3DLTAI%26SecurityToken%3Dsts.abc%26Timestamp%3D1')).toBe(
      'GET&%2F&AccessKeyId%3DLTAI%26SecurityToken%3D***%26Timestamp%3D1',
    );
    expect(redactText('x-acs-security-token: sts.abc, Signature=0f1e')).toBe(
      'x-acs-security-token: ***, Signature=***',
    );
  });

  it('masks URL userinfo', () => {
    expect(redactText('redis://relay:pw@cache:6379 and https://user:pass@host/x')).toBe(
      'redis://***@cache:6379 and https://***@host/x',
    );
  });

  it('masks every known secret, also JSON-quoted and percent-encoded, and leaves flags alone', () => {
    expect(redactText('got "a\\"b/c" and a%22b%2Fc and a"b/c', ['a"b/c'])).toBe('got "***" and *** and ***');
    expect(redactText('--access-key-id needs a value', ['--access-key-id', '', undefined])).toBe(
      '--access-key-id needs a value',
    );
  });

  // A secret made of the mask's own character could not be told from the mask.
  it('never lets a known secret through, whatever the text around it', () => {
    fc.assert(
      fc.property(
        fc.string(),
        fc.string({ minLength: 1 }).filter((s) => !s.startsWith('--') && !s.includes('*')),
        fc.string(),
        (a, secret, b) => {
          expect(redactText(`${a}${secret}${b}`, [secret])).not.toContain(secret);
        },
      ),
    );
  });
});
