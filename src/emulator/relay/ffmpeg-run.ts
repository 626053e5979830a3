import type { ChildProcess } from 'node:child_process';
import type { Duplex, Writable } from 'node:stream';
import { collectErrorLines } from './failure-class.js';
import { createProgressParser, type ProgressBlock } from './progress-parser.js';
import { signalGroup, spawnChild } from './spawn-child.js';

/** How one ffmpeg process ended. */
export interface RunExit {
  /** Exit status; null when a signal ended it. */
  code: number | null;
  /** Its `[error]`/`[fatal]` lines, the last few (failure-class.ts). */
  errorLines: string[];
  /** The last output time it reported, in seconds. */
  outSeconds: number;
  /** Whether we asked it to stop (then its status says nothing about the source or destination). */
  stopped: boolean;
}

export interface FfmpegRunOptions {
  readonly ffmpeg: string;
  readonly args: readonly string[];
  /** Marks the process for the orphan sweep (`RELAY_TASK_ID`). */
  readonly taskId: string;
  /** Give ffmpeg a fourth pipe, `pipe:3`, to read its input from ({@link FfmpegRun.input}). */
  readonly inputPipe?: boolean;
  onSpawn?(pid: number): void;
  onProgress(block: ProgressBlock): void;
}

/**
 * The stop sequence, in ms (ffmpeg-relay-notes §4): `q` ends a healthy ffmpeg in ~35 ms; one
 * blocked on a stalled destination ignores the first SIGTERM, and the second exits at once;
 * SIGKILL is the last word.
 */
export const STOP_STEPS_MS = { quit: 3000, firstTerm: 2000, secondTerm: 2000 } as const;

/** One running ffmpeg relay process. */
export interface FfmpegRun {
  readonly pid: number | undefined;
  /** Our end of `pipe:3`, with {@link FfmpegRunOptions.inputPipe}; ending it ends ffmpeg's input. */
  readonly input: Writable | undefined;
  /** Resolves once the process has exited and its pipes are drained. */
  readonly exited: Promise<RunExit>;
  /** Asks it to stop (`q`, then SIGTERM twice, then SIGKILL); resolves when it has exited. */
  stop(): Promise<RunExit>;
}

export function startFfmpegRun(options: FfmpegRunOptions): FfmpegRun {
  const child: ChildProcess = spawnChild(options.ffmpeg, options.args, {
    stdin: true,
    inputPipe: options.inputPipe === true,
    env: { RELAY_TASK_ID: options.taskId },
  });
  const { lines: errorLines, flush } = collectErrorLines(child.stderr);
  let outSeconds = 0;
  let stopped = false;
  let stopping: Promise<RunExit> | undefined;
  const timers: NodeJS.Timeout[] = [];

  const parse = createProgressParser((block) => {
    outSeconds = Math.max(outSeconds, block.outSeconds);
    options.onProgress(block);
  });
  child.stdout?.setEncoding('utf8').on('data', parse);
  // A stdin write after ffmpeg exits fails with EPIPE; that is expected, not an error.
  child.stdin?.on('error', () => {});
  // Node makes an extra pipe a socket: ffmpeg writes nothing to it, but its end must be read for
  // the child's `close`; a write after ffmpeg exits fails with EPIPE, like stdin's.
  const input = options.inputPipe === true ? ((child.stdio[3] as Duplex | null) ?? undefined) : undefined;
  input?.on('error', () => {}).resume();

  const exited = new Promise<RunExit>((resolve) => {
    let spawnError: string | undefined;
    child.once('error', (error) => {
      spawnError = `cannot run ${options.ffmpeg}: ${error.message}`;
    });
    child.once('close', (code) => {
      for (const timer of timers) clearTimeout(timer);
      flush();
      if (spawnError !== undefined) errorLines.push(`[fatal] ${spawnError}`);
      resolve({ code, errorLines, outSeconds, stopped });
    });
  });
  if (child.pid !== undefined) options.onSpawn?.(child.pid);

  return {
    pid: child.pid,
    input,
    exited,
    stop() {
      stopping ??= (() => {
        stopped = true;
        child.stdin?.end('q\n');
        // ffmpeg ignores its keyboard when any input is a `pipe:`; SIGTERM ends it as cleanly.
        const quit = options.inputPipe === true ? 0 : STOP_STEPS_MS.quit;
        const { firstTerm, secondTerm } = STOP_STEPS_MS;
        const steps: [number, NodeJS.Signals][] = [
          [quit, 'SIGTERM'],
          [quit + firstTerm, 'SIGTERM'],
          [quit + firstTerm + secondTerm, 'SIGKILL'],
        ];
        for (const [at, signal] of steps) timers.push(setTimeout(() => signalGroup(child, signal), at));
        return exited;
      })();
      return stopping;
    },
  };
}
