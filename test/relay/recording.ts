import { spawn } from 'node:child_process';
import { COLOURS, type Colour } from './clips.js';

/** Samples per second when reading a recording's colours. */
const SAMPLES_PER_SECOND = 10;

/** What arrived at the RTMP server, decoded. */
export interface Received {
  /** Seconds of video received (frames / frame rate as decoded). */
  seconds: number;
  /** Frame size, `<width>x<height>`. */
  size: string;
  /** The colours in order, each with how long it lasted, in seconds (runs shorter than 0.3 s are dropped as join noise). */
  runs: { colour: Colour; seconds: number }[];
}

/** Decodes a recording at 10 samples per second, one pixel each, and names the colours. */
export async function readRecording(file: string): Promise<Received> {
  const pixels = await capture('ffmpeg', [
    '-v',
    'error',
    '-i',
    file,
    '-vf',
    `fps=${SAMPLES_PER_SECOND},scale=1:1`,
    '-f',
    'rawvideo',
    '-pix_fmt',
    'rgb24',
    'pipe:1',
  ]);
  const runs: { colour: Colour; seconds: number }[] = [];
  for (let i = 0; i + 2 < pixels.length; i += 3) {
    const colour = nearest(pixels[i]!, pixels[i + 1]!, pixels[i + 2]!);
    const last = runs.at(-1);
    if (last?.colour === colour) last.seconds += 1 / SAMPLES_PER_SECOND;
    else runs.push({ colour, seconds: 1 / SAMPLES_PER_SECOND });
  }
  const solid = runs.filter((run) => run.seconds >= 0.3);
  const merged: typeof runs = [];
  for (const run of solid) {
    const last = merged.at(-1);
    if (last?.colour === run.colour) last.seconds += run.seconds;
    else merged.push({ ...run });
  }
  return { ...(await videoStream(file)), runs: merged.map((run) => ({ ...run, seconds: round(run.seconds) })) };
}

/** Video duration (packets over frame rate) and frame size, as ffprobe reads the file. */
async function videoStream(file: string): Promise<{ seconds: number; size: string }> {
  const text = (
    await capture('ffprobe', [
      '-v',
      'error',
      '-select_streams',
      'v:0',
      '-count_packets',
      '-show_entries',
      'stream=nb_read_packets,avg_frame_rate,width,height',
      '-of',
      'json',
      file,
    ])
  ).toString();
  const stream = (JSON.parse(text) as { streams: Record<string, string | number>[] }).streams[0] ?? {};
  const [num, den] = String(stream['avg_frame_rate'] ?? '25/1')
    .split('/')
    .map(Number);
  return {
    seconds: round(Number(stream['nb_read_packets']) / ((num ?? 25) / (den || 1))),
    size: `${String(stream['width'])}x${String(stream['height'])}`,
  };
}

function nearest(r: number, g: number, b: number): Colour {
  let best: Colour = 'red';
  let bestDistance = Infinity;
  for (const [name, [cr, cg, cb]] of Object.entries(COLOURS) as [Colour, readonly [number, number, number]][]) {
    const distance = (r - cr) ** 2 + (g - cg) ** 2 + (b - cb) ** 2;
    if (distance < bestDistance) {
      best = name;
      bestDistance = distance;
    }
  }
  return best;
}

function round(seconds: number): number {
  return Math.round(seconds * 100) / 100;
}

function capture(command: string, args: readonly string[]): Promise<Buffer> {
  return new Promise((resolve, reject) => {
    const child = spawn(command, args, { stdio: ['ignore', 'pipe', 'pipe'] });
    const chunks: Buffer[] = [];
    let stderr = '';
    child.stdout.on('data', (chunk: Buffer) => chunks.push(chunk));
    child.stderr.setEncoding('utf8').on('data', (chunk: string) => (stderr += chunk));
    child.once('error', reject);
    child.once('close', (code) =>
      code === 0 ? resolve(Buffer.concat(chunks)) : reject(new Error(`${command} ${args.join(' ')}: ${stderr}`)),
    );
  });
}
