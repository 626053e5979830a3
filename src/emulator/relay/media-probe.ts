import { runTool } from './run-tool.js';
import { timeoutOptions } from './timeout-options.js';

/** What ffprobe says about one input: enough to choose copy or re-encode and to place joins. */
export interface MediaProbe {
  /** Container duration in seconds; undefined for a live stream. */
  durationSeconds: number | undefined;
  video?: { codec: string; width: number; height: number; pixelFormat: string; timeBase: string };
  audio?: { codec: string; sampleRate: number; channels: number };
}

/** How long one probe may take before the input counts as unreachable, in ms (a live RTMP probe takes about 2 s). */
export const PROBE_TIMEOUT_MS = 15_000;

interface ProbeJson {
  format?: { duration?: string };
  streams?: {
    codec_type?: string;
    codec_name?: string;
    width?: number;
    height?: number;
    pix_fmt?: string;
    time_base?: string;
    sample_rate?: string;
    channels?: number;
  }[];
}

/**
 * Probes an input with ffprobe (the first video and first audio stream count, as ffmpeg's default
 * stream selection picks them). Rejects with ffprobe's own error line when it cannot open it.
 */
export async function probeMedia(ffprobe: string, input: string, signal?: AbortSignal): Promise<MediaProbe> {
  const result = await runTool(
    ffprobe,
    [
      '-v',
      'error',
      ...timeoutOptions(input),
      '-show_entries',
      'format=duration:stream=codec_type,codec_name,width,height,pix_fmt,time_base,sample_rate,channels',
      '-of',
      'json',
      input,
    ],
    { timeoutMs: PROBE_TIMEOUT_MS, ...(signal === undefined ? {} : { signal }) },
  );
  const json = JSON.parse(result.stdout) as ProbeJson;
  const streams = json.streams ?? [];
  const video = streams.find((stream) => stream.codec_type === 'video');
  const audio = streams.find((stream) => stream.codec_type === 'audio');
  const duration = Number(json.format?.duration);
  return {
    durationSeconds: Number.isFinite(duration) && duration > 0 ? duration : undefined,
    ...(video === undefined
      ? {}
      : {
          video: {
            codec: video.codec_name ?? 'unknown',
            width: video.width ?? 0,
            height: video.height ?? 0,
            pixelFormat: video.pix_fmt ?? 'unknown',
            timeBase: video.time_base ?? 'unknown',
          },
        }),
    ...(audio === undefined
      ? {}
      : {
          audio: {
            codec: audio.codec_name ?? 'unknown',
            sampleRate: Number(audio.sample_rate ?? 0),
            channels: audio.channels ?? 0,
          },
        }),
  };
}

/**
 * The time of the last video keyframe at or before `offsetSeconds`: a `-c copy` relay can only
 * start on a keyframe, so that is where playback really starts (0 when there is no video).
 */
export async function keyframeAtOrBefore(
  ffprobe: string,
  input: string,
  offsetSeconds: number,
  signal?: AbortSignal,
): Promise<number> {
  const result = await runTool(
    ffprobe,
    [
      '-v',
      'error',
      ...timeoutOptions(input),
      '-select_streams',
      'v:0',
      '-show_entries',
      'packet=pts_time,flags',
      '-of',
      'csv=p=0',
      '-read_intervals',
      `%+${offsetSeconds + 0.001}`,
      input,
    ],
    { timeoutMs: PROBE_TIMEOUT_MS, ...(signal === undefined ? {} : { signal }) },
  );
  let best = 0;
  for (const line of result.stdout.split('\n')) {
    const [time, flags] = line.trim().split(',');
    const seconds = Number(time);
    if (flags?.startsWith('K') && Number.isFinite(seconds) && seconds <= offsetSeconds + 1e-6 && seconds > best)
      best = seconds;
  }
  return best;
}
