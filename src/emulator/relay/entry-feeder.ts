import type { ChildProcess } from 'node:child_process';
import type { Writable } from 'node:stream';
import type { CodecChoice } from './codec-choice.js';
import type { TimedEntry } from './entry-timeline.js';
import { collectErrorLines } from './failure-class.js';
import { readerArgs } from './relay-args.js';
import type { ProcessLedger } from './relay-ledger.js';
import { signalGroup, spawnChild } from './spawn-child.js';

export interface EntryFeederOptions {
  readonly ffmpeg: string;
  /** Marks the readers for the orphan sweep (`RELAY_TASK_ID`), as their publisher is. */
  readonly taskId: string;
  /** The task's files, indexed by file index. */
  readonly files: readonly string[];
  readonly codecs: Extract<CodecChoice, { mode: 'join' }>;
  readonly ledger?: ProcessLedger | undefined;
}

/**
 * Feeds a joined list to its publisher: one reader ffmpeg per entry, in turn, each writing its
 * entry as MPEG-TS into the publisher's input pipe, timestamps placed after the entries before
 * it. Readers run ahead of the publisher as far as the pipe lets them. When the entries run out
 * and the list cannot grow any more, it ends the pipe, and the publisher ends where the last
 * entry does. A reader that fails ends the pipe too, and {@link failure} says why, in the reader's own
 * `[error]` lines (which name its URL, so the failure classifies as the source's).
 */
export class EntryFeeder {
  readonly #options: EntryFeederOptions;
  readonly #queue: TimedEntry[];
  /** Seconds of the joined timeline the entries fed so far span: where the next one goes. */
  #atSeconds = 0;
  #sink: Writable | undefined;
  #reader: { child: ChildProcess; closed: Promise<void> } | undefined;
  /** No entry is fed any more: the pipe ended, the publisher went, or {@link stop}. */
  #done = false;
  #failure: string[] | undefined;

  /** Whether more entries may still come once the queued ones are fed (see {@link seal}). */
  #open: boolean;
  /** Every queued entry is fed, and the pipe waits for more. */
  #idle = false;

  /** `open`: the list may grow, so its pipe stays open after the last entry until {@link seal}. */
  constructor(options: EntryFeederOptions, entries: readonly TimedEntry[], open: boolean) {
    this.#options = options;
    this.#queue = [...entries];
    this.#open = open;
  }

  /** The failed reader's error lines; undefined while every reader has succeeded. */
  get failure(): readonly string[] | undefined {
    return this.#failure;
  }

  /** Starts feeding `sink` (the publisher's `pipe:3`). */
  start(sink: Writable): void {
    if (this.#sink !== undefined) throw new Error('EntryFeeder.start: already started');
    this.#sink = sink;
    // The publisher exited (its end, a failure, a stop): the reader has nobody to write to.
    sink.once('close', () => this.#finish(false));
    this.#next();
  }

  /** Adds entries after the queued ones; false once sealed or ended (they would never play). */
  append(entries: readonly TimedEntry[]): boolean {
    if (this.#done || !this.#open) return false;
    this.#queue.push(...entries);
    if (this.#idle) {
      this.#idle = false;
      this.#next();
    }
    return true;
  }

  /** No entry will be added: the pipe ends after the queued ones, and the publisher with them. */
  seal(): void {
    this.#open = false;
    if (this.#idle) this.#finish(true);
  }

  /** Feeds no more and resolves once no reader is left. */
  async stop(): Promise<void> {
    this.#finish(false);
    await this.#reader?.closed;
  }

  #next(): void {
    if (this.#done) return;
    const entry = this.#queue.shift();
    if (entry === undefined) {
      if (this.#open) this.#idle = true;
      else this.#finish(true);
      return;
    }
    const url = this.#options.files[entry.fileIndex]!;
    const child = spawnChild(
      this.#options.ffmpeg,
      readerArgs({ url, startSeconds: entry.startSeconds, atSeconds: this.#atSeconds, codecs: this.#options.codecs }),
      { stdin: false, env: { RELAY_TASK_ID: this.#options.taskId } },
    );
    const pid = child.pid;
    if (pid !== undefined) this.#options.ledger?.add(this.#options.taskId, pid);
    this.#atSeconds += Math.max(entry.durationSeconds - entry.startSeconds, 0);
    const errors = collectErrorLines(child.stderr);
    let spawnError: string | undefined;
    child.once('error', (error) => {
      spawnError = error.message;
    });
    child.stdout?.pipe(this.#sink!, { end: false });
    const closed = new Promise<void>((resolve) => {
      child.once('close', (code) => {
        errors.flush();
        if (pid !== undefined) this.#options.ledger?.remove(pid);
        this.#reader = undefined;
        resolve();
        if (this.#done) return;
        if (code === 0 && errors.lines.length === 0) {
          this.#next();
          return;
        }
        this.#failure =
          errors.lines.length > 0
            ? errors.lines
            : [`[error] ${url}: ${spawnError ?? `ffmpeg exited with status ${String(code)}`}`];
        this.#finish(true);
      });
    });
    this.#reader = { child, closed };
  }

  /** Feeds no more: ends the pipe (`endPipe`: the publisher plays what it has), kills a running reader. */
  #finish(endPipe: boolean): void {
    if (this.#done) return;
    this.#done = true;
    if (endPipe) this.#sink?.end();
    if (this.#reader !== undefined) {
      // Unread output would keep the reader's `close` from ever coming.
      this.#reader.child.stdout?.unpipe().destroy();
      signalGroup(this.#reader.child, 'SIGKILL');
    }
  }
}
