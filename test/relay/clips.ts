import { spawn } from 'node:child_process';
import { readFile } from 'node:fs/promises';
import { join } from 'node:path';

/** Solid colours the clips are told apart by, as RGB. */
export const COLOURS = {
  red: [255, 0, 0],
  green: [0, 255, 0],
  blue: [0, 0, 255],
  yellow: [255, 255, 0],
} as const;

export type Colour = keyof typeof COLOURS;

/** 25 fps with a keyframe every second, so an Offset snaps to whole seconds. */
export const FPS = 25;

/** How a clip differs from the default 320x240 H.264/AAC MP4 at 44.1 kHz. */
export interface ClipFormat {
  /** `flv` gives a 1/1000 time base where the MP4 has 1/12800: a list the concat demuxer cannot join. */
  readonly container?: 'mp4' | 'flv';
  readonly size?: string;
  readonly sampleRate?: number;
}

/**
 * Writes a small H.264/AAC clip (320x240 MP4 unless `format` says otherwise, one keyframe per
 * second, a tone) of one solid colour from ffmpeg's lavfi sources, moov first so any HTTP server
 * can serve it.
 */
export async function makeClip(
  dir: string,
  colour: Colour,
  seconds: number,
  tone = 440,
  format: ClipFormat = {},
): Promise<string> {
  const { container = 'mp4', size = '320x240', sampleRate = 44_100 } = format;
  const file = join(dir, `${colour}-${seconds}s${size === '320x240' ? '' : `-${size}`}.${container}`);
  await ffmpeg([
    ...colourAndTone({ colour, size, seconds, tone, sampleRate }),
    '-c:v',
    'libx264',
    '-preset',
    'ultrafast',
    '-g',
    String(FPS),
    '-pix_fmt',
    'yuv420p',
    '-c:a',
    'aac',
    '-shortest',
    ...(container === 'mp4' ? ['-movflags', '+faststart'] : []),
    file,
  ]);
  return file;
}

/** A VP9/Opus WebM clip: media FLV cannot carry, which the relay must re-encode. */
export async function makeWebmClip(dir: string, colour: Colour, seconds: number): Promise<string> {
  const file = join(dir, `${colour}-${seconds}s.webm`);
  await ffmpeg([
    ...colourAndTone({ colour, size: '160x120', seconds, tone: 440, sampleRate: 48_000 }),
    '-c:v',
    'libvpx-vp9',
    '-deadline',
    'realtime',
    '-cpu-used',
    '8',
    '-c:a',
    'libopus',
    '-shortest',
    file,
  ]);
  return file;
}

/** ffmpeg's lavfi inputs for a clip: a solid `colour` picture at {@link FPS} and a sine `tone`, `seconds` long. */
function colourAndTone(clip: {
  colour: Colour;
  size: string;
  seconds: number;
  tone: number;
  sampleRate: number;
}): string[] {
  const { colour, size, seconds, tone, sampleRate } = clip;
  return [
    '-f',
    'lavfi',
    '-i',
    `color=c=${colour}:s=${size}:r=${FPS}:d=${seconds}`,
    '-f',
    'lavfi',
    '-i',
    `sine=frequency=${tone}:sample_rate=${sampleRate}:duration=${seconds}`,
  ];
}

/** Runs ffmpeg to completion; rejects with its stderr on failure. */
export function ffmpeg(args: readonly string[]): Promise<void> {
  return new Promise((resolve, reject) => {
    const child = spawn('ffmpeg', ['-hide_banner', '-v', 'error', '-y', ...args], {
      stdio: ['ignore', 'ignore', 'pipe'],
    });
    let stderr = '';
    child.stderr.setEncoding('utf8').on('data', (chunk: string) => (stderr += chunk));
    child.once('error', reject);
    child.once('close', (code) => (code === 0 ? resolve() : reject(new Error(`ffmpeg ${args.join(' ')}: ${stderr}`))));
  });
}

/** A live source: ffmpeg sending a file in a loop at real time until stopped. */
export interface LivePublisher {
  /** SIGKILL: the source dies without a word. */
  kill(): Promise<void>;
}

/** Pushes `file` to an RTMP server as FLV. */
export function publishLive(file: string, url: string): LivePublisher {
  return loopLive(file, ['-f', 'flv', url]);
}

/**
 * Serves `file` to one client and no other, in `format`: over HTTP with ffmpeg's `-listen 1` (the
 * first connection takes the stream), or as an SRT listener (`srt://…?mode=listener`, one
 * caller). Resolves once it listens, seen in /proc/net without connecting, which would take the
 * one connection.
 */
export async function serveLive(file: string, url: string, format = 'flv'): Promise<LivePublisher> {
  const { protocol, port } = new URL(url);
  const srt = protocol === 'srt:';
  const publisher = loopLive(file, ['-f', format, ...(srt ? [] : ['-listen', '1']), url]);
  const table = srt ? '/proc/net/udp' : '/proc/net/tcp';
  // A local address ends in the port in hex; TCP's state 0A is LISTEN, a bound UDP socket is 07.
  const bound = new RegExp(
    `^\\s*\\d+: [0-9A-F]+:${Number(port).toString(16).toUpperCase().padStart(4, '0')} [0-9A-F:]+ ${srt ? '07' : '0A'} `,
    'm',
  );
  const deadline = Date.now() + 10_000;
  while (!bound.test(await readFile(table, 'utf8'))) {
    if (Date.now() > deadline) {
      await publisher.kill();
      throw new Error(`ffmpeg serving ${url} did not listen within 10 s`);
    }
    await new Promise((resolve) => setTimeout(resolve, 50));
  }
  return publisher;
}

/** ffmpeg sending `file` in a loop at real time, copying, to the output that `output` names. */
function loopLive(file: string, output: readonly string[]): LivePublisher {
  const child = spawn(
    'ffmpeg',
    ['-hide_banner', '-v', 'error', '-re', '-stream_loop', '-1', '-i', file, '-c', 'copy', ...output],
    { stdio: ['ignore', 'ignore', 'ignore'] },
  );
  const exited = new Promise<void>((resolve) => child.once('exit', () => resolve()));
  return {
    async kill() {
      if (child.exitCode === null && child.signalCode === null) child.kill('SIGKILL');
      await exited;
    },
  };
}
