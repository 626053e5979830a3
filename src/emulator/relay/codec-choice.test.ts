import { describe, expect, it } from 'vitest';
import { chooseCodecs } from './codec-choice.js';
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
});
