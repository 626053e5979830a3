import type { Writable } from 'node:stream';
import type { FaultReason } from '../lifecycle/task-record.js';
import type { CodecChoice } from './codec-choice.js';
import { createEntryTimeline, type EntryTimeline, type TimedEntry } from './entry-timeline.js';
import { classifyExit, type ProcessOutcome } from './failure-class.js';
import { type FfmpegRun, type RunExit, startFfmpegRun } from './ffmpeg-run.js';
import type { FfmpegTools } from './ffmpeg-tools.js';
import { ListProbes } from './list-probes.js';
import { LiveReader } from './live-reader.js';
import { maskSecrets } from './mask-secrets.js';
import { MAX_LIST_ENTRIES, type PlannedEntry, type PreparedList, prepareList, prepareLive } from './prepare-input.js';
import { relayArgs } from './relay-args.js';
import type { ProcessLedger } from './relay-ledger.js';
import { ToolFailedError } from './tool-failed-error.js';

/** What a task relays. */
export type RelaySource =
  | { readonly kind: 'live'; readonly url: string }
  | {
      readonly kind: 'list';
      /** The task's files (http(s) URLs or local paths), indexed by file index. */
      readonly files: readonly string[];
      /**
       * Every entry the task could play from here, in order (the playback rules: FileIndex,
       * Offset on the first, passes); may be endless. How many of them actually play is
       * {@link TaskRelayOptions.playCount}, so a RepeatNumber change never rewrites the list.
       */
      readonly plan: Iterator<PlannedEntry>;
      /** Probes of `files` to reuse across retries. */
      readonly probes?: ListProbes;
    };

/** Where the relay is, from ffmpeg's own progress. */
export interface RelayPosition {
  /** Index of the entry playing in the plan (0 = the first entry this relay was given). */
  readonly entry: number;
  readonly fileIndex: number;
  /** Seconds into that file. */
  readonly offsetSeconds: number;
  /** Seconds of the plan played since this relay started, counted from each entry's planned start. */
  readonly playedSeconds: number;
  /** Seconds of media pushed by this relay's current process so far. */
  readonly pushedSeconds: number;
  /** Wall-clock ms when ffmpeg reported it (reports come every 0.5 s). */
  readonly atMs: number;
}

/** How a relay ended without being stopped. */
export type RelayEnd =
  /** The plan (or its play count) has played out; `playedSeconds` of it, as in {@link RelayPosition}. */
  | { readonly kind: 'finished'; readonly playedSeconds: number }
  | {
      readonly kind: 'failed';
      readonly reason: FaultReason /** ffmpeg's own words, URLs masked. */;
      readonly detail: string;
    };

export interface TaskRelayOptions {
  readonly tools: FfmpegTools;
  readonly taskId: string;
  /** DstUrl. */
  readonly destination: string;
  readonly source: RelaySource;
  /** Wall-clock ms at which pushing must stop (EndTime); undefined: no bound. */
  readonly endAtMs?: number;
  /** How many plan entries play before the relay finishes; undefined: the whole plan. */
  readonly playCount?: number | undefined;
  readonly ledger?: ProcessLedger;
  /** ffmpeg has its input and output open and reports progress. */
  onRunning(codecs: CodecChoice): void;
  /** Called once, unless {@link TaskRelay.stop} was called first. */
  onEnd(end: RelayEnd): void;
}

/** One task's relay: probes, one ffmpeg at a time, progress, the planned end, failures. */
export interface TaskRelay {
  /** The latest position ffmpeg reported; undefined before its first report. */
  position(): RelayPosition | undefined;
  /** Changes how many plan entries play (a RepeatNumber update); takes effect without a new publish. */
  setPlayCount(count: number | undefined): void;
  /** Stops the relay and resolves once no process of it is left. `onEnd` is not called. */
  stop(): Promise<void>;
}

/** No progress this long after spawning means ffmpeg is stuck connecting, in ms. */
export const FIRST_PROGRESS_TIMEOUT_MS = 30_000;
/** Seconds of output before a planned end that count as having reached it. */
const END_SLACK_SECONDS = 1;
/**
 * Seconds of output left before the list's end by which a continuation must be written: ffmpeg
 * opens it at the join. Later, the list ends and the relay goes on in a new ffmpeg (a new publish).
 */
const CONTINUATION_MARGIN_SECONDS = 1.5;

/** A played entry as the plan gave it. */
function planned(entry: TimedEntry): PlannedEntry {
  return { fileIndex: entry.fileIndex, offsetSeconds: entry.plannedStartSeconds ?? entry.startSeconds };
}

export function startTaskRelay(options: TaskRelayOptions): TaskRelay {
  const abort = new AbortController();
  let playCount = options.playCount;
  let position: RelayPosition | undefined;
  let run: FfmpegRun | undefined;
  let timeline: EntryTimeline | undefined;
  /** Plan entries played by earlier processes of this relay (a plan longer than one list). */
  let base = 0;
  /** Plan seconds played by earlier processes of this relay. */
  let playedBase = 0;
  let listed = 0;
  let finishing = false;
  let finishTimer: NodeJS.Timeout | undefined;
  /** The list ffmpeg plays now, which a raised play count extends. */
  let list: PreparedList | undefined;
  let extending: Promise<void> = Promise.resolve();
  /** Planned entries taken from the plan but not played: they come next. */
  const pending: PlannedEntry[] = [];
  const source = options.source;
  const plan: Iterator<PlannedEntry> = {
    next: () => {
      const value = pending.shift();
      if (value !== undefined) return { done: false, value };
      return source.kind === 'list' ? source.plan.next() : { done: true, value: undefined };
    },
  };

  /** Output seconds pushed by now: output runs at 1×, so it has moved on since ffmpeg reported it. */
  const pushedNow = (): number =>
    position === undefined ? 0 : position.pushedSeconds + (Date.now() - position.atMs) / 1000;

  const clearFinishTimer = (): void => {
    if (finishTimer !== undefined) clearTimeout(finishTimer);
    finishTimer = undefined;
  };

  /** Ends the process at the planned end: now if it is reached, else by a timer (output runs at 1×). */
  const aimAtEnd = (): void => {
    clearFinishTimer();
    if (timeline === undefined || playCount === undefined || finishing || run === undefined) return;
    if (playCount - base >= listed && options.source.kind === 'list') return; // the list's own end comes first
    const left = timeline.endOf(playCount - base) - pushedNow();
    const finish = (): void => {
      finishing = true;
      void run?.stop();
    };
    if (left <= 0) finish();
    else finishTimer = setTimeout(finish, left * 1000);
  };

  /** Writes the entries a raised play count adds into the list's continuation, if still in time. */
  const growOnce = async (): Promise<void> => {
    const growing = list;
    if (growing === undefined || timeline === undefined || run === undefined || finishing) return;
    const wanted = Math.min(playCount === undefined ? MAX_LIST_ENTRIES : playCount - base - listed, MAX_LIST_ENTRIES);
    const planned: PlannedEntry[] = [];
    while (planned.length < wanted) {
      const next = plan.next();
      if (next.done === true) break;
      planned.push(next.value);
    }
    if (planned.length === 0) return;
    const joinSeconds = timeline.endOf(listed);
    const inTime = (): boolean =>
      list === growing && run !== undefined && joinSeconds - pushedNow() >= CONTINUATION_MARGIN_SECONDS;
    if (!(await growing.extend(planned, inTime, abort.signal))) {
      pending.unshift(...planned);
      return;
    }
    timeline = createEntryTimeline(growing.entries);
    listed = growing.entries.length;
    aimAtEnd();
  };

  /** Runs one publisher; `feed` starts writing its input when it reads `pipe:3`. */
  const runOnce = async (args: string[], codecs: CodecChoice, feed?: (input: Writable) => void): Promise<RunExit> => {
    let running = false;
    const current = startFfmpegRun({
      ffmpeg: options.tools.ffmpeg,
      args,
      taskId: options.taskId,
      inputPipe: feed !== undefined,
      onSpawn: (pid) => options.ledger?.add(options.taskId, pid),
      onProgress: (block) => {
        const at = timeline?.at(block.outSeconds);
        position = {
          entry: base + (at?.entry ?? 0),
          fileIndex: at?.fileIndex ?? 0,
          offsetSeconds: at?.offsetSeconds ?? block.outSeconds,
          playedSeconds: playedBase + (at?.playedSeconds ?? block.outSeconds),
          pushedSeconds: block.outSeconds,
          atMs: Date.now(),
        };
        // Past the last moment a raised play count can still join this publish: its list is final.
        if (
          list !== undefined &&
          timeline !== undefined &&
          timeline.endOf(listed) - pushedNow() < CONTINUATION_MARGIN_SECONDS
        )
          list.seal();
        if (!running && !block.end) {
          running = true;
          clearTimeout(stuck);
          options.onRunning(codecs);
        }
        aimAtEnd();
      },
    });
    run = current;
    if (feed !== undefined && current.input !== undefined) feed(current.input);
    const stuck = setTimeout(() => void current.stop(), FIRST_PROGRESS_TIMEOUT_MS);
    if (abort.signal.aborted) void current.stop();
    const exit = await current.exited;
    clearTimeout(stuck);
    clearFinishTimer();
    if (current.pid !== undefined) options.ledger?.remove(current.pid);
    run = undefined;
    return exit;
  };

  const secondsLeft = (): number | undefined =>
    options.endAtMs === undefined ? undefined : Math.max((options.endAtMs - Date.now()) / 1000, 0);

  const relayLive = async (url: string): Promise<RelayEnd> => {
    const reader = new LiveReader({
      ffmpeg: options.tools.ffmpeg,
      url,
      taskId: options.taskId,
      ledger: options.ledger,
    });
    try {
      const codecs = await prepareLive(reader, url, abort.signal);
      const maxSeconds = secondsLeft();
      const ran = await runOnce(
        relayArgs({
          input: { kind: 'live' },
          codecs: codecs.mode === 'copy' ? 'copy' : 'encode',
          destination: options.destination,
          ...(maxSeconds === undefined ? {} : { maxSeconds }),
        }),
        codecs,
        (pipe) => reader.start(pipe),
      );
      await reader.stop();
      // A reader that ended first (the source ended or failed) ended the publisher's input: its lines say why.
      const exit = { ...ran, errorLines: [...(reader.failure ?? []), ...ran.errorLines] };
      return ended(exit, [url], maxSeconds !== undefined && exit.outSeconds >= maxSeconds - END_SLACK_SECONDS);
    } finally {
      await reader.stop();
    }
  };

  const relayList = async (source: Extract<RelaySource, { kind: 'list' }>): Promise<RelayEnd> => {
    const probes = source.probes ?? new ListProbes(options.tools.ffprobe, source.files);
    for (;;) {
      const maxSeconds = secondsLeft();
      const prepared: PreparedList = await prepareList(
        options.tools.ffprobe,
        { ffmpeg: options.tools.ffmpeg, taskId: options.taskId, ledger: options.ledger },
        source.files,
        probes,
        plan,
        maxSeconds ?? Infinity,
        abort.signal,
        playCount === undefined ? undefined : playCount - base,
      );
      try {
        timeline = createEntryTimeline(prepared.entries);
        listed = prepared.entries.length;
        list = prepared;
        const { input } = prepared;
        const ran = await runOnce(
          relayArgs({
            input: input.kind === 'list' ? input : { kind: 'joined' },
            // A joined list's readers re-encode, if anything: its publisher copies what they write.
            codecs: prepared.codecs.mode === 'encode' ? 'encode' : 'copy',
            destination: options.destination,
            ...(maxSeconds === undefined ? {} : { maxSeconds }),
          }),
          prepared.codecs,
          input.kind === 'joined' ? (pipe) => input.feeder.start(pipe) : undefined,
        );
        list = undefined;
        await extending;
        // A continuation never written: the list ended as planned. One written too late never played.
        const settled = prepared.settle(ran);
        const exit = { ...ran, errorLines: settled.errorLines };
        if (settled.given !== undefined) {
          pending.unshift(...prepared.entries.slice(settled.given).map(planned));
          listed = Math.min(listed, settled.given);
        }
        const listEnd = timeline.endOf(listed);
        const reachedEnd =
          exit.outSeconds >= listEnd - END_SLACK_SECONDS ||
          (maxSeconds !== undefined && exit.outSeconds >= maxSeconds - END_SLACK_SECONDS);
        const end = ended(exit, input.kind === 'list' ? [input.listFile, ...source.files] : source.files, reachedEnd);
        const overEndTime = options.endAtMs !== undefined && Date.now() >= options.endAtMs;
        const planLeft = playCount === undefined || base + listed < playCount;
        if (end.kind !== 'finished' || finishing || !prepared.more || !planLeft || overEndTime) return end;
        // The plan is longer than one list: go on with the next entries in a new process.
        base += listed;
        playedBase += timeline.playedAtEndOf(listed);
      } finally {
        await prepared.dispose();
      }
    }
  };

  /** Plan seconds played at the end: the planned end when we ended it, else the list's end. */
  const playedAtFinish = (): number => {
    if (timeline === undefined) return position?.playedSeconds ?? 0;
    const count = finishing && playCount !== undefined ? playCount - base : listed;
    return playedBase + timeline.playedAtEndOf(count);
  };

  const ended = (exit: RunExit, sources: readonly string[], reachedEnd: boolean): RelayEnd => {
    if (finishing) return { kind: 'finished', playedSeconds: playedAtFinish() };
    const outcome: ProcessOutcome = classifyExit({
      code: exit.code,
      errorLines: exit.errorLines,
      destination: options.destination,
      sources,
      reachedListEnd: reachedEnd,
    });
    if (outcome.kind === 'finished') return { kind: 'finished', playedSeconds: playedAtFinish() };
    const detail =
      exit.stopped && exit.errorLines.length === 0
        ? `no media within ${FIRST_PROGRESS_TIMEOUT_MS / 1000} s`
        : maskSecrets(outcome.detail);
    return { kind: 'failed', reason: outcome.reason, detail };
  };

  const done = (async (): Promise<void> => {
    let end: RelayEnd;
    try {
      end = options.source.kind === 'live' ? await relayLive(options.source.url) : await relayList(options.source);
    } catch (error) {
      if (abort.signal.aborted) return;
      // A probe that failed is the source's fault; anything else is ours, still reported, never swallowed.
      const detail = error instanceof ToolFailedError ? error.detail : `relay error: ${String(error)}`;
      end = { kind: 'failed', reason: 'PullStreamFailed', detail: maskSecrets(detail) };
    }
    if (!abort.signal.aborted) options.onEnd(end);
  })();

  return {
    position: () => position,
    setPlayCount(count) {
      playCount = count;
      extending = extending.then(growOnce).catch(() => {});
      aimAtEnd();
    },
    async stop() {
      abort.abort();
      clearFinishTimer();
      await run?.stop();
      await done.catch(() => {});
    },
  };
}
