import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import type { SourceType } from './api-types.js';
import { checkSourceUrls } from './source-urls.js';

const accepted = (entry: string, type: SourceType): boolean => checkSourceUrls([entry], type).length === 0;
const mediaIds = (n: number) =>
  Array.from({ length: n }, (_, i) => `93ab850b4f6f54b6e91d24d81d44${String(i).padStart(4, '0')}`);
const files = (n: number) => Array.from({ length: n }, (_, i) => `https://cdn.example.com/v/${i}.mp4`);

describe('checkSourceUrls: how many entries', () => {
  it('live takes exactly one URL', () => {
    expect(checkSourceUrls(['rtmp://a.example.com/app/s'], 'live')).toEqual([]);
    expect(checkSourceUrls(['rtmp://a.example.com/app/s', 'rtmp://b.example.com/app/s'], 'live')).toEqual([
      {
        param: 'SourceUrls',
        code: 'InvalidParameter',
        message: 'SourceUrls must hold exactly one URL when SourceType is live (got 2)',
      },
    ]);
  });

  it('vod takes up to 30 media IDs', () => {
    expect(checkSourceUrls(mediaIds(30), 'vod')).toEqual([]);
    expect(checkSourceUrls(mediaIds(31), 'vod')).toEqual([
      {
        param: 'SourceUrls',
        code: 'InvalidParameter',
        message: 'SourceUrls must hold at most 30 media IDs when SourceType is vod (got 31)',
      },
    ]);
  });

  it('url takes up to 30 URLs', () => {
    expect(checkSourceUrls(files(30), 'url')).toEqual([]);
    expect(checkSourceUrls(files(31), 'url')[0]?.message).toBe(
      'SourceUrls must hold at most 30 URLs when SourceType is url (got 31)',
    );
  });

  it('leaves an empty list to the schema (minItems 1)', () => {
    expect(checkSourceUrls([], 'live')).toEqual([]);
  });
});

describe('checkSourceUrls: live', () => {
  it.each([
    'rtmp://pulltest.example.aliyunlive.com/pulltest493/pulltest-w434',
    'RTMP://Pull.Example.com/app/stream',
    'rtsp://user:pass@camera.example.com:554/stream1',
    'srt://ingest.example.com:9000?streamid=live/abc',
    'http://pull.example.com/app/stream.flv',
    'https://pull.example.com/app/stream.FLV?auth_key=1-0-0-abc',
  ])('accepts %s', (url) => {
    expect(accepted(url, 'live')).toBe(true);
  });

  it.each([
    ['HLS', 'https://pull.example.com/app/stream.m3u8'],
    ['an MP4 file', 'https://pull.example.com/v/a.mp4'],
    ['HTTP without .flv', 'http://pull.example.com/app/stream'],
    ['.flv only in the query', 'http://pull.example.com/app/stream?x=a.flv'],
    ['a bare .flv with no name', 'http://pull.example.com/.flv'],
    ['an unsupported scheme', 'rtmps://pull.example.com/app/stream'],
    ['no host', 'rtmp:///app/stream'],
    ['a single slash', 'http:/pull.example.com/app/stream.flv'],
    ['a space', 'rtmp://pull.example.com/app/my stream'],
    ['a trailing newline', 'rtmp://pull.example.com/app/stream\n'],
    ['no scheme', 'pull.example.com/app/stream'],
    ['a media ID', '93ab850b4f6f54b6e91d24d81d440000'],
  ])('refuses %s', (_, url) => {
    expect(checkSourceUrls([url], 'live')).toEqual([
      {
        param: 'SourceUrls',
        code: 'InvalidParameter',
        message: `SourceUrls[0] must be an rtmp://, rtsp:// or srt:// URL, or an http(s):// URL whose path ends in .flv (HTTP-FLV), when SourceType is live (got ${JSON.stringify(url)})`,
      },
    ]);
  });
});

describe('checkSourceUrls: url', () => {
  it.each([
    'http://cdn.example.com/v/a.mp4',
    'https://cdn.example.com/v/a.MP4?sign=abc&t=1',
    'https://cdn.example.com/v/a.flv',
    'HTTPS://cdn.example.com/v/a.Flv',
  ])('accepts %s', (url) => {
    expect(accepted(url, 'url')).toBe(true);
  });

  it.each([
    'rtmp://cdn.example.com/v/a.mp4',
    'ftp://cdn.example.com/v/a.mp4',
    'https://cdn.example.com/v/a.m3u8',
    'https://cdn.example.com/v/a.mp4/',
    'https://cdn.example.com/v/a.mkv',
    'https://cdn.example.com/v/.mp4',
    '93ab850b4f6f54b6e91d24d81d440000',
  ])('refuses %s', (url) => {
    expect(checkSourceUrls([url], 'url')[0]?.message).toMatch(
      /^SourceUrls\[0\] must be an http\(s\):\/\/ URL whose path ends in \.mp4 \(MP4\) or \.flv \(HTTP-FLV\), when SourceType is url/,
    );
  });
});

describe('checkSourceUrls: vod', () => {
  it.each(['93ab850b4f6f54b6e91d24d81d44****'.replaceAll('*', '0'), 'a', 'media_id-01'])(
    'accepts media ID %s',
    (id) => {
      expect(accepted(id, 'vod')).toBe(true);
    },
  );

  it.each(['https://cdn.example.com/v/a.mp4', 'media id', 'id/with/slash', '媒体', 'a.mp4'])('refuses %s', (id) => {
    expect(checkSourceUrls([id], 'vod')[0]?.message).toBe(
      `SourceUrls[0] must be an ApsaraVideo VOD media ID (letters, digits, _ and -), not a URL, when SourceType is vod (got ${JSON.stringify(id)})`,
    );
  });
});

describe('checkSourceUrls: every violation', () => {
  it('reports the count and each bad entry by index', () => {
    const issues = checkSourceUrls(
      ['rtmp://a.example.com/x', 'https://b.example.com/x.m3u8', 'srt://c.example.com:1'],
      'live',
    );
    expect(issues.map((i) => i.message.slice(0, 26))).toEqual([
      'SourceUrls must hold exact',
      'SourceUrls[1] must be an r',
    ]);
  });

  it('shortens long entries in messages', () => {
    const long = `rtmp://${'a'.repeat(3000)}`;
    const [issue] = checkSourceUrls([long, long], 'vod');
    expect(issue?.message.length).toBeLessThan(300);
  });

  it('leaves entries that are not strings to the schema', () => {
    expect(checkSourceUrls([42, null, ['rtmp://x/y']], 'live').map((i) => i.message)).toEqual([
      'SourceUrls must hold exactly one URL when SourceType is live (got 3)',
    ]);
  });

  it('property: a media ID is never mistaken for a URL, nor a URL for a media ID', () => {
    const label = fc.stringMatching(/^[a-z0-9]{1,12}$/);
    fc.assert(
      fc.property(fc.constantFrom('rtmp', 'rtsp', 'srt', 'http', 'https'), label, label, (scheme, host, name) => {
        const url = `${scheme}://${host}.example.com/app/${name}.flv`;
        expect(accepted(url, 'vod')).toBe(false);
        expect(accepted(url, 'live')).toBe(true);
      }),
    );
    fc.assert(
      fc.property(fc.stringMatching(/^[A-Za-z0-9_-]{1,40}$/), (id) => {
        expect(accepted(id, 'vod')).toBe(true);
        expect(accepted(id, 'live')).toBe(false);
        expect(accepted(id, 'url')).toBe(false);
      }),
    );
  });

  it('property: never throws; one count issue iff over the limit, entry issues only for strings, each once', () => {
    const entry = fc.oneof(
      fc.string(),
      fc
        .tuple(fc.constantFrom('rtmp', 'srt', 'http', 'https', 'ftp', ''), fc.string())
        .map(([scheme, rest]) => `${scheme}://${rest}`),
      fc.integer(),
      fc.constant(null),
    );
    fc.assert(
      fc.property(
        fc.array(entry, { maxLength: 35 }),
        fc.constantFrom<SourceType>('live', 'vod', 'url'),
        (urls, type) => {
          const issues = checkSourceUrls(urls, type);
          for (const issue of issues) expect(issue).toMatchObject({ param: 'SourceUrls', code: 'InvalidParameter' });
          const countIssues = issues.filter((i) => i.message.startsWith('SourceUrls must hold'));
          expect(countIssues.length).toBe(urls.length > (type === 'live' ? 1 : 30) ? 1 : 0);
          const indexes = issues.flatMap((i) => /^SourceUrls\[(\d+)\]/.exec(i.message)?.[1] ?? []).map(Number);
          expect(new Set(indexes).size).toBe(indexes.length);
          for (const index of indexes) expect(typeof urls[index]).toBe('string');
        },
      ),
    );
  });
});
