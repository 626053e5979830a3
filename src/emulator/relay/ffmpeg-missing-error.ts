import { LiveError } from '../../errors/live-error.js';

/** `--relay` was asked for but ffmpeg (or its ffprobe) cannot be run. */
export class FfmpegMissingError extends LiveError {
  override readonly name = 'FfmpegMissingError';

  constructor(what: string) {
    super(`${what}; the real relay needs Debian's ffmpeg: apt-get install ffmpeg (or pass --ffmpeg PATH)`);
  }
}
