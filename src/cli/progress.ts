import type { TextSink } from './io.js';

/** A one-line status on a terminal, redrawn in place. */
export interface Progress {
  /** Sets the text; drawn now if the line is showing, else kept for when it appears. */
  update(text: string): void;
  /** Erases the line (if it was drawn) and stops the timer. Call it before writing anything else. */
  done(): void;
}

/** How long an operation runs before its progress line appears, in milliseconds. */
export const PROGRESS_DELAY_MS = 500;

const CLEAR_LINE = '\r\x1b[K';

/**
 * A progress line on `stream` that appears only if the work takes longer than `delayMs` and
 * only when `stream` is a terminal: piped or redirected stderr never gets control characters.
 */
export function startProgress(stream: TextSink, delayMs: number = PROGRESS_DELAY_MS): Progress {
  if (stream.isTTY !== true) return { update() {}, done() {} };
  let text = '';
  let visible = false;
  const draw = (): void => {
    stream.write(CLEAR_LINE + text);
  };
  const timer = setTimeout(() => {
    visible = true;
    draw();
  }, delayMs);
  // The timer must never keep the CLI alive after its work is done.
  timer.unref();
  return {
    update(next) {
      text = next;
      if (visible) draw();
    },
    done() {
      clearTimeout(timer);
      if (visible) stream.write(CLEAR_LINE);
      visible = false;
    },
  };
}
