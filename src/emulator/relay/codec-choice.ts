import type { MediaProbe } from './media-probe.js';

/** How the relay turns its input into FLV. */
export type CodecChoice =
  | { mode: 'copy' }
  /** Re-encode to H.264/AAC; `why` goes into the task's log line. */
  | { mode: 'encode'; why: string }
  /**
   * The list's entries differ, so the concat demuxer cannot join them: one reader per entry feeds
   * MPEG-TS to a copying publisher (entry-feeder.ts). Readers `copy` when every entry is H.264/AAC
   * alike but for its time base (container or timescale); else they `normalise` every entry to
   * `target`. `why` names the entries and what differs.
   */
  | { mode: 'join'; readers: 'copy' | 'normalise'; target: NormaliseTarget; why: string }
  /** Nothing can be made of the input; `why` says what is wrong. */
  | { mode: 'refuse'; why: string };

/** The codecs of an input's video and audio stream: all that copy or re-encode of one input needs. */
export interface StreamCodecs {
  readonly video?: { readonly codec: string };
  readonly audio?: { readonly codec: string };
}

/** The one format a normalising reader writes: the first entry's frame size, at {@link NORMALISED_FPS}. */
export interface NormaliseTarget {
  /** Even frame width and height; undefined when no entry has video. */
  readonly size: { readonly width: number; readonly height: number } | undefined;
  readonly audio: boolean;
}

/** Frame rate of normalised entries: the relay's encoder settings assume it (a 2 s GOP is 50 frames). */
export const NORMALISED_FPS = 25;

/** What FLV carries without re-encoding (ffmpeg's flv muxer, as RTMP ingests accept it). */
const FLV_VIDEO = 'h264';
const FLV_AUDIO = 'aac';

/**
 * Copy a list (`-c copy`, about 1 % of a core) when every file is H.264/AAC and all have the same
 * codecs, frame size, pixel format, time base, sample rate and channels; the concat demuxer needs
 * "the same streams" or it produces garbage timestamps silently. Re-encode when the files agree
 * but FLV cannot carry them. A list whose entries differ is joined by one reader per entry
 * (ffmpeg-relay-notes §1, "Mixed list"); refused only when its entries do not even carry the same
 * kinds of stream (video, audio).
 * @param probes one per file of the list, in list order
 */
export function chooseCodecs(probes: readonly MediaProbe[], names: readonly string[]): CodecChoice {
  const first = probes[0];
  if (first === undefined) throw new RangeError('chooseCodecs needs at least one probe');
  if (first.video === undefined && first.audio === undefined)
    return { mode: 'refuse', why: 'no audio or video stream' };
  const name = (i: number): string => names[i] ?? `entry ${i}`;
  let differs: { index: number; what: string } | undefined;
  for (let i = 1; i < probes.length && differs === undefined; i += 1) {
    const probe = probes[i]!;
    if (
      (probe.video === undefined) !== (first.video === undefined) ||
      (probe.audio === undefined) !== (first.audio === undefined)
    ) {
      return {
        mode: 'refuse',
        why: `${name(0)} carries ${streams(first)} and ${name(i)} ${streams(probe)}; one publish needs the same kinds of stream throughout`,
      };
    }
    const what = difference(first, probe);
    if (what !== undefined) differs = { index: i, what };
  }
  const foreign = probes.flatMap(foreignCodecs);
  if (differs === undefined) return copyOrEncode(foreign);
  const between = `${name(0)} and ${name(differs.index)} differ in ${differs.what}`;
  const onlyTimeBase = foreign.length === 0 && probes.every((probe) => difference(first, probe, false) === undefined);
  const target: NormaliseTarget = {
    size: first.video === undefined ? undefined : { width: even(first.video.width), height: even(first.video.height) },
    audio: first.audio !== undefined,
  };
  if (onlyTimeBase) return { mode: 'join', readers: 'copy', target, why: `joining entries one by one (${between})` };
  const format =
    target.size === undefined ? 'AAC' : `${target.size.width}x${target.size.height} ${NORMALISED_FPS} fps H.264/AAC`;
  return { mode: 'join', readers: 'normalise', target, why: `re-encoding every entry to ${format} (${between})` };
}

/**
 * Copy a live input (`-c copy`) when it is H.264/AAC, else re-encode it; refuse one with neither
 * audio nor video.
 */
export function chooseLiveCodecs(input: StreamCodecs): Exclude<CodecChoice, { mode: 'join' }> {
  if (input.video === undefined && input.audio === undefined)
    return { mode: 'refuse', why: 'no audio or video stream' };
  return copyOrEncode(foreignCodecs(input));
}

/** An input's codecs that FLV cannot carry, as `video hevc`. */
function foreignCodecs(input: StreamCodecs): string[] {
  return [
    ...(input.video !== undefined && input.video.codec !== FLV_VIDEO ? [`video ${input.video.codec}`] : []),
    ...(input.audio !== undefined && input.audio.codec !== FLV_AUDIO ? [`audio ${input.audio.codec}`] : []),
  ];
}

function copyOrEncode(foreign: readonly string[]): Extract<CodecChoice, { mode: 'copy' | 'encode' }> {
  if (foreign.length === 0) return { mode: 'copy' };
  return { mode: 'encode', why: `re-encoding to H.264/AAC: ${foreign.join(', ')} cannot travel in FLV` };
}

function streams(probe: StreamCodecs): string {
  return [probe.video === undefined ? undefined : 'video', probe.audio === undefined ? undefined : 'audio']
    .filter((kind) => kind !== undefined)
    .join(' and ');
}

function even(pixels: number): number {
  return Math.max(2, pixels - (pixels % 2));
}

/** The first field in which two inputs differ; with `timeBase` false, the video time base is not compared. */
function difference(a: MediaProbe, b: MediaProbe, timeBase = true): string | undefined {
  const fields: [string, unknown, unknown][] = [
    ['video codec', a.video?.codec, b.video?.codec],
    ['frame size', size(a), size(b)],
    ['pixel format', a.video?.pixelFormat, b.video?.pixelFormat],
    ['video time base', timeBase ? a.video?.timeBase : undefined, timeBase ? b.video?.timeBase : undefined],
    ['audio codec', a.audio?.codec, b.audio?.codec],
    ['sample rate', a.audio?.sampleRate, b.audio?.sampleRate],
    ['channels', a.audio?.channels, b.audio?.channels],
  ];
  const found = fields.find(([, x, y]) => x !== y);
  return found === undefined
    ? undefined
    : `${found[0]} (${String(found[1] ?? 'none')} vs ${String(found[2] ?? 'none')})`;
}

function size(probe: MediaProbe): string | undefined {
  return probe.video === undefined ? undefined : `${probe.video.width}x${probe.video.height}`;
}
