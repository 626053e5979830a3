import type { ChildProcess } from 'node:child_process';
import type { Writable } from 'node:stream';
import type { StreamCodecs } from './codec-choice.js';
import { collectErrorLines, errorText } from './failure-class.js';
import { PROBE_TIMEOUT_MS } from './media-probe.js';
import { createOutputStreamsReader } from './output-streams.js';
import { liveReaderArgs } from './relay-args.js';
import type { ProcessLedger } from './relay-ledger.js';
import { signalGroup, spawnChild } from './spawn-child.js';
import { ToolFailedError } from './tool-failed-error.js';

export interface LiveReaderOptions {
  readonly ffmpeg: string;
  readonly url: string;
  /** Marks the reader for the orphan sweep (`RELAY_TASK_ID`), as its publisher is. */
  readonly taskId: string;
  readonly ledger?: ProcessLedger | undefined;
}

/**
 * Reads a live source once, for its relay: one ffmpeg opens the source, says which streams it
 * copies ({@link streams}, which choose copy or re-encode) and then passes them on as NUT into
 * the publisher's input pipe ({@link start}). A separate probe would open the source a second
 * time, which a source that serves one connection (`ffmpeg -listen 1`, an SRT listener) refuses,
 * and which costs every live relay the source's analysis twice. The publisher ends with the
 * reader: when the source ends or fails, the pipe ends, and {@link failure} says why.
 */
export class LiveReader {
  readonly #child: ChildProcess;
  readonly #closed: Promise<void>;
  readonly #errors: { lines: string[]; flush(): void };
  readonly #streams: Promise<StreamCodecs>;
  #sink: Writable | undefined;
  #stopping = false;
  /** The reader's output ended before anyone stopped it: the source ended or failed. */
  #endedItself = false;

  constructor(options: LiveReaderOptions) {
    const { url, taskId, ledger } = options;
    const child = spawnChild(options.ffmpeg, liveReaderArgs(url), { stdin: false, env: { RELAY_TASK_ID: taskId } });
    this.#child = child;
    const pid = child.pid;
    if (pid !== undefined) ledger?.add(taskId, pid);
    let announce: (streams: StreamCodecs) => void = () => {};
    let refuse: (error: ToolFailedError) => void = () => {};
    this.#streams = new Promise((resolve, reject) => {
      announce = resolve;
      refuse = reject;
    });
    const summary = createOutputStreamsReader();
    this.#errors = collectErrorLines(child.stderr, (line) => {
      const streams = summary(line);
      if (streams !== undefined) announce(streams);
    });
    let spawnError: string | undefined;
    child.once('error', (error) => {
      spawnError = error.message;
    });
    const ownEnd = (): void => {
      if (!this.#stopping) this.#endedItself = true;
    };
    child.stdout?.once('end', ownEnd);
    const timer = setTimeout(() => {
      refuse(new ToolFailedError(`${url}: ffmpeg named no stream within ${PROBE_TIMEOUT_MS / 1000} s`));
      void this.stop();
    }, PROBE_TIMEOUT_MS);
    // Also handles a refusal nobody asked for (a reader stopped first): never an unhandled rejection.
    void this.#streams.then(
      () => clearTimeout(timer),
      () => {},
    );
    this.#closed = new Promise((resolve) => {
      child.once('close', (code) => {
        clearTimeout(timer);
        this.#errors.flush();
        if (pid !== undefined) ledger?.remove(pid);
        ownEnd();
        const last = this.#errors.lines.at(-1);
        const detail = spawnError ?? `ffmpeg exited with status ${String(code)}`;
        refuse(new ToolFailedError(last === undefined ? `${url}: ${detail}` : errorText(last)));
        this.#sink?.end();
        resolve();
      });
    });
  }

  /**
   * The streams the reader copies, once ffmpeg has opened the source and chosen them.
   * @throws ToolFailedError with the reader's last error line when it ends first, or after {@link PROBE_TIMEOUT_MS}
   */
  streams(signal: AbortSignal): Promise<StreamCodecs> {
    if (signal.aborted) return Promise.reject(signal.reason);
    const aborted = new Promise<never>((_, reject) => {
      signal.addEventListener('abort', () => reject(signal.reason), { once: true });
    });
    return Promise.race([this.#streams, aborted]);
  }

  /** Passes the streams on into `sink` (the publisher's `pipe:3`); when the publisher goes, so does the reader. */
  start(sink: Writable): void {
    if (this.#sink !== undefined) throw new Error('LiveReader.start: already started');
    this.#sink = sink;
    sink.once('close', () => void this.stop());
    this.#child.stdout?.pipe(sink);
  }

  /**
   * Once {@link stop} has resolved: the reader's error lines if it ended by itself (the source
   * ended or failed, which ended the publisher's input), else undefined.
   */
  get failure(): readonly string[] | undefined {
    return this.#endedItself ? this.#errors.lines : undefined;
  }

  /** Ends the reader unless it has ended; resolves once it has exited and its pipes are drained. */
  async stop(): Promise<void> {
    if (!this.#endedItself) {
      this.#stopping = true;
      // Unread output would keep the reader's `close` from ever coming.
      this.#child.stdout?.unpipe().destroy();
      signalGroup(this.#child, 'SIGKILL');
    }
    await this.#closed;
  }
}
