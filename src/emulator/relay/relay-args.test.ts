import { describe, expect, it } from 'vitest';
import type { CodecChoice } from './codec-choice.js';
import { liveReaderArgs, readerArgs, relayArgs } from './relay-args.js';

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

  it("relays a live input from its reader's NUT on pipe:3, unpaced, re-encoding when told", () => {
    const args = relayArgs({ input: { kind: 'live' }, codecs: 'encode', destination: 'rtmp://d/live/s' });
    expect(args).not.toContain('-re');
    expect(args.join(' ')).toContain('-analyzeduration 500000 -f nut -i pipe:3 -c:v libx264');
    expect(args).not.toContain('-t');
  });

  it('publishes a joined list from the MPEG-TS its readers write to pipe:3, paced, copying', () => {
    const args = relayArgs({ input: { kind: 'joined' }, codecs: 'copy', destination: 'rtmp://d/live/s' });
    expect(args.join(' ')).toContain('-re -analyzeduration 1000000 -f mpegts -i pipe:3 -c copy -f flv');
  });
});

describe('liveReaderArgs', () => {
  it("copies ffmpeg's choice of streams as NUT to stdout, with the stall timeout the protocol understands", () => {
    expect(liveReaderArgs('srt://h:9000?mode=caller').join(' ')).toBe(
      '-hide_banner -v level+info -nostdin -nostats -timeout 5000000 -i srt://h:9000?mode=caller ' +
        '-sn -dn -c copy -f nut pipe:1',
    );
    expect(liveReaderArgs('rtmp://h/app/s').join(' ')).toContain('-rw_timeout 5000000 -i rtmp://h/app/s ');
  });
});

const copy: Extract<CodecChoice, { mode: 'join' }> = {
  mode: 'join',
  readers: 'copy',
  target: { size: { width: 1280, height: 720 }, audio: true },
  why: '',
};

describe('readerArgs', () => {
  it('copies an entry as MPEG-TS to stdout, from its keyframe, placed after the entries before it', () => {
    expect(readerArgs({ url: 'http://h/a.mp4', startSeconds: 4, atSeconds: 12.5, codecs: copy }).join(' ')).toBe(
      '-hide_banner -v level+error -nostdin -rw_timeout 5000000 -ss 4.000000 -i http://h/a.mp4 ' +
        '-c copy -output_ts_offset 12.500000 -f mpegts pipe:1',
    );
  });

  it('normalises to the target size, 25 fps and 44.1 kHz stereo, encoding as the relay does; a local file needs no timeout', () => {
    const args = readerArgs({
      url: '/media/b.webm',
      startSeconds: 0,
      atSeconds: 0,
      codecs: { ...copy, readers: 'normalise' },
    });
    expect(args).not.toContain('-ss');
    expect(args).not.toContain('-rw_timeout');
    expect(args[args.indexOf('-vf') + 1]).toBe(
      'scale=1280:720:force_original_aspect_ratio=decrease,pad=1280:720:(ow-iw)/2:(oh-ih)/2,fps=25',
    );
    expect(args[args.indexOf('-af') + 1]).toBe('aresample=44100,aformat=channel_layouts=stereo');
    expect(args).toContain('libx264');
  });

  it('drops the kind of stream no entry has', () => {
    const audioOnly = readerArgs({
      url: '/a.m4a',
      startSeconds: 0,
      atSeconds: 0,
      codecs: { ...copy, readers: 'normalise', target: { size: undefined, audio: true } },
    });
    expect(audioOnly).toContain('-vn');
    expect(audioOnly).not.toContain('-vf');
    const videoOnly = readerArgs({
      url: '/v.mp4',
      startSeconds: 0,
      atSeconds: 0,
      codecs: { ...copy, readers: 'normalise', target: { size: { width: 2, height: 2 }, audio: false } },
    });
    expect(videoOnly).toContain('-an');
    expect(videoOnly).not.toContain('-af');
  });
});
