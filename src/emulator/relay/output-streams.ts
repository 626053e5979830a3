import type { StreamCodecs } from './codec-choice.js';

/** An output stream's line in ffmpeg's summary: `Stream #0:1(eng): Audio: aac (LC) (…), 44100 Hz, …`. */
const STREAM_LINE = /\bStream #0:\d+(?:\[[^\]]*\])?(?:\([^)]*\))?: (Video|Audio): ([^\s,(]+)/;

/**
 * Reads what a copying ffmpeg (`-v level+info`) says it writes, line by line: the streams of its
 * `Output #0` summary, which are the input streams ffmpeg's own selection picked, with their
 * codecs. The summary is complete at `Stream mapping:`, printed before the first packet is
 * written; the function returns the first video and audio stream of it there, and undefined for
 * every other line (after it too).
 */
export function createOutputStreamsReader(): (line: string) => StreamCodecs | undefined {
  let section: 'before' | 'output' | 'done' = 'before';
  let video: string | undefined;
  let audio: string | undefined;
  return (line) => {
    if (section === 'done') return undefined;
    if (section === 'before') {
      if (/\bOutput #0, /.test(line)) section = 'output';
      return undefined;
    }
    if (line.includes('Stream mapping:')) {
      section = 'done';
      return {
        ...(video === undefined ? {} : { video: { codec: video } }),
        ...(audio === undefined ? {} : { audio: { codec: audio } }),
      };
    }
    const stream = STREAM_LINE.exec(line);
    if (stream?.[1] === 'Video') video ??= stream[2];
    else if (stream?.[1] === 'Audio') audio ??= stream[2];
    return undefined;
  };
}
