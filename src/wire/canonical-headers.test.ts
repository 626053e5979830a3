import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { canonicalHeaders, isSignedByDefault } from './canonical-headers.js';

describe('canonicalHeaders', () => {
  it('signs host, content-type and x-acs-* by default, lower-cased and sorted', () => {
    const result = canonicalHeaders({
      'X-Acs-Version': '2016-11-01',
      Host: 'live.aliyuncs.com',
      'user-agent': 'ua',
      accept: 'application/json',
      'Content-Type': 'application/x-www-form-urlencoded',
      'x-acs-action': 'UpdateLivePullToPush',
    });
    expect(result).toEqual({
      canonicalHeaders:
        'content-type:application/x-www-form-urlencoded\nhost:live.aliyuncs.com\nx-acs-action:UpdateLivePullToPush\nx-acs-version:2016-11-01\n',
      signedHeaders: 'content-type;host;x-acs-action;x-acs-version',
    });
  });

  it('trims values and joins repeated names sorted with ","', () => {
    expect(canonicalHeaders({ 'x-acs-b': '  v  ', 'x-acs-a': ['z', ' y'] }).canonicalHeaders).toBe(
      'x-acs-a:y,z\nx-acs-b:v\n',
    );
  });

  it('skips undefined values', () => {
    expect(canonicalHeaders({ host: 'h', 'x-acs-x': undefined })).toEqual({
      canonicalHeaders: 'host:h\n',
      signedHeaders: 'host',
    });
  });

  it('uses exactly the given names, in order, when a list is passed', () => {
    const headers = { host: 'h', 'x-acs-a': 'a', 'user-agent': 'ua', 'content-type': 'c' };
    expect(canonicalHeaders(headers, ['host', 'user-agent', 'x-acs-missing'])).toEqual({
      canonicalHeaders: 'host:h\nuser-agent:ua\nx-acs-missing:\n',
      signedHeaders: 'host;user-agent;x-acs-missing',
    });
  });

  it('gives a lower-case map and its upper-cased spelling the same named block (verifier fast path)', () => {
    const name = fc.constantFrom('host', 'x-acs-a', 'x-acs-b', 'user-agent', 'content-type');
    const value = fc.oneof(fc.string({ maxLength: 6 }), fc.array(fc.string({ maxLength: 6 }), { maxLength: 3 }));
    fc.assert(
      fc.property(fc.dictionary(name, value), fc.uniqueArray(name, { maxLength: 5 }), (headers, names) => {
        // One upper-case key sends the map down the general path.
        const mixed = Object.fromEntries(
          Object.entries(headers).map(([k, v], i) => [i === 0 ? k.toUpperCase() : k, v]),
        );
        expect(canonicalHeaders(headers, names)).toEqual(canonicalHeaders(mixed, names));
      }),
    );
  });

  it('isSignedByDefault', () => {
    expect(['host', 'content-type', 'x-acs-date', 'x-acs-'].map(isSignedByDefault)).toEqual([true, true, true, true]);
    expect(['authorization', 'user-agent', 'accept', 'content-length', 'x-acsdate'].map(isSignedByDefault)).toEqual([
      false,
      false,
      false,
      false,
      false,
    ]);
  });
});
