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

  it('refuses a list whose entries differ, naming them and the difference', () => {
    const timescale = { ...H264_AAC, video: { ...H264_AAC.video!, timeBase: '1/90000' } };
    expect(chooseCodecs([H264_AAC, H264_AAC, timescale], ['a.mp4', 'b.mp4', 'c.mp4'])).toEqual({
      mode: 'refuse',
      why: 'a.mp4 and c.mp4 differ in video time base (1/12800 vs 1/90000); one publish needs every entry encoded alike',
    });
  });

  it('refuses an input with neither audio nor video', () => {
    expect(chooseCodecs([{ durationSeconds: 1 }], ['a'])).toMatchObject({ mode: 'refuse' });
  });
});
