import type { Readable } from 'node:stream';
import type { FaultReason } from '../lifecycle/task-record.js';

/** What ended a relay process, as far as its stderr and exit status tell. */
export type ProcessOutcome =
  | { kind: 'finished' }
  | { kind: 'failed'; reason: FaultReason /** ffmpeg's own error line (unmasked). */; detail: string };

export interface ExitFacts {
  /** Exit status; null when a signal ended it. */
  code: number | null;
  /** The `[error]` and `[fatal]` lines ffmpeg printed (with `-v level+error`), in order. */
  errorLines: readonly string[];
  /** The destination URL exactly as passed to ffmpeg. */
  destination: string;
  /** The inputs ffmpeg was told to open: the live URL, or the list file and its entries. */
  sources: readonly string[];
  /** For a list: whether the output reached the list's end (out_time within 1 s of it). */
  reachedListEnd: boolean;
}

/**
 * Classifies an exit the relay did not ask for, from ffmpeg's error lines (see
 * shared/docs/ffmpeg-relay-notes.md §2, where it was checked against every recorded signature):
 * a line naming the destination, or a write/trailer error, is the push side; a line naming a
 * source or the list, or a concat entry that cannot be opened, is the pull side; a list that
 * reached its end finished; anything else is the source ending (rc 0 is not success: a live
 * source that stops, or an HTTP server that dies mid-file, exits 0).
 */
export function classifyExit(facts: ExitFacts): ProcessOutcome {
  const lines = facts.errorLines;
  const push = lines.find(
    (line) =>
      line.includes(`${facts.destination}:`) ||
      line.includes('av_interleaved_write_frame()') ||
      line.includes('Error writing trailer of'),
  );
  if (push !== undefined) return { kind: 'failed', reason: 'PushStreamFailed', detail: errorText(push) };
  const pull = lines.find(
    (line) => line.includes('Impossible to open') || facts.sources.some((source) => line.includes(`${source}:`)),
  );
  if (pull !== undefined) return { kind: 'failed', reason: 'PullStreamFailed', detail: errorText(pull) };
  if (facts.code === 0 && facts.reachedListEnd) return { kind: 'finished' };
  const last = lines.at(-1);
  return {
    kind: 'failed',
    reason: 'PullStreamFailed',
    detail:
      last !== undefined
        ? errorText(last)
        : facts.code === 0
          ? 'the source ended'
          : `ffmpeg exited with status ${String(facts.code)}`,
  };
}

/** Whether an ffmpeg stderr line (printed with `-v level+error`) is an error worth keeping. */
export function isErrorLine(line: string): boolean {
  return line.includes('[error]') || line.includes('[fatal]');
}

/** The line without ffmpeg's `[component @ 0x…]` and `[error]` prefixes. */
export function errorText(line: string): string {
  return line
    .replace(/\[[^\]]*@ 0x[0-9a-f]+\]\s*/gi, '')
    .replace(/\[(error|fatal)\]\s*/gi, '')
    .trim();
}

/** Error lines kept per process: the classification needs the last few only. */
const KEPT_ERROR_LINES = 20;

/**
 * Collects the `[error]`/`[fatal]` lines of an ffmpeg's stderr (printed with `-v level+error` or
 * a lower level), the last {@link KEPT_ERROR_LINES} of them, into `lines`, and hands every line to
 * `onLine`. Call `flush` once the stream has closed: a last line without a newline counts too.
 */
export function collectErrorLines(
  stderr: Readable | null,
  onLine?: (line: string) => void,
): { lines: string[]; flush(): void } {
  const lines: string[] = [];
  let partial = '';
  const keep = (line: string): void => {
    onLine?.(line);
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
