import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { flagFor, kebabCase, looseKey } from './flag-name.js';

describe('kebabCase', () => {
  it.each([
    ['SourceUrls', 'source-urls'],
    ['CallbackUrl', 'callback-url'],
    ['CallbackURL', 'callback-url'],
    ['DstUrl', 'dst-url'],
    ['TaskId', 'task-id'],
    ['Region', 'region'],
    ['RegionId', 'region-id'],
    ['PageNumber', 'page-number'],
    ['NotifyItemSwitch', 'notify-item-switch'],
  ])('%s → %s', (vendor, kebab) => {
    expect(kebabCase(vendor)).toBe(kebab);
  });

  it('only ever differs from the vendor name by case and dashes', () => {
    fc.assert(
      fc.property(fc.stringMatching(/^[A-Z][A-Za-z0-9]{0,20}$/), (vendor) => {
        const kebab = kebabCase(vendor);
        expect(kebab).toMatch(/^[a-z0-9]+(-[a-z0-9]+)*$/);
        expect(looseKey(kebab)).toBe(looseKey(vendor));
      }),
    );
  });
});

describe('flagFor', () => {
  it('spells a flag in either style', () => {
    expect(flagFor('SourceUrls', 'vendor')).toBe('--SourceUrls');
    expect(flagFor('SourceUrls', 'kebab')).toBe('--source-urls');
  });
});
