import { LiveOptionError } from '../errors/live-option-error.js';
import { LiveEventError } from './live-event-error.js';
import type { ReceivedLiveEvent } from './received-live-event.js';

/** Default largest task event body: 64 KiB (65,536 bytes). An event whose TaskInfo lists 30 long SourceUrls fits. */
export const DEFAULT_MAX_EVENT_BODY_BYTES = 64 * 1024;

/**
 * Handles one valid task event. `request` is the HTTP request it arrived in (its headers and URL;
 * the body has been read). The sender is answered 200 once this returns or resolves, and 500 if it
 * throws or rejects. Nothing bounds how long it may take; the sender may give up first.
 */
export type LiveEventHandler<Req> = (event: ReceivedLiveEvent, request: Req) => void | Promise<void>;

/** The answers reported to `onError`: a refused body (400, 413) or a failed handler (500). */
export type LiveEventErrorStatus = 400 | 413 | 500;

/** Options of `createLiveEventListener` and `handleLiveEventRequest`; both optional. */
export interface LiveEventReceiverOptions {
  /**
   * Largest body accepted, in bytes. A larger one is answered 413 as soon as that is known (at once
   * when `Content-Length` says so) and the rest is never read into memory. @default 65536 (64 KiB)
   */
  readonly maxBodyBytes?: number;
  /**
   * Told about every event that was not acknowledged: a `LiveEventError` with status 400 or 413, or
   * what the handler threw with status 500. Must not throw (if it does, that is ignored).
   * @default writes one line to stderr with `console.error`
   */
  readonly onError?: (error: unknown, status: LiveEventErrorStatus) => void;
}

/** The options with their defaults applied. */
export interface ReceiverSettings {
  readonly maxBodyBytes: number;
  readonly onError: (error: unknown, status: LiveEventErrorStatus) => void;
}

/** Applies the defaults. @throws LiveOptionError when `maxBodyBytes` is not a positive safe integer. */
export function resolveReceiverOptions(options: LiveEventReceiverOptions): ReceiverSettings {
  const maxBodyBytes = options.maxBodyBytes ?? DEFAULT_MAX_EVENT_BODY_BYTES;
  if (!(Number.isSafeInteger(maxBodyBytes) && maxBodyBytes > 0)) {
    throw new LiveOptionError(
      'maxBodyBytes',
      `maxBodyBytes must be a positive integer number of bytes, got ${String(maxBodyBytes)}`,
    );
  }
  return { maxBodyBytes, onError: options.onError ?? printError };
}

function printError(error: unknown, status: LiveEventErrorStatus): void {
  if (error instanceof LiveEventError) {
    console.error(`live-relay: refused a task event callback (HTTP ${status}, ${error.problem}): ${error.message}`);
  } else {
    console.error(`live-relay: the task event handler failed (answered HTTP ${status}):`, error);
  }
}
