import type { CodecChoice } from './codec-choice.js';
import { NORMALISED_FPS } from './codec-choice.js';
import { ENCODE_ARGS } from './relay-args.js';
import { timeoutOptions } from './timeout-options.js';

export interface ReaderArgsOptions {
  /** The entry's file: an http(s) URL or a local path. */
  readonly url: string;
  /** Seconds into the file to start at (a keyframe when copying, so the copy starts exactly there). */
  readonly startSeconds: number;
  /** Where the entry's first frame goes on the joined timeline: the spans of the entries before it, in seconds. */
  readonly atSeconds: number;
  readonly codecs: Extract<CodecChoice, { mode: 'join' }>;
}

/**
 * ffmpeg's command line for one reader of a joined list (ffmpeg-relay-notes §1, "Mixed list"):
 * the entry as MPEG-TS on stdout, unpaced (the publisher's `-re` and the pipe hold it back), its
 * timestamps moved to `atSeconds` so that the publisher sees one continuous stream. MPEG-TS
 * carries any time base, so entries that differ only there are copied; the others are scaled and
 * padded to the target size, resampled to {@link NORMALISED_FPS} and 44.1 kHz stereo, and
 * re-encoded as the relay encodes.
 */
export function readerArgs(options: ReaderArgsOptions): string[] {
  const { url, startSeconds, atSeconds, codecs } = options;
  return [
    '-hide_banner',
    '-v',
    'level+error',
    '-nostdin',
    ...timeoutOptions(url),
    ...(startSeconds > 0 ? ['-ss', startSeconds.toFixed(6)] : []),
    '-i',
    url,
    ...(codecs.readers === 'copy' ? ['-c', 'copy'] : normalise(codecs.target)),
    '-output_ts_offset',
    atSeconds.toFixed(6),
    '-f',
    'mpegts',
    'pipe:1',
  ];
}

function normalise(target: Extract<CodecChoice, { mode: 'join' }>['target']): string[] {
  const video =
    target.size === undefined
      ? ['-vn']
      : [
          '-vf',
          `scale=${target.size.width}:${target.size.height}:force_original_aspect_ratio=decrease,` +
            `pad=${target.size.width}:${target.size.height}:(ow-iw)/2:(oh-ih)/2,fps=${NORMALISED_FPS}`,
        ];
  const audio = target.audio ? ['-af', 'aresample=44100,aformat=channel_layouts=stereo'] : ['-an'];
  return [...video, ...audio, ...ENCODE_ARGS];
}
