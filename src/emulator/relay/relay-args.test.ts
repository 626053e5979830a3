import { describe, expect, it } from 'vitest';
import { relayArgs } from './relay-args.js';

describe('relayArgs', () => {
  it('plays a list at real time as one publish, copying, bounded by EndTime', () => {
    const args = relayArgs({
      input: { kind: 'list', listFile: '/tmp/r/list.ffconcat' },
      codecs: 'copy',
      destination: 'rtmp://127.0.0.1:1935/live/s',
      maxSeconds: 90,
    });
    expect(args.join(' ')).toBe(
      '-hide_banner -v level+error -nostats -stats_period 0.5 -progress pipe:1 ' +
        '-re -f concat -safe 0 -protocol_whitelist file,http,https,tcp,tls -i /tmp/r/list.ffconcat ' +
        '-c copy -t 90.000 -f flv -flvflags no_duration_filesize -rw_timeout 5000000 rtmp://127.0.0.1:1935/live/s',
    );
  });

  it('relays a live input unpaced, with the stall timeout its protocol understands', () => {
    const args = relayArgs({
      input: { kind: 'live', url: 'srt://h:9000?mode=caller' },
      codecs: 'encode',
      destination: 'rtmp://d/live/s',
    });
    expect(args).not.toContain('-re');
    expect(args.slice(args.indexOf('-i') - 2, args.indexOf('-i') + 2)).toEqual([
      '-timeout',
      '5000000',
      '-i',
      'srt://h:9000?mode=caller',
    ]);
    expect(args).toContain('libx264');
    expect(args).not.toContain('-t');
  });

  it('publishes a joined list from the MPEG-TS its readers write to pipe:3, paced, copying', () => {
    const args = relayArgs({ input: { kind: 'joined' }, codecs: 'copy', destination: 'rtmp://d/live/s' });
    expect(args.join(' ')).toContain('-re -analyzeduration 1000000 -f mpegts -i pipe:3 -c copy -f flv');
  });
});
