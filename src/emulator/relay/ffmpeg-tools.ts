import { spawnSync } from 'node:child_process';
import { accessSync, constants } from 'node:fs';
import { delimiter, dirname, join } from 'node:path';
import { FfmpegMissingError } from './ffmpeg-missing-error.js';

/** The media tools a relay runs. */
export interface FfmpegTools {
  readonly ffmpeg: string;
  readonly ffprobe: string;
  /** e.g. `5.1.9-0+deb12u1`. */
  readonly version: string;
}

/**
 * Finds ffmpeg (at `path`, else on PATH) and the ffprobe beside it (else on PATH), and checks
 * that ffmpeg runs. Synchronous: it is called once, when the emulator starts.
 * @throws FfmpegMissingError with one line saying how to install it
 */
export function locateFfmpeg(path?: string): FfmpegTools {
  const ffmpeg = path ?? onPath('ffmpeg');
  if (ffmpeg === undefined) throw new FfmpegMissingError('ffmpeg is not on PATH');
  if (!isExecutable(ffmpeg)) throw new FfmpegMissingError(`${ffmpeg} is not an executable file`);
  const ran = spawnSync(ffmpeg, ['-hide_banner', '-version'], { encoding: 'utf8', timeout: 10_000 });
  const version = /^ffmpeg version (\S+)/.exec(ran.stdout ?? '')?.[1];
  if (ran.status !== 0 || version === undefined) throw new FfmpegMissingError(`${ffmpeg} does not run as ffmpeg`);
  const sibling = join(dirname(ffmpeg), 'ffprobe');
  const ffprobe = isExecutable(sibling) ? sibling : onPath('ffprobe');
  if (ffprobe === undefined) throw new FfmpegMissingError(`no ffprobe beside ${ffmpeg} or on PATH`);
  return { ffmpeg, ffprobe, version };
}

function onPath(name: string): string | undefined {
  return (process.env['PATH'] ?? '')
    .split(delimiter)
    .filter((dir) => dir !== '')
    .map((dir) => join(dir, name))
    .find(isExecutable);
}

function isExecutable(file: string): boolean {
  try {
    accessSync(file, constants.X_OK);
    return true;
  } catch {
    return false;
  }
}
