import type { Readable } from 'node:stream';
import { isErrorLine } from './failure-class.js';

/** Error lines kept per process: the classification needs the last few only. */
export const KEPT_ERROR_LINES = 20;

/**
 * Collects the `[error]`/`[fatal]` lines of an ffmpeg's stderr (printed with `-v level+error`),
 * the last {@link KEPT_ERROR_LINES} of them, into `lines`. Call `flush` once the stream has
 * closed: a last line without a newline counts too.
 */
export function collectErrorLines(stderr: Readable | null): { lines: string[]; flush(): void } {
  const lines: string[] = [];
  let partial = '';
  const keep = (line: string): void => {
    if (!isErrorLine(line)) return;
    lines.push(line.trim());
    if (lines.length > KEPT_ERROR_LINES) lines.shift();
  };
  stderr?.setEncoding('utf8').on('data', (chunk: string) => {
    partial += chunk;
    const split = partial.split('\n');
    partial = split.pop() ?? '';
    for (const line of split) keep(line);
  });
  return {
    lines,
    flush() {
      if (partial !== '') keep(partial);
      partial = '';
    },
  };
}
