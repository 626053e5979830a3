import type { MediaProbe } from './media-probe.js';

/** How the relay turns its input into FLV. */
export type CodecChoice =
  | { mode: 'copy' }
  /** Re-encode to H.264/AAC; `why` goes into the task's log line. */
  | { mode: 'encode'; why: string }
  /** The list cannot be joined into one publish; `why` names the entries and what differs. */
  | { mode: 'refuse'; why: string };

/** What FLV carries without re-encoding (ffmpeg's flv muxer, as RTMP ingests accept it). */
const FLV_VIDEO = 'h264';
const FLV_AUDIO = 'aac';

/**
 * Copy (`-c copy`, about 1 % of a core) when every input is H.264/AAC and, for a list, every
 * entry has the same codecs, frame size, pixel format, time base, sample rate and channels;
 * the concat demuxer needs "the same streams" or it produces garbage timestamps silently.
 * Re-encode when the inputs agree but FLV cannot carry them. Refuse a list whose entries differ.
 * @param probes one per input, in list order (one for a live source)
 */
export function chooseCodecs(probes: readonly MediaProbe[], names: readonly string[]): CodecChoice {
  const first = probes[0];
  if (first === undefined) throw new RangeError('chooseCodecs needs at least one probe');
  for (let i = 1; i < probes.length; i += 1) {
    const differs = difference(first, probes[i]!);
    if (differs !== undefined) {
      return {
        mode: 'refuse',
        why: `${names[0] ?? 'entry 0'} and ${names[i] ?? `entry ${i}`} differ in ${differs}; one publish needs every entry encoded alike`,
      };
    }
  }
  if (first.video === undefined && first.audio === undefined)
    return { mode: 'refuse', why: 'no audio or video stream' };
  const foreign = [
    first.video !== undefined && first.video.codec !== FLV_VIDEO ? `video ${first.video.codec}` : undefined,
    first.audio !== undefined && first.audio.codec !== FLV_AUDIO ? `audio ${first.audio.codec}` : undefined,
  ].filter((text) => text !== undefined);
  if (foreign.length === 0) return { mode: 'copy' };
  return { mode: 'encode', why: `re-encoding to H.264/AAC: ${foreign.join(', ')} cannot travel in FLV` };
}

function difference(a: MediaProbe, b: MediaProbe): string | undefined {
  const fields: [string, unknown, unknown][] = [
    ['video codec', a.video?.codec, b.video?.codec],
    ['frame size', size(a), size(b)],
    ['pixel format', a.video?.pixelFormat, b.video?.pixelFormat],
    ['video time base', a.video?.timeBase, b.video?.timeBase],
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
