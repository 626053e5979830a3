import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { createOutputStreamsReader } from './output-streams.js';

/** What ffmpeg 5.1 printed copying a live HTTP-FLV source to NUT (`-v level+info`). */
const SUMMARY = [
  "[info] Input #0, flv, from 'http://127.0.0.1:18444/live.flv':",
  '[info]   Metadata:',
  '[info]     encoder         : Lavf59.27.100',
  '[info]   Duration: 00:00:20.00, start: 0.000000, bitrate: N/A',
  '[info]   Stream #0:0: Video: vp6f, yuv420p, 320x240, 25 fps, 25 tbr, 1k tbn',
  '[info]   Stream #0:1: Audio: mp3, 44100 Hz, mono, fltp, 64 kb/s',
  "[info] Output #0, nut, to 'pipe:1':",
  '[info]   Metadata:',
  '[info]     encoder         : Lavf59.27.100',
  '[info]   Stream #0:0: Video: h264 (High 4:4:4 Predictive) (H264 / 0x34363248), yuv444p(progressive), 320x240 [SAR 1:1 DAR 4:3], q=2-31, 25 fps, 25 tbr, 64k tbn',
  '[info]   Stream #0:1: Audio: aac (LC) ([255][0][0][0] / 0x00FF), 44100 Hz, mono, fltp, 69 kb/s',
  '[info] Stream mapping:',
  '[info]   Stream #0:0 -> #0:0 (copy)',
  '[info]   Stream #0:1 -> #0:1 (copy)',
  '[info]   Stream #0:2: Video: hevc',
];

function read(lines: readonly string[]) {
  const reader = createOutputStreamsReader();
  return lines.map(reader).filter((result) => result !== undefined);
}

describe('createOutputStreamsReader', () => {
  it("answers once, at `Stream mapping:`, with the output's streams, not the input's", () => {
    expect(read(SUMMARY)).toEqual([{ video: { codec: 'h264' }, audio: { codec: 'aac' } }]);
  });

  it('answers nothing until the summary is complete', () => {
    expect(read(SUMMARY.slice(0, 11))).toEqual([]);
    expect(read(['[error] http://x/live.flv: Connection refused'])).toEqual([]);
  });

  it('reads stream ids, languages and an audio-only output, keeping the first stream of a kind', () => {
    const lines = [
      "[info] Output #0, nut, to 'pipe:1':",
      '[info]   Stream #0:0[0x1](eng): Audio: mp3, 48000 Hz, stereo, fltp',
      '[info]   Stream #0:1(und): Audio: aac (LC), 44100 Hz, mono, fltp',
      '[info] Stream mapping:',
    ];
    expect(read(lines)).toEqual([{ audio: { codec: 'mp3' } }]);
  });

  it('finds any codec name in any decoration of the stream line', () => {
    const name = fc.stringMatching(/^[a-z0-9_]{1,12}$/);
    const id = fc.constantFrom('', '[0x100]', '[0x1]');
    const language = fc.constantFrom('', '(eng)', '(und)');
    const rest = fc.constantFrom('', ' (High)', ', yuv420p, 640x360', ' (LC) (mp4a / 0x6134706D), 44100 Hz');
    fc.assert(
      fc.property(name, name, id, language, rest, (video, audio, streamId, lang, tail) => {
        const lines = [
          "[info] Output #0, nut, to 'pipe:1':",
          `[info]   Stream #0:0${streamId}${lang}: Video: ${video}${tail}`,
          `[info]   Stream #0:1${streamId}${lang}: Audio: ${audio}${tail}`,
          '[info] Stream mapping:',
        ];
        expect(read(lines)).toEqual([{ video: { codec: video }, audio: { codec: audio } }]);
      }),
    );
  });
});
