import { type CodecChoice, NORMALISED_FPS } from './codec-choice.js';
import { timeoutOptions } from './timeout-options.js';

/** What one relay process reads. */
export type RelayInputArgs =
  /** A live stream as its reader passes it on (live-reader.ts): NUT on `pipe:3`, as it arrives. */
  | { readonly kind: 'live' }
  /** An ffconcat list of files, paced at real time and pushed as one publish. */
  | { readonly kind: 'list'; readonly listFile: string }
  /** MPEG-TS on `pipe:3`, written by one reader per entry (entry-feeder.ts), paced at real time. */
  | { readonly kind: 'joined' };

export interface RelayArgsOptions {
  readonly input: RelayInputArgs;
  /** `copy` remuxes (about 1 % of a core); `encode` re-encodes to H.264/AAC (about 25 %). */
  readonly codecs: 'copy' | 'encode';
  /** The task's DstUrl (RTMP). */
  readonly destination: string;
  /** Stop after this many seconds of output (the time left until EndTime). */
  readonly maxSeconds?: number;
}

/**
 * Seconds of a joined list's MPEG-TS the publisher reads to learn its streams, before it starts
 * (ffmpeg's default, 5 s, would wait for 5 s of media that a list held open for growth may not have yet).
 */
export const JOINED_ANALYZE_SECONDS = 1;

/**
 * Seconds of a live reader's NUT the publisher may read to learn its streams. NUT's header names
 * them, so it rarely needs any; the reader has already spent the source's own analysis.
 */
const LIVE_ANALYZE_SECONDS = 0.5;

/** How often ffmpeg reports progress, in seconds: the resolution of CurrentOffset. */
export const PROGRESS_PERIOD_SECONDS = 0.5;

/** Re-encoding: x264 tuned for a live ingest (2 s GOP at 25 fps) and AAC at 44.1 kHz, as FLV wants. */
const ENCODE_ARGS: readonly string[] = [
  '-c:v',
  'libx264',
  '-preset',
  'veryfast',
  '-tune',
  'zerolatency',
  '-g',
  '50',
  '-pix_fmt',
  'yuv420p',
  '-c:a',
  'aac',
  '-ar',
  '44100',
];

/**
 * ffmpeg's command line for one relay (see shared/docs/ffmpeg-relay-notes.md §1). Errors only,
 * each tagged with its level so failures can be classified; progress blocks on stdout; `q` on
 * stdin stops it cleanly. A list is read with `-re` (real-time pacing) through the concat
 * demuxer, or, when its entries differ, as the MPEG-TS its readers write; a live input, from its
 * reader, is not paced (it arrives at its own rate). Every read from the network and the RTMP
 * write are bounded by a 5 s stall timeout, without which a silent peer hangs ffmpeg forever.
 */
export function relayArgs(options: RelayArgsOptions): string[] {
  const input =
    options.input.kind === 'live'
      ? ['-analyzeduration', String(LIVE_ANALYZE_SECONDS * 1e6), '-f', 'nut', '-i', 'pipe:3']
      : options.input.kind === 'joined'
        ? ['-re', '-analyzeduration', String(JOINED_ANALYZE_SECONDS * 1e6), '-f', 'mpegts', '-i', 'pipe:3']
        : [
            '-re',
            '-f',
            'concat',
            '-safe',
            '0',
            '-protocol_whitelist',
            'file,http,https,tcp,tls',
            '-i',
            options.input.listFile,
          ];
  return [
    '-hide_banner',
    '-v',
    'level+error',
    '-nostats',
    '-stats_period',
    String(PROGRESS_PERIOD_SECONDS),
    '-progress',
    'pipe:1',
    ...input,
    ...(options.codecs === 'copy' ? ['-c', 'copy'] : ENCODE_ARGS),
    ...(options.maxSeconds === undefined ? [] : ['-t', options.maxSeconds.toFixed(3)]),
    '-f',
    'flv',
    '-flvflags',
    'no_duration_filesize',
    ...timeoutOptions(options.destination),
    options.destination,
  ];
}

/**
 * ffmpeg's command line for a live source's reader: the streams ffmpeg's default selection picks
 * (not subtitles or data, which FLV does not carry), copied as NUT to stdout for the publisher.
 * NUT carries any codec, so the publisher can still re-encode what FLV cannot carry. At `info`
 * level, so that it prints the summary of what it copies (output-streams.ts); errors keep their
 * level tag for the classification.
 */
export function liveReaderArgs(url: string): string[] {
  return [
    '-hide_banner',
    '-v',
    'level+info',
    '-nostdin',
    '-nostats',
    ...timeoutOptions(url),
    '-i',
    url,
    '-sn',
    '-dn',
    '-c',
    'copy',
    '-f',
    'nut',
    'pipe:1',
  ];
}

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
