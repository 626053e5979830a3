import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { chooseCodecs, chooseLiveCodecs } from './codec-choice.js';
import type { MediaProbe } from './media-probe.js';

const H264_AAC: MediaProbe = {
  durationSeconds: 10,
  video: { codec: 'h264', width: 1280, height: 720, pixelFormat: 'yuv420p', timeBase: '1/12800' },
  audio: { codec: 'aac', sampleRate: 44100, channels: 2 },
};

describe('chooseCodecs', () => {
  it('copies H.264/AAC inputs that agree', () => {
    expect(chooseCodecs([H264_AAC, { ...H264_AAC, durationSeconds: 3 }], ['a', 'b'])).toEqual({ mode: 'copy' });
    expect(chooseCodecs([{ durationSeconds: 5, video: H264_AAC.video! }], ['a'])).toEqual({ mode: 'copy' });
  });

  it('re-encodes what FLV cannot carry and says why', () => {
    const webm: MediaProbe = {
      durationSeconds: 10,
      video: { ...H264_AAC.video!, codec: 'vp9' },
      audio: { ...H264_AAC.audio!, codec: 'opus' },
    };
    expect(chooseCodecs([webm], ['a'])).toEqual({
      mode: 'encode',
      why: 're-encoding to H.264/AAC: video vp9, audio opus cannot travel in FLV',
    });
  });

  it('joins entries that differ only in time base (MP4 timescales, FLV) by copying them one by one', () => {
    const timescale = { ...H264_AAC, video: { ...H264_AAC.video!, timeBase: '1/90000' } };
    expect(chooseCodecs([H264_AAC, H264_AAC, timescale], ['a.mp4', 'b.mp4', 'c.flv'])).toEqual({
      mode: 'join',
      readers: 'copy',
      target: { size: { width: 1280, height: 720 }, audio: true },
      why: 'joining entries one by one (a.mp4 and c.flv differ in video time base (1/12800 vs 1/90000))',
    });
  });

  it('normalises every entry to the first one’s size when they differ in more, or FLV cannot carry one', () => {
    const small = { ...H264_AAC, video: { ...H264_AAC.video!, width: 641, height: 361 } };
    expect(chooseCodecs([small, H264_AAC], ['a.mp4', 'b.mp4'])).toEqual({
      mode: 'join',
      readers: 'normalise',
      target: { size: { width: 640, height: 360 }, audio: true },
      why: 're-encoding every entry to 640x360 25 fps H.264/AAC (a.mp4 and b.mp4 differ in frame size (641x361 vs 1280x720))',
    });
    const vp9 = { ...H264_AAC, video: { ...H264_AAC.video!, codec: 'vp9', timeBase: '1/1000' } };
    expect(chooseCodecs([H264_AAC, vp9], ['a.mp4', 'b.webm'])).toMatchObject({ mode: 'join', readers: 'normalise' });
    const mono = { ...H264_AAC, audio: { ...H264_AAC.audio!, channels: 1 } };
    expect(chooseCodecs([H264_AAC, mono], ['a', 'b'])).toMatchObject({ mode: 'join', readers: 'normalise' });
  });

  it('refuses a list whose entries do not carry the same kinds of stream, naming them', () => {
    const silent: MediaProbe = { durationSeconds: 5, video: H264_AAC.video! };
    expect(chooseCodecs([H264_AAC, silent], ['a.mp4', 'b.mp4'])).toEqual({
      mode: 'refuse',
      why: 'a.mp4 carries video and audio and b.mp4 video; one publish needs the same kinds of stream throughout',
    });
  });

  it('refuses an input with neither audio nor video', () => {
    expect(chooseCodecs([{ durationSeconds: 1 }], ['a'])).toMatchObject({ mode: 'refuse' });
  });

  it('never refuses entries that carry the same kinds of stream; copies only what one publish can carry unchanged', () => {
    const video = fc.record({
      codec: fc.constantFrom('h264', 'hevc', 'vp9'),
      width: fc.constantFrom(320, 641, 1280),
      height: fc.constantFrom(240, 361, 720),
      pixelFormat: fc.constantFrom('yuv420p', 'yuv444p'),
      timeBase: fc.constantFrom('1/12800', '1/90000', '1/1000'),
    });
    const audio = fc.record({
      codec: fc.constantFrom('aac', 'opus'),
      sampleRate: fc.constantFrom(44_100, 48_000),
      channels: fc.constantFrom(1, 2),
    });
    const list = fc.tuple(fc.boolean(), fc.boolean()).chain(([hasVideo, hasAudio]) =>
      fc.array(
        fc.record({
          durationSeconds: fc.constant(2),
          ...(hasVideo ? { video } : {}),
          ...(hasAudio ? { audio } : {}),
        }),
        { minLength: 1, maxLength: 5 },
      ),
    );
    fc.assert(
      fc.property(list, (probes: MediaProbe[]) => {
        const choice = chooseCodecs(
          probes,
          probes.map((_, i) => `f${i}`),
        );
        const first = probes[0]!;
        if (first.video === undefined && first.audio === undefined) return choice.mode === 'refuse';
        const carried = probes.every(
          (p) => (p.video?.codec ?? 'h264') === 'h264' && (p.audio?.codec ?? 'aac') === 'aac',
        );
        const alike = probes.every((p) => JSON.stringify({ ...p }) === JSON.stringify({ ...first }));
        const alikeButTimeBase = probes.every(
          (p) =>
            JSON.stringify({ ...p, video: p.video && { ...p.video, timeBase: '' } }) ===
            JSON.stringify({ ...first, video: first.video && { ...first.video, timeBase: '' } }),
        );
        if (choice.mode === 'copy') return carried && alike;
        if (choice.mode === 'encode') return !carried && alike;
        if (choice.mode !== 'join') return false;
        if (alike) return false;
        const size = first.video && {
          width: first.video.width - (first.video.width % 2),
          height: first.video.height - (first.video.height % 2),
        };
        expect(choice.target).toEqual({ size, audio: first.audio !== undefined });
        return choice.readers === (carried && alikeButTimeBase ? 'copy' : 'normalise');
      }),
    );
  });
});

describe('chooseLiveCodecs', () => {
  it('copies H.264 and AAC, alone or together, and re-encodes anything else, saying what', () => {
    expect(chooseLiveCodecs({ video: { codec: 'h264' }, audio: { codec: 'aac' } })).toEqual({ mode: 'copy' });
    expect(chooseLiveCodecs({ video: { codec: 'h264' } })).toEqual({ mode: 'copy' });
    expect(chooseLiveCodecs({ audio: { codec: 'aac' } })).toEqual({ mode: 'copy' });
    expect(chooseLiveCodecs({ video: { codec: 'hevc' }, audio: { codec: 'aac' } })).toEqual({
      mode: 'encode',
      why: 're-encoding to H.264/AAC: video hevc cannot travel in FLV',
    });
  });

  it('refuses an input with neither audio nor video', () => {
    expect(chooseLiveCodecs({})).toEqual({ mode: 'refuse', why: 'no audio or video stream' });
  });

  it('chooses for one input as chooseCodecs does for a one-file list', () => {
    const codec = fc.option(fc.constantFrom('h264', 'aac', 'hevc', 'mp3', 'vp8'), { nil: undefined });
    fc.assert(
      fc.property(codec, codec, (video, audio) => {
        const probe: MediaProbe = {
          durationSeconds: 1,
          ...(video === undefined ? {} : { video: { ...H264_AAC.video!, codec: video } }),
          ...(audio === undefined ? {} : { audio: { ...H264_AAC.audio!, codec: audio } }),
        };
        expect(chooseLiveCodecs(probe)).toEqual(chooseCodecs([probe], ['a']));
      }),
    );
  });
});
