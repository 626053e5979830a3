import { describe, expect, it } from 'vitest';
import { DEFAULT_MEDIA_DURATION_SECONDS, mediaCatalog } from './media-catalog.js';
import { MediaCatalogError } from './media-catalog-error.js';

describe('mediaCatalog', () => {
  it('looks media up by exact string and falls back to the default duration', () => {
    const catalog = mediaCatalog({
      a: { durationSeconds: 60, extra: 'kept for later fields' },
      b: { durationSeconds: 1.5, missing: true },
    });
    expect(catalog.lookup('a')).toEqual({ durationSeconds: 60, missing: false });
    expect(catalog.lookup('b')).toEqual({ durationSeconds: 1.5, missing: true });
    expect(catalog.lookup('A')).toEqual({ durationSeconds: DEFAULT_MEDIA_DURATION_SECONDS, missing: false });
    expect(mediaCatalog({}, 42).lookup('x').durationSeconds).toBe(42);
  });

  it.each([
    [[], /must be a JSON object of entries/, undefined],
    [{ a: 60 }, /entry "a" must be an object/, 'a'],
    [
      { ok: { durationSeconds: 1 }, bad: { durationSeconds: 0 } },
      /entry "bad": durationSeconds must be a positive finite number \(got 0\)/,
      'bad',
    ],
    [{ b: { durationSeconds: '60' } }, /entry "b": durationSeconds .* \(got "60"\)/, 'b'],
    [{ c: {} }, /entry "c": durationSeconds .* \(got nothing\)/, 'c'],
    [{ d: { durationSeconds: 5, missing: 'yes' } }, /entry "d": missing must be true or false/, 'd'],
    [{ e: { durationSeconds: 5, file: '' } }, /entry "e": file must be a non-empty path/, 'e'],
  ])('refuses %j, naming the entry', (value, message, entry) => {
    const run = () => mediaCatalog(value, undefined, 'media.json');
    expect(run).toThrow(MediaCatalogError);
    expect(run).toThrow(message);
    try {
      run();
    } catch (error) {
      expect((error as MediaCatalogError).entry).toBe(entry);
    }
  });

  it('keeps a VOD medium’s local file for the real relay, relative to the catalog', () => {
    const catalog = mediaCatalog(
      { v1: { durationSeconds: 5, file: 'clips/a.mp4' }, v2: { durationSeconds: 5, file: '/srv/b.mp4' } },
      undefined,
      'media.json',
      '/data/catalog',
    );
    expect(catalog.lookup('v1')).toEqual({ durationSeconds: 5, missing: false, file: '/data/catalog/clips/a.mp4' });
    expect(catalog.lookup('v2').file).toBe('/srv/b.mp4');
  });

  it('lets an entry with a file leave its duration to the relay that measures it', () => {
    const catalog = mediaCatalog({ v: { file: '/srv/v.mp4' } }, 42);
    expect(catalog.lookup('v')).toEqual({ durationSeconds: 42, missing: false, file: '/srv/v.mp4' });
    expect(() => mediaCatalog({ v: { file: 7 } })).toThrow(/entry "v": file must be a non-empty path/);
  });

  it('refuses a default duration that is not positive', () => {
    expect(() => mediaCatalog({}, 0)).toThrow(/default media duration/);
  });
});
