import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { canonicalQuery } from './canonical-query.js';

describe('canonicalQuery', () => {
  it('sorts by name and encodes names and values', () => {
    expect(canonicalQuery({ b: '2 3', a: '1', 'Name.1': 'x/y' })).toBe('Name.1=x%2Fy&a=1&b=2%203');
  });

  it('keeps empty values as name=', () => {
    expect(canonicalQuery({ test: 'ok', empty: '' })).toBe('empty=&test=ok');
  });

  it('is empty for no parameters', () => {
    expect(canonicalQuery({})).toBe('');
  });

  it('does not depend on insertion order', () => {
    fc.assert(
      fc.property(
        fc.dictionary(fc.string({ minLength: 1 }), fc.string()),
        fc.infiniteStream(fc.nat()),
        (params, randoms) => {
          const names = Object.keys(params);
          const shuffled = names
            .map((name) => ({ name, key: randoms.next().value as number }))
            .sort((x, y) => x.key - y.key);
          const reordered: Record<string, string> = Object.create(null);
          for (const { name } of shuffled) reordered[name] = params[name]!;
          expect(canonicalQuery(reordered)).toBe(canonicalQuery(params));
        },
      ),
    );
  });

  it('decodes back to the same parameters (as a URL query)', () => {
    fc.assert(
      fc.property(
        fc.dictionary(fc.string({ minLength: 1, unit: 'grapheme' }), fc.string({ unit: 'grapheme' })),
        (params) => {
          const decoded = Object.fromEntries(new URLSearchParams(canonicalQuery(params)));
          expect(decoded).toEqual({ ...params });
        },
      ),
    );
  });
});
