import { describe, expect, it } from 'vitest';
import { concatList } from './concat-list.js';

describe('concatList', () => {
  it('lists the files in order, with the inpoint under the entry it applies to', () => {
    expect(
      concatList([
        { url: 'http://h/a.mp4?x=1&y=2', inpointSeconds: 4 },
        { url: '/srv/media/b.mp4', inpointSeconds: 0 },
      ]),
    ).toBe("ffconcat version 1.0\nfile 'http://h/a.mp4?x=1&y=2'\ninpoint 4.000000\nfile '/srv/media/b.mp4'\n");
  });

  it('escapes single quotes the way the concat demuxer reads them', () => {
    expect(concatList([{ url: "/srv/it's.mp4", inpointSeconds: 0 }])).toBe(
      "ffconcat version 1.0\nfile '/srv/it'\\''s.mp4'\n",
    );
  });

  it('ends with the list to play next, which may be written later, and lets it open any path', () => {
    expect(concatList([{ url: '/srv/a.mp4', inpointSeconds: 0 }], '/tmp/x/more-1.ffconcat')).toBe(
      "ffconcat version 1.0\nfile '/srv/a.mp4'\nfile '/tmp/x/more-1.ffconcat'\noption safe 0\n",
    );
  });
});
