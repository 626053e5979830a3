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
 * `next`, when given, is a further list (an absolute path) played after the entries: ffmpeg opens
 * it only when it gets there, so it can be written while the entries play, or never (see
 * list-continuation.ts). It inherits the protocol whitelist, not `-safe 0`, hence its option line.
 */
export function concatList(entries: readonly ConcatEntry[], next?: string): string {
  const lines = ['ffconcat version 1.0'];
  for (const entry of entries) {
    lines.push(`file ${quoted(entry.url)}`);
    if (entry.inpointSeconds > 0) lines.push(`inpoint ${entry.inpointSeconds.toFixed(6)}`);
  }
  if (next !== undefined) lines.push(`file ${quoted(next)}`, 'option safe 0');
  return `${lines.join('\n')}\n`;
}

function quoted(url: string): string {
  return `'${url.replaceAll("'", "'\\''")}'`;
}
