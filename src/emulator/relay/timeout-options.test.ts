import { describe, expect, it } from 'vitest';
import { timeoutOptions } from './timeout-options.js';

describe('timeoutOptions', () => {
  it('names the option each protocol understands', () => {
    expect(timeoutOptions('rtmp://h/app/s')).toEqual(['-rw_timeout', '5000000']);
    expect(timeoutOptions('https://h/a.mp4')).toEqual(['-rw_timeout', '5000000']);
    expect(timeoutOptions('rtsp://h/cam')).toEqual(['-timeout', '5000000']);
    expect(timeoutOptions('SRT://h:9000?mode=caller')).toEqual(['-timeout', '5000000']);
    expect(timeoutOptions('/srv/media/a.mp4')).toEqual([]);
  });
});
