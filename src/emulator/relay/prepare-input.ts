import { mkdtemp, rm, writeFile } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { type CodecChoice, chooseCodecs } from './codec-choice.js';
import { concatList } from './concat-list.js';
import type { TimedEntry } from './entry-timeline.js';
import { InputRefusedError, probeRefusal } from './input-refused-error.js';
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
  /** The entries written, with their probed durations, in play order. */
  readonly entries: readonly TimedEntry[];
  /** Whether the plan has entries beyond the ones written. */
  readonly more: boolean;
  /** Deletes the list's directory. */
  dispose(): Promise<void>;
}

/**
 * Probes the task's files, chooses copy or re-encode, snaps a start offset to the keyframe a
 * copy really starts on, and writes the ffconcat list: entries are taken from `plan` until they
 * cover `coverSeconds` of output (the time left until EndTime), the plan ends, or
 * {@link MAX_LIST_ENTRIES}.
 * @throws InputRefusedError when a file cannot be probed, has no duration, or the files differ
 */
export async function prepareList(
  ffprobe: string,
  files: readonly string[],
  probes: ListProbes,
  plan: Iterator<PlannedEntry>,
  coverSeconds: number,
  signal: AbortSignal,
): Promise<PreparedList> {
  const probed = await probes.all(signal);
  const names = files.map((file) => maskUrl(file));
  probed.forEach((probe, i) => {
    if (probe.durationSeconds === undefined)
      throw new InputRefusedError(`${names[i]}: ffprobe finds no duration (not a file?)`);
  });
  const entries: TimedEntry[] = [];
  const urls: string[] = [];
  let covered = 0;
  let more = true;
  while (entries.length < MAX_LIST_ENTRIES && covered < coverSeconds) {
    const next = plan.next();
    if (next.done === true) {
      more = false;
      break;
    }
    const { fileIndex, offsetSeconds } = next.value;
    const url = files[fileIndex];
    if (url === undefined) throw new RangeError(`the plan names file ${fileIndex} of a ${files.length}-file list`);
    const durationSeconds = probed[fileIndex]!.durationSeconds!;
    const startSeconds =
      offsetSeconds > 0 ? await keyframeAtOrBefore(ffprobe, url, Math.min(offsetSeconds, durationSeconds), signal) : 0;
    entries.push({
      fileIndex,
      startSeconds,
      durationSeconds,
      plannedStartSeconds: Math.min(offsetSeconds, durationSeconds),
    });
    urls.push(url);
    covered += durationSeconds - startSeconds;
  }
  if (entries.length === 0) throw new RangeError('the plan has nothing to play');
  const used = [...new Set(entries.map((entry) => entry.fileIndex))];
  const codecs = chooseCodecs(
    used.map((i) => probed[i]!),
    used.map((i) => names[i]!),
  );
  if (codecs.mode === 'refuse') throw new InputRefusedError(codecs.why);
  const dir = await mkdtemp(join(tmpdir(), 'live-relay-'));
  const listFile = join(dir, 'list.ffconcat');
  await writeFile(
    listFile,
    concatList(entries.map((entry, i) => ({ url: urls[i]!, inpointSeconds: entry.startSeconds }))),
  );
  return {
    codecs,
    listFile,
    entries,
    more,
    dispose: () => rm(dir, { recursive: true, force: true }),
  };
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
