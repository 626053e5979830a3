import { mkdtemp, rename, rm, writeFile } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { type CodecChoice, chooseCodecs } from './codec-choice.js';
import { concatList } from './concat-list.js';
import type { TimedEntry } from './entry-timeline.js';
import { InputRefusedError, probeRefusal } from './input-refused-error.js';
import { continuationFile } from './list-continuation.js';
import type { ListProbes } from './list-probes.js';
import { maskUrl } from './mask-secrets.js';
import { keyframeAtOrBefore, type MediaProbe, probeMedia } from './media-probe.js';

/** One file to play, in play order: which file of the task's list, and from where. */
export interface PlannedEntry {
  readonly fileIndex: number;
  /** Seconds into the file to start at; the playback rules make it non-zero for the first file only. */
  readonly offsetSeconds: number;
}

/** Most entries written into one ffconcat list (30,000 cost ~4.5 MB of RSS); a longer plan continues in a new process. */
export const MAX_LIST_ENTRIES = 10_000;

/** A list ready to hand to ffmpeg. */
export interface PreparedList {
  readonly codecs: CodecChoice;
  readonly listFile: string;
  /** The entries written, with their probed durations, in play order; {@link extend} adds to them. */
  readonly entries: readonly TimedEntry[];
  /** Whether the plan has entries beyond the ones written. */
  readonly more: boolean;
  /**
   * Writes the next continuation (list-continuation.ts) with `planned`, unless their files would
   * need other codecs or `inTime()` is false once it is ready to write. Resolves with whether it wrote.
   * Only a list cut short by its play count has a continuation; otherwise it resolves false.
   */
  extend(planned: readonly PlannedEntry[], inTime: () => boolean, signal: AbortSignal): Promise<boolean>;
  /** How many entries ffmpeg had been given before continuation `n` (1-based). */
  entriesBefore(n: number): number;
  /** The directory of the list and its continuations. */
  readonly dir: string;
  /** Deletes the list's directory. */
  dispose(): Promise<void>;
}

/**
 * Probes the task's files, chooses copy or re-encode, snaps a start offset to the keyframe a
 * copy really starts on, and writes the ffconcat list: entries are taken from `plan` until they
 * cover `coverSeconds` of output (the time left until EndTime), the plan ends, `limit` entries
 * (the play count) or {@link MAX_LIST_ENTRIES}. A list cut short by `limit` ends with a
 * continuation that {@link PreparedList.extend} can still write, so that ffmpeg stops exactly at
 * the planned end and yet plays on in the same publish if the play count grows.
 * @throws InputRefusedError when a file cannot be probed, has no duration, or the files differ
 */
export async function prepareList(
  ffprobe: string,
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
  const dir = await mkdtemp(join(tmpdir(), 'live-relay-'));
  const listFile = join(dir, 'list.ffconcat');
  const lines = (list: readonly TimedEntry[]) =>
    list.map((entry) => ({ url: files[entry.fileIndex]!, inpointSeconds: entry.startSeconds }));
  // Cut short by the play count, not by the plan, EndTime or the size bound: the list may grow.
  const growable = more && entries.length === limit;
  await writeFile(listFile, concatList(lines(entries), growable ? continuationFile(dir, 1) : undefined));
  /** entriesBefore[n - 1]: entries listed before continuation n. */
  const before = growable ? [entries.length] : [];
  return {
    codecs,
    listFile,
    entries,
    more,
    dir,
    async extend(planned, inTime, extendSignal) {
      if (before.length === 0 || planned.length === 0) return false;
      const indexes = new Set([...used, ...planned.map((entry) => entry.fileIndex)]);
      // Files not yet played may differ from the ones that chose the codecs: those need a new ffmpeg.
      if (choose(indexes).mode !== codecs.mode) return false;
      const added: TimedEntry[] = [];
      for (const entry of planned) added.push(await timeEntry(ffprobe, files, probed, entry, extendSignal));
      const n = before.length;
      const file = continuationFile(dir, n);
      const text = concatList(lines(added), continuationFile(dir, n + 1));
      if (!inTime()) return false;
      // Written whole, then renamed: ffmpeg opens either nothing or the complete list.
      await writeFile(`${file}.tmp`, text);
      if (!inTime()) return false;
      await rename(`${file}.tmp`, file);
      for (const entry of added) used.add(entry.fileIndex);
      entries.push(...added);
      before.push(entries.length);
      return true;
    },
    entriesBefore: (n) => before[n - 1] ?? entries.length,
    dispose: () => rm(dir, { recursive: true, force: true }),
  };
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
 * Probes a live input to choose copy or re-encode.
 * @throws InputRefusedError when it cannot be opened or carries no audio or video
 */
export async function prepareLive(ffprobe: string, url: string, signal: AbortSignal): Promise<CodecChoice> {
  let probe: MediaProbe;
  try {
    probe = await probeMedia(ffprobe, url, signal);
  } catch (error) {
    throw probeRefusal(url, error);
  }
  const codecs = chooseCodecs([probe], [maskUrl(url)]);
  if (codecs.mode === 'refuse') throw new InputRefusedError(`${maskUrl(url)}: ${codecs.why}`);
  return codecs;
}
