/** One line of the ffconcat list: a file and, for the first one played, where to start in it. */
export interface ConcatEntry {
  /** An http(s) URL or an absolute local path. */
  readonly url: string;
  /** Seconds into the file at which to start (a keyframe time, so `-c copy` starts exactly there). */
  readonly inpointSeconds: number;
}

/**
 * The text of an ffconcat list (`-f concat -safe 0`), which lets ffmpeg play several files as
 * one input and so push them as one RTMP publish. Quotes are escaped the concat way (`'\''`).
 */
export function concatList(entries: readonly ConcatEntry[]): string {
  const lines = ['ffconcat version 1.0'];
  for (const entry of entries) {
    lines.push(`file '${entry.url.replaceAll("'", "'\\''")}'`);
    if (entry.inpointSeconds > 0) lines.push(`inpoint ${entry.inpointSeconds.toFixed(6)}`);
  }
  return `${lines.join('\n')}\n`;
}
