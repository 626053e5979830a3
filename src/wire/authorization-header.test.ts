import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { formatAuthorization, parseAuthorization } from './authorization-header.js';

const SIG = '06563a9e1b43f5dfe96b81484da74bceab24a1d853912eee15083a6f0f3283c0';
const GOOD = `ACS3-HMAC-SHA256 Credential=AK,SignedHeaders=host;x-acs-action;x-acs-date,Signature=${SIG}`;

describe('parseAuthorization', () => {
  it('parses the shape the official cores send', () => {
    expect(parseAuthorization(GOOD)).toEqual({
      ok: true,
      value: {
        algorithm: 'ACS3-HMAC-SHA256',
        accessKeyId: 'AK',
        signedHeaders: ['host', 'x-acs-action', 'x-acs-date'],
        signature: SIG,
      },
    });
  });

  it('returns other algorithms as sent, for the caller to refuse', () => {
    const parsed = parseAuthorization(`ACS3-HMAC-SM3 Credential=AK,SignedHeaders=host,Signature=${SIG}`);
    expect(parsed.ok && parsed.value.algorithm).toBe('ACS3-HMAC-SM3');
  });

  it.each([
    ['empty', ''],
    ['no algorithm', `Credential=AK,SignedHeaders=host,Signature=${SIG}`],
    ['two spaces after the algorithm', `ACS3-HMAC-SHA256  Credential=AK,SignedHeaders=host,Signature=${SIG}`],
    ['leading space', ` ${GOOD}`],
    ['space after a comma', `ACS3-HMAC-SHA256 Credential=AK, SignedHeaders=host,Signature=${SIG}`],
    ['trailing space', `${GOOD} `],
    ['missing Signature', 'ACS3-HMAC-SHA256 Credential=AK,SignedHeaders=host'],
    ['missing SignedHeaders', `ACS3-HMAC-SHA256 Credential=AK,Signature=${SIG}`],
    ['missing Credential', `ACS3-HMAC-SHA256 SignedHeaders=host,Signature=${SIG}`],
    ['parts out of order', `ACS3-HMAC-SHA256 SignedHeaders=host,Credential=AK,Signature=${SIG}`],
    ['extra part', `${GOOD},Extra=1`],
    ['empty Credential', `ACS3-HMAC-SHA256 Credential=,SignedHeaders=host,Signature=${SIG}`],
    ['empty Signature', 'ACS3-HMAC-SHA256 Credential=AK,SignedHeaders=host,Signature='],
    ['empty SignedHeaders', `ACS3-HMAC-SHA256 Credential=AK,SignedHeaders=,Signature=${SIG}`],
    ['empty SignedHeaders entry', `ACS3-HMAC-SHA256 Credential=AK,SignedHeaders=host;;x-acs-date,Signature=${SIG}`],
    ['upper-case SignedHeaders entry', `ACS3-HMAC-SHA256 Credential=AK,SignedHeaders=Host,Signature=${SIG}`],
    ['unsorted SignedHeaders', `ACS3-HMAC-SHA256 Credential=AK,SignedHeaders=x-acs-date;host,Signature=${SIG}`],
    ['duplicate SignedHeaders', `ACS3-HMAC-SHA256 Credential=AK,SignedHeaders=host;host,Signature=${SIG}`],
    ['lower-case part name', `ACS3-HMAC-SHA256 credential=AK,SignedHeaders=host,Signature=${SIG}`],
    ['spaces around =', `ACS3-HMAC-SHA256 Credential = AK,SignedHeaders=host,Signature=${SIG}`],
  ])('rejects %s', (_, header) => {
    const parsed = parseAuthorization(header);
    expect(parsed.ok).toBe(false);
    expect(parsed.ok ? '' : parsed.reason).not.toBe('');
  });

  it('parses what formatAuthorization writes', () => {
    const token = fc.stringMatching(/^[A-Za-z0-9._-]{1,20}$/);
    const names = fc
      .uniqueArray(fc.stringMatching(/^[a-z0-9-]{1,12}$/), { minLength: 1, maxLength: 8 })
      .map((n) => n.sort());
    fc.assert(
      fc.property(token, names, fc.stringMatching(/^[0-9a-f]{64}$/), (accessKeyId, signedHeaders, signature) => {
        const parts = { algorithm: 'ACS3-HMAC-SHA256', accessKeyId, signedHeaders, signature };
        expect(parseAuthorization(formatAuthorization(parts))).toEqual({ ok: true, value: parts });
      }),
    );
  });

  it('accepts only what it would write back byte for byte', () => {
    const piece = fc.constantFrom('A', ' ', ',', ';', '=', 'Credential=', 'SignedHeaders=', 'Signature=', 'host', 'x');
    fc.assert(
      fc.property(fc.array(piece, { maxLength: 12 }), (pieces) => {
        const header = pieces.join('');
        const parsed = parseAuthorization(header);
        if (parsed.ok) expect(formatAuthorization(parsed.value)).toBe(header);
      }),
      { numRuns: 2000 },
    );
  });
});
