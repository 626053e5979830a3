import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { canonicalQuery } from '../../wire/canonical-query.js';
import { emptyFormParams, parseFormInto } from './parse-form.js';

function parse(text: string) {
  const params = emptyFormParams();
  const issue = parseFormInto(text, params);
  return { params: { ...params }, issue };
}

describe('parseFormInto', () => {
  it('decodes what the canonical encoder wrote, for any names and values', () => {
    fc.assert(
      fc.property(
        fc.uniqueArray(fc.tuple(fc.string({ unit: 'grapheme', minLength: 1 }), fc.string({ unit: 'grapheme' })), {
          selector: ([name]) => name,
          maxLength: 8,
        }),
        (pairs) => {
          const record = Object.fromEntries(pairs);
          const { params, issue } = parse(canonicalQuery(record));
          expect(issue).toBeUndefined();
          expect(params).toEqual(record);
        },
      ),
    );
  });

  it('agrees with URLSearchParams on well-formed input without repeated names', () => {
    fc.assert(
      fc.property(fc.dictionary(fc.string({ minLength: 1 }), fc.string()), (record) => {
        const text = new URLSearchParams(record).toString();
        expect(parse(text).params).toEqual(Object.fromEntries(new URLSearchParams(text)));
      }),
    );
  });

  it('reads + as a space, a pair without = as empty, and skips empty segments', () => {
    expect(parse('a=1+2&&b&c=%2B').params).toEqual({ a: '1 2', b: '', c: '+' });
  });

  it('refuses malformed escapes and invalid UTF-8, naming the parameter', () => {
    expect(parse('Region=%E4%B8').issue).toEqual({ name: 'Region', rule: 'has a malformed percent-encoded value' });
    expect(parse('x=%G1').issue?.name).toBe('x');
    expect(parse('%ZZ=1').issue).toEqual({ name: '%ZZ', rule: 'has a malformed percent-encoded name' });
  });

  it('refuses a repeated name, also when spelled with different escapes', () => {
    expect(parse('a=1&%61=2').issue).toEqual({ name: 'a', rule: 'is given more than once' });
  });

  it('keeps __proto__ as plain data', () => {
    const params = emptyFormParams();
    parseFormInto('__proto__=x&constructor=y', params);
    expect(Object.entries(params)).toEqual([
      ['__proto__', 'x'],
      ['constructor', 'y'],
    ]);
    expect(Object.getPrototypeOf(params)).toBeNull();
  });
});
