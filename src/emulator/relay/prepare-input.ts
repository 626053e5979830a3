import { mkdtemp, rename, rm, writeFile } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { type CodecChoice, chooseCodecs, chooseLiveCodecs, type StreamCodecs } from './codec-choice.js';
import { concatList } from './concat-list.js';
import { EntryFeeder } from './entry-feeder.js';
import type { TimedEntry } from './entry-timeline.js';
import type { RunExit } from './ffmpeg-run.js';
import { InputRefusedError, probeRefusal } from './input-refused-error.js';
import { continuationEnd, continuationFile } from './list-continuation.js';
import type { ListProbes } from './list-probes.js';
import type { LiveReader } from './live-reader.js';
import { maskUrl } from './mask-secrets.js';
import { keyframeAtOrBefore, type MediaProbe } from './media-probe.js';
import { JOINED_ANALYZE_SECONDS } from './relay-args.js';
import type { ProcessLedger } from './relay-ledger.js';

/** One file to play, in play order: which file of the task's list, and from where. */
export interface PlannedEntry {
  readonly fileIndex: number;
  /** Seconds into the file to start at; the playback rules make it non-zero for the first file only. */
  readonly offsetSeconds: number;
}

/** Most entries written into one ffconcat list (30,000 cost ~4.5 MB of RSS); a longer plan continues in a new process. */
export const MAX_LIST_ENTRIES = 10_000;

/** What the publisher of a prepared list reads. */
export type ListInput =
  /** The ffconcat list (entries encoded alike). */
  | { readonly kind: 'list'; readonly listFile: string }
  /** MPEG-TS on its `pipe:3` from the feeder's readers (entries that differ). */
  | { readonly kind: 'joined'; readonly feeder: EntryFeeder };

/** A list ready to hand to ffmpeg. */
export interface PreparedList {
  readonly codecs: CodecChoice;
  readonly input: ListInput;
  /** The entries written, with their probed durations, in play order; {@link extend} adds to them. */
  readonly entries: readonly TimedEntry[];
  /** Whether the plan has entries beyond the ones written. */
  readonly more: boolean;
  /**
   * Gives the publisher `planned` after the entries it has (the next continuation of a concat
   * list, or more for the feeder), unless their files would need other codecs or `inTime()` is
   * false once they are ready. Resolves with whether it did. Only a list cut short by its play
   * count can grow; otherwise it resolves false.
   */
  extend(planned: readonly PlannedEntry[], inTime: () => boolean, signal: AbortSignal): Promise<boolean>;
  /**
   * The publisher's exit as this list reads it: the error lines left to classify (those of a
   * continuation never written removed, those of a failed reader added) and, when the list ended
   * at a continuation never written, how many entries it had been given.
   */
  settle(exit: RunExit): { readonly errorLines: string[]; readonly given: number | undefined };
  /**
   * Too late to grow: a joined list's pipe ends after its last entry (a concat list needs
   * nothing: ffmpeg finds its continuation missing when it gets there).
   */
  seal(): void;
  /** Deletes the list's directory and stops its feeder; resolves once no reader is left. */
  dispose(): Promise<void>;
}

/** What a joined list's readers need besides the list: ffmpeg, and the task they are marked with. */
export interface ReaderTools {
  readonly ffmpeg: string;
  readonly taskId: string;
  readonly ledger?: ProcessLedger | undefined;
}

/**
 * Probes the task's files, chooses copy or re-encode, snaps a start offset to the keyframe a
 * copy really starts on, and writes the ffconcat list (or, for entries that differ, queues them
 * for a feeder): entries are taken from `plan` until they cover `coverSeconds` of output (the
 * time left until EndTime), the plan ends, `limit` entries (the play count) or
 * {@link MAX_LIST_ENTRIES}. A list cut short by `limit` can still grow
 * ({@link PreparedList.extend}), so that ffmpeg stops exactly at the planned end and yet plays on
 * in the same publish if the play count grows.
 * @throws InputRefusedError when a file cannot be probed, has no duration, or the files cannot be joined
 */
export async function prepareList(
  ffprobe: string,
  readers: ReaderTools,
  files: readonly string[],
  probes: ListProbes,
  plan: Iterator<PlannedEntry>,
  coverSeconds: number,
  signal: AbortSignal,
  limit = Infinity,
): Promise<PreparedList> {
  const probed = await probes.all(signal);
  const names = files.map((file) => maskUrl(file));
  probed.forEach((probe, i) => {
    if (probe.durationSeconds === undefined)
      throw new InputRefusedError(`${names[i]}: ffprobe finds no duration (not a file?)`);
  });
  const timed = (planned: PlannedEntry): Promise<TimedEntry> => timeEntry(ffprobe, files, probed, planned, signal);
  const entries: TimedEntry[] = [];
  let covered = 0;
  let more = true;
  while (entries.length < Math.min(MAX_LIST_ENTRIES, limit) && covered < coverSeconds) {
    const next = plan.next();
    if (next.done === true) {
      more = false;
      break;
    }
    const entry = await timed(next.value);
    entries.push(entry);
    covered += entry.durationSeconds - entry.startSeconds;
  }
  if (entries.length === 0) throw new RangeError('the plan has nothing to play');
  const used = new Set(entries.map((entry) => entry.fileIndex));
  const choose = (indexes: ReadonlySet<number>): CodecChoice =>
    chooseCodecs(
      [...indexes].map((i) => probed[i]!),
      [...indexes].map((i) => names[i]!),
    );
  const codecs = choose(used);
  if (codecs.mode === 'refuse') throw new InputRefusedError(codecs.why);
  // Cut short by the play count, not by the plan, EndTime or the size bound: the list may grow.
  // A joined list held open must first give its publisher the media it reads before it starts.
  const growable = more && entries.length === limit && (codecs.mode !== 'join' || covered > JOINED_ANALYZE_SECONDS);
  const grow = async (
    planned: readonly PlannedEntry[],
    inTime: () => boolean,
    extendSignal: AbortSignal,
    give: (added: readonly TimedEntry[]) => Promise<boolean>,
  ): Promise<boolean> => {
    if (!growable || planned.length === 0) return false;
    const indexes = new Set([...used, ...planned.map((entry) => entry.fileIndex)]);
    // Files not yet played may differ from the ones that chose the codecs: those need a new ffmpeg.
    if (!sameCodecs(choose(indexes), codecs)) return false;
    const added: TimedEntry[] = [];
    for (const entry of planned) added.push(await timeEntry(ffprobe, files, probed, entry, extendSignal));
    if (!inTime() || !(await give(added))) return false;
    for (const entry of added) used.add(entry.fileIndex);
    entries.push(...added);
    return true;
  };
  if (codecs.mode === 'join') {
    const feeder = new EntryFeeder({ ...readers, files, codecs }, entries, growable);
    return {
      codecs,
      input: { kind: 'joined', feeder },
      entries,
      more,
      extend: (planned, inTime, extendSignal) =>
        grow(planned, inTime, extendSignal, async (added) => feeder.append(added)),
      settle: (exit) => ({ errorLines: [...(feeder.failure ?? []), ...exit.errorLines], given: undefined }),
      seal: () => feeder.seal(),
      dispose: () => feeder.stop(),
    };
  }
  const dir = await mkdtemp(join(tmpdir(), 'live-relay-'));
  const listFile = join(dir, 'list.ffconcat');
  const lines = (list: readonly TimedEntry[]) =>
    list.map((entry) => ({ url: files[entry.fileIndex]!, inpointSeconds: entry.startSeconds }));
  await writeFile(listFile, concatList(lines(entries), growable ? continuationFile(dir, 1) : undefined));
  /** before[n - 1]: entries listed before continuation n. */
  const before = growable ? [entries.length] : [];
  return {
    codecs,
    input: { kind: 'list', listFile },
    entries,
    more,
    extend: (planned, inTime, extendSignal) =>
      grow(planned, inTime, extendSignal, async (added) => {
        const n = before.length;
        const file = continuationFile(dir, n);
        const text = concatList(lines(added), continuationFile(dir, n + 1));
        // Written whole, then renamed: ffmpeg opens either nothing or the complete list.
        await writeFile(`${file}.tmp`, text);
        if (!inTime()) return false;
        await rename(`${file}.tmp`, file);
        before.push(entries.length + added.length);
        return true;
      }),
    settle(exit) {
      const continuation = continuationEnd(exit.errorLines, dir, listFile);
      return {
        errorLines: continuation.errorLines,
        given: continuation.missing === undefined ? undefined : (before[continuation.missing - 1] ?? entries.length),
      };
    },
    seal: () => {},
    dispose: () => rm(dir, { recursive: true, force: true }),
  };
}

/** Whether two choices make the same publisher and readers (a list can grow only within one). */
function sameCodecs(a: CodecChoice, b: CodecChoice): boolean {
  if (a.mode !== 'join' || b.mode !== 'join') return a.mode === b.mode;
  return (
    a.readers === b.readers &&
    a.target.audio === b.target.audio &&
    a.target.size?.width === b.target.size?.width &&
    a.target.size?.height === b.target.size?.height
  );
}

/** A planned entry with its file's duration, its offset snapped to the keyframe a copy starts on. */
async function timeEntry(
  ffprobe: string,
  files: readonly string[],
  probed: readonly MediaProbe[],
  planned: PlannedEntry,
  signal: AbortSignal,
): Promise<TimedEntry> {
  const { fileIndex, offsetSeconds } = planned;
  const url = files[fileIndex];
  if (url === undefined) throw new RangeError(`the plan names file ${fileIndex} of a ${files.length}-file list`);
  const durationSeconds = probed[fileIndex]!.durationSeconds!;
  const startSeconds =
    offsetSeconds > 0 ? await keyframeAtOrBefore(ffprobe, url, Math.min(offsetSeconds, durationSeconds), signal) : 0;
  return { fileIndex, startSeconds, durationSeconds, plannedStartSeconds: Math.min(offsetSeconds, durationSeconds) };
}

/**
 * Chooses copy or re-encode for a live input from the streams its reader copies.
 * @throws InputRefusedError when the reader cannot open it, or it carries no audio or video
 */
export async function prepareLive(reader: LiveReader, url: string, signal: AbortSignal): Promise<CodecChoice> {
  let streams: StreamCodecs;
  try {
    streams = await reader.streams(signal);
  } catch (error) {
    if (signal.aborted) throw error;
    throw probeRefusal(url, error);
  }
  const codecs = chooseLiveCodecs(streams);
  if (codecs.mode === 'refuse') throw new InputRefusedError(`${maskUrl(url)}: ${codecs.why}`);
  return codecs;
}
