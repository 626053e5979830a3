import { join } from 'node:path';

/**
 * A relay's list can grow while ffmpeg plays it (a RepeatNumber raised while Running): its last
 * line names a further list, `more-1.ffconcat`, that ffmpeg opens only once it gets there. Written
 * in time, it plays on in the same publish (and names `more-2.ffconcat`); never written, ffmpeg
 * ends there, exactly at the planned end, with the two error lines this module recognises.
 */

/** The `n`th (1-based) list that may continue the relay's list in `dir`. */
export function continuationFile(dir: string, n: number): string {
  return join(dir, `more-${n}.ffconcat`);
}

/** How a list ended, as far as its continuations tell. */
export interface ContinuationEnd {
  /** The continuation ffmpeg found missing, where the list ended as planned; undefined: none. */
  readonly missing: number | undefined;
  /** The error lines that remain once the ones the missing continuation caused are removed. */
  readonly errorLines: string[];
}

/**
 * Reads ffmpeg's error lines for a missing continuation of `listFile` (whose continuations live
 * in `dir`): `Impossible to open '<dir>/more-<n>.ffconcat'`, then lines naming `<listFile>:`.
 * Every other line is kept for the failure classification.
 */
export function continuationEnd(errorLines: readonly string[], dir: string, listFile: string): ContinuationEnd {
  const opening = new RegExp(`Impossible to open '${escapeRegExp(join(dir, 'more-'))}(\\d+)\\.ffconcat'`);
  let missing: number | undefined;
  const kept = errorLines.filter((line) => {
    const match = opening.exec(line);
    if (match !== null) {
      missing = Number(match[1]);
      return false;
    }
    return true;
  });
  if (missing === undefined) return { missing, errorLines: kept };
  // The list's input then fails as a whole: `No such file or directory`, and `Input/output error`
  // once more per decoder flushed when re-encoding. A source's own failure names the source.
  return { missing, errorLines: kept.filter((line) => !line.includes(`${listFile}: `)) };
}

function escapeRegExp(text: string): string {
  return text.replace(/[.*+?^${}()|[\]\\]/g, '\\$&');
}
