/** One file as the relay plays it: which file of the task's list, from where, for how long. */
export interface TimedEntry {
  /** Index of the file in the task's list (what Describe calls CurrentFileIndex). */
  readonly fileIndex: number;
  /** Seconds into the file where playback starts (the snapped inpoint; 0 after the first entry). */
  readonly startSeconds: number;
  /** The file's whole duration in seconds, as ffprobe reports it. */
  readonly durationSeconds: number;
  /** Where the plan asked to start (before snapping to a keyframe); defaults to `startSeconds`. */
  readonly plannedStartSeconds?: number;
}

/** Where the output is in the list: the entry playing and how far into its file. */
export interface EntryPosition {
  /** Index into the entries passed to {@link createEntryTimeline}. */
  readonly entry: number;
  readonly fileIndex: number;
  /** Seconds into the file (what Describe calls CurrentOffset). */
  readonly offsetSeconds: number;
  /**
   * Seconds of the plan played, counting each entry from where the plan asked it to start: the
   * stretch before a planned offset that a keyframe start adds is not counted.
   */
  readonly playedSeconds: number;
}

export interface EntryTimeline {
  /** Output seconds at which the entries from `0` up to (not including) `count` have all played. */
  endOf(count: number): number;
  /** Plan seconds played once the entries up to (not including) `count` have played (see {@link EntryPosition.playedSeconds}). */
  playedAtEndOf(count: number): number;
  /**
   * The entry playing at output time `outSeconds` (ffmpeg's out_time, which starts at 0 whatever
   * the inpoint): entry j spans `duration - start` seconds and begins where the earlier ones end.
   */
  at(outSeconds: number): EntryPosition;
}

export function createEntryTimeline(entries: readonly TimedEntry[]): EntryTimeline {
  if (entries.length === 0) throw new RangeError('a timeline needs at least one entry');
  const starts: number[] = [0];
  const planned: number[] = [0];
  for (const entry of entries) {
    starts.push(starts.at(-1)! + Math.max(entry.durationSeconds - entry.startSeconds, 0));
    planned.push(planned.at(-1)! + Math.max(entry.durationSeconds - plannedStart(entry), 0));
  }
  return {
    endOf: (count) => starts[Math.max(0, Math.min(count, entries.length))]!,
    playedAtEndOf: (count) => planned[Math.max(0, Math.min(count, entries.length))]!,
    at(outSeconds) {
      // Binary search for the last entry starting at or before outSeconds.
      let low = 0;
      let high = entries.length - 1;
      while (low < high) {
        const mid = (low + high + 1) >> 1;
        if (starts[mid]! <= outSeconds) low = mid;
        else high = mid - 1;
      }
      const entry = entries[low]!;
      const into = Math.min(Math.max(outSeconds - starts[low]!, 0), entry.durationSeconds - entry.startSeconds);
      const offsetSeconds = entry.startSeconds + into;
      return {
        entry: low,
        fileIndex: entry.fileIndex,
        offsetSeconds,
        playedSeconds: planned[low]! + Math.max(offsetSeconds - plannedStart(entry), 0),
      };
    },
  };
}

function plannedStart(entry: TimedEntry): number {
  return entry.plannedStartSeconds ?? entry.startSeconds;
}
