import { TASK_STATES } from '../../rules/index.js';
import { planSegments } from '../playback/play-position.js';
import type { PlaybackReport, Player, PlayerState } from '../playback/player.js';
import type { ListPlan } from '../playback/playlist-plan.js';
import type { CodecChoice } from './codec-choice.js';
import type { FfmpegTools } from './ffmpeg-tools.js';
import { ListProbes } from './list-probes.js';
import { maskUrl } from './mask-secrets.js';
import type { PlannedEntry } from './prepare-input.js';
import type { RelayLedger } from './relay-ledger.js';
import { type RelayEnd, startTaskRelay, type TaskRelay } from './task-relay.js';

/** Where the relay player sends what it learns. */
export interface PlaybackReporter {
  reportPlayback(taskId: string, report: PlaybackReport): void;
}

export interface RelayPlayerOptions {
  readonly tools: FfmpegTools;
  /** Maps a SourceUrls entry to what ffmpeg opens: a VOD media ID to its catalog file, a URL to itself. */
  readonly resolve: (source: string) => string;
  /** Told each probed file's duration, so the task model's positions use real durations. */
  readonly onDuration: (source: string, seconds: number) => void;
  readonly ledger?: RelayLedger;
  /** One line per task transition. Default: stdout. */
  readonly log?: (line: string) => void;
  /** How often a relay's position is reported to the task model, in ms. Default 1000. */
  readonly positionEveryMs?: number;
}

/** What plays one task now. */
interface Playing {
  readonly relay: TaskRelay;
  /** Played ms of the plan where this relay started. */
  readonly fromPlayedMs: number;
  /** `run`: the task is Running; `attempt`: a retry of a Recovering task, not yet up. */
  mode: 'run' | 'attempt';
  /** The retry this relay is (0 for a run). */
  readonly retry: number;
  /** The task's run it plays (PlayerState.run). */
  readonly run: number;
  /** Set once the relay reported 'recovered': the next playing sync adopts it as the run. */
  recovered: boolean;
  lastReportMs: number;
  /** Reports the position to the model while running. */
  timer?: NodeJS.Timeout;
  /** We stopped it: whatever it would still say is stale. */
  stopped?: true;
}

/**
 * The emulator's real player (`--relay`): one ffmpeg relay per Running task, playing exactly the
 * plan the task model computes (FileIndex, Offset, passes), pushing to DstUrl, and reporting back
 * where it is, when its list ends and when it fails, with ffmpeg's own error in the log.
 * A failure is retried by the task model's schedule: at each retry the model syncs a Recovering
 * state with `retry` set, this player tries once, and reports `recovered` or `failed`.
 */
export class RelayPlayer implements Player {
  readonly reportsStops = true;
  readonly #options: RelayPlayerOptions;
  readonly #log: (line: string) => void;
  readonly #playing = new Map<string, Playing>();
  readonly #stopping = new Set<Promise<void>>();
  readonly #lastStatus = new Map<string, number>();
  /** The last failure of each task, for the log line of its next transition. */
  readonly #lastError = new Map<string, string>();
  #reporter: PlaybackReporter | undefined;
  /** States synced before {@link bind}: replayed then, so nothing starts before the orphan sweep. */
  readonly #pending = new Map<string, PlayerState>();
  #closed = false;

  constructor(options: RelayPlayerOptions) {
    this.#options = options;
    this.#log = options.log ?? ((line) => process.stdout.write(`${line}\n`));
  }

  /** Connects the player to the task service it reports to (created after the player). */
  bind(reporter: PlaybackReporter): void {
    this.#reporter = reporter;
    const pending = [...this.#pending.values()];
    this.#pending.clear();
    for (const state of pending) this.sync(state);
  }

  sync(state: PlayerState): void {
    if (this.#closed) return;
    if (this.#reporter === undefined) {
      this.#pending.set(state.taskId, state);
      return;
    }
    this.#logTransition(state);
    const current = this.#playing.get(state.taskId);
    if (state.playing) {
      if (current?.mode === 'attempt' && current.recovered && current.run === state.run) {
        current.mode = 'run';
        this.#setPlayCount(current, state);
        return;
      }
      // A restart begins a new run; anything else is the same run changing (RepeatNumber, position).
      if (current?.mode === 'run' && current.run === state.run) {
        this.#setPlayCount(current, state);
        return;
      }
      this.#start(state, 'run', 0);
      return;
    }
    if (state.retry !== undefined && state.retry > (current?.retry ?? 0) && state.status === TASK_STATES.Recovering) {
      // A retry still connecting when the next falls due goes on: cutting it short would leave a
      // retry interval shorter than ffmpeg's timeouts (--retry-interval) no attempt that can succeed.
      if (current?.mode !== 'attempt') this.#start(state, 'attempt', state.retry);
      return;
    }
    if (current !== undefined && !(current.mode === 'attempt' && state.status === TASK_STATES.Recovering)) {
      this.#stop(state.taskId);
    }
  }

  forget(taskId: string): void {
    this.#pending.delete(taskId);
    this.#stop(taskId);
    this.#lastStatus.delete(taskId);
    this.#lastError.delete(taskId);
  }

  /** Stops every relay and resolves once no ffmpeg of this player is left. */
  async close(): Promise<void> {
    this.#closed = true;
    for (const taskId of [...this.#playing.keys()]) this.#stop(taskId);
    await Promise.all(this.#stopping);
  }

  #start(state: PlayerState, mode: Playing['mode'], retry: number): void {
    this.#stop(state.taskId);
    const { taskId } = state;
    if (state.plan.kind === 'list' && playCount(state.plan, state.playedMs) === 0) {
      // Nothing left to play (the task clock ran past the list while no relay could): the list has ended.
      setImmediate(() => this.#reporter?.reportPlayback(taskId, { kind: 'finished' }));
      return;
    }
    const reporter = (report: PlaybackReport): void => {
      // Never from inside sync: the service is mid-transaction there.
      setImmediate(() => {
        if (!this.#closed && !entry.stopped) this.#reporter?.reportPlayback(taskId, report);
      });
    };
    const plan = state.plan;
    const source =
      plan.kind === 'stream'
        ? ({ kind: 'live', url: this.#options.resolve(plan.source) } as const)
        : this.#listSource(plan, state.playedMs);
    const relay = startTaskRelay({
      tools: this.#options.tools,
      taskId,
      destination: state.destination,
      source,
      playCount: plan.kind === 'list' ? playCount(plan, state.playedMs) : undefined,
      ...(this.#options.ledger === undefined ? {} : { ledger: this.#options.ledger }),
      onRunning: (codecs) => {
        this.#log(`task ${taskId}: ffmpeg relaying to ${maskUrl(state.destination)} (${codecText(codecs)})`);
        // Media flows from now: the model's play clock starts here, not when the task was committed.
        if (entry.mode === 'run') reporter({ kind: 'position', playedMs: entry.fromPlayedMs });
        if (entry.mode === 'attempt') {
          entry.recovered = true;
          reporter({ kind: 'recovered' });
        }
      },
      onEnd: (end) => this.#ended(taskId, entry, end, reporter),
    });
    const entry: Playing = {
      relay,
      fromPlayedMs: state.playedMs,
      mode,
      retry,
      run: state.run,
      recovered: false,
      lastReportMs: 0,
    };
    this.#playing.set(taskId, entry);
    const every = this.#options.positionEveryMs ?? 1000;
    let sentAt = 0;
    entry.timer = setInterval(() => {
      if (entry.mode !== 'run') return;
      const position = relay.position();
      // Until ffmpeg pushes, hold the model's play clock where the relay starts.
      if (position === undefined) {
        reporter({ kind: 'position', playedMs: entry.fromPlayedMs });
        return;
      }
      if (position.atMs === entry.lastReportMs || Date.now() - sentAt < every) return;
      entry.lastReportMs = position.atMs;
      sentAt = Date.now();
      reporter({ kind: 'position', playedMs: entry.fromPlayedMs + Math.round(position.playedSeconds * 1000) });
    }, HOLD_EVERY_MS);
    entry.timer.unref();
  }

  #listSource(plan: ListPlan, playedMs: number) {
    const files = plan.items.map((item) => this.#options.resolve(item.source));
    const probes = new ListProbes(this.#options.tools.ffprobe, files);
    // Real durations into the model as soon as they are known, so Describe's position is the relay's.
    void probes
      .all(new AbortController().signal)
      .then((probed) =>
        probed.forEach((probe, i) => {
          if (probe.durationSeconds !== undefined)
            this.#options.onDuration(plan.items[i]!.source, probe.durationSeconds);
        }),
      )
      .catch(() => {});
    return { kind: 'list', files, probes, plan: endless(plan, playedMs) } as const;
  }

  #ended(taskId: string, entry: Playing, end: RelayEnd, report: (report: PlaybackReport) => void): void {
    if (this.#playing.get(taskId) !== entry) return;
    this.#playing.delete(taskId);
    clearInterval(entry.timer);
    if (end.kind === 'finished') {
      report({ kind: 'position', playedMs: entry.fromPlayedMs + Math.round(end.playedSeconds * 1000) });
      report({ kind: 'finished' });
      return;
    }
    const error = `${end.reason}: ${end.detail}`;
    this.#lastError.set(taskId, error);
    // A failed retry changes no state, so no transition line would say it happened.
    if (entry.mode === 'attempt' && !entry.recovered)
      this.#log(`task ${taskId}: retry ${entry.retry} failed (${error})`);
    // Recovering freezes the position where the relay failed, not where it was last reported.
    const position = entry.relay.position();
    if (entry.mode === 'run' && position !== undefined)
      report({ kind: 'position', playedMs: entry.fromPlayedMs + Math.round(position.playedSeconds * 1000) });
    report({ kind: 'failed', reason: end.reason });
  }

  #stop(taskId: string): void {
    const current = this.#playing.get(taskId);
    if (current === undefined) return;
    this.#playing.delete(taskId);
    clearInterval(current.timer);
    current.stopped = true;
    const stopping = current.relay.stop();
    this.#stopping.add(stopping);
    void stopping.finally(() => this.#stopping.delete(stopping));
  }

  #setPlayCount(current: Playing, state: PlayerState): void {
    if (state.plan.kind === 'list') current.relay.setPlayCount(playCount(state.plan, current.fromPlayedMs));
  }

  #logTransition(state: PlayerState): void {
    const before = this.#lastStatus.get(state.taskId);
    if (before === state.status) return;
    this.#lastStatus.set(state.taskId, state.status);
    // A task first seen standing still (created Idle, or restored from the data file) has not moved.
    if (before === undefined && !state.playing && state.status !== TASK_STATES.Recovering) return;
    const error = this.#lastError.get(state.taskId);
    const why =
      state.status === TASK_STATES.Running
        ? before === TASK_STATES.Recovering
          ? 'source and destination reachable again'
          : 'started'
        : state.status === TASK_STATES.Recovering ||
            (state.status === TASK_STATES.Offline && state.reason !== 'TriggerByUser' && state.reason !== undefined)
          ? (error ?? String(state.reason))
          : state.status === TASK_STATES.Offline
            ? state.reason === 'TriggerByUser'
              ? 'stopped by the user'
              : 'the list has ended'
            : state.exitReason === 'OverEndTime'
              ? 'EndTime reached'
              : state.exitReason === 'TriggerByUser'
                ? 'deleted by the user'
                : 'exited';
    this.#log(`task ${state.taskId}: ${STATUS_NAMES[state.status] ?? String(state.status)} (${why})`);
  }
}

/** How often a relay that is still connecting holds the model's play clock, in ms. */
const HOLD_EVERY_MS = 250;

const STATUS_NAMES: Readonly<Record<number, string>> = {
  [TASK_STATES.Idle]: 'Idle',
  [TASK_STATES.Running]: 'Running',
  [TASK_STATES.Recovering]: 'Recovering',
  [TASK_STATES.Offline]: 'Offline',
  [TASK_STATES.Exit]: 'Exit',
};

function codecText(codecs: CodecChoice): string {
  return codecs.mode === 'copy' ? 'remuxing, -c copy' : codecs.why;
}

/** Every entry the plan could play from `playedMs`, looping past its passes (the play count ends it). */
function* endless(plan: ListPlan, playedMs: number): Generator<PlannedEntry> {
  for (const segment of planSegments({ ...plan, passes: null }, playedMs)) {
    yield { fileIndex: segment.index, offsetSeconds: segment.fromMs / 1000 };
  }
}

/** How many entries the plan plays from `playedMs`; undefined for a loop. */
function playCount(plan: ListPlan, playedMs: number): number | undefined {
  if (plan.passes === null) return undefined;
  let count = 0;
  for (const _ of planSegments(plan, playedMs)) count += 1;
  return count;
}
