import type { IncomingMessage } from 'node:http';
import type { BodyBudget } from './body-budget.js';

/** Largest request body the emulator reads by default: 1 MiB. The API's own parameters fit in a few KiB. */
export const DEFAULT_MAX_BODY_BYTES = 1024 * 1024;

/**
 * How much of an oversized body is read and thrown away before answering, as a multiple of the
 * limit: the client is still sending, and answering before it finishes would reset its socket
 * and lose the answer. Past this the connection is cut instead.
 */
const DISCARD_FACTOR = 16;

const EMPTY = Buffer.alloc(0);

/**
 * What reading a body gave: the bytes (held against the budget until the caller releases
 * `body.length`), the fact that it was larger than allowed (`drained`: whether it was read to its
 * end, so the connection is still usable for the answer), or that the emulator already holds as
 * many body bytes as its budget allows (`busy`; nothing is held, the connection should close).
 */
export type BodyResult =
  | { readonly ok: true; readonly body: Buffer }
  | { readonly ok: false; readonly busy: false; readonly limit: number; readonly drained: boolean }
  | { readonly ok: false; readonly busy: true; readonly limit: number };

/** Whether the request announces no body at all, so it can be handled without waiting for `end`. */
export function hasNoBody(req: IncomingMessage): boolean {
  const length = req.headers['content-length'];
  return (length === undefined || length === '0') && req.headers['transfer-encoding'] === undefined;
}

/**
 * Reads the whole body, up to `limit` bytes, each chunk taken from `budget` as it arrives. A larger
 * body is refused: it is read on and discarded up to 16 times the limit so that the client can
 * receive the answer, and beyond that left unread (the caller then closes the connection). When
 * the budget has no room the read stops at once and everything held so far is given back. On a
 * successful read the caller gives back `body.length` once it is done with the body.
 */
export function readBody(req: IncomingMessage, limit: number, budget: BodyBudget): Promise<BodyResult> {
  const hardLimit = limit * DISCARD_FACTOR;
  if (Number(req.headers['content-length']) > hardLimit)
    return Promise.resolve({ ok: false, busy: false, limit, drained: false });
  return new Promise((resolve, reject) => {
    const chunks: Buffer[] = [];
    let size = 0;
    /** Bytes taken from the budget and not yet handed to the caller. */
    let held = 0;
    const stop = (): void => {
      req.off('data', onData);
      req.off('end', onEnd);
      req.off('error', onError);
      req.off('close', onClose);
      budget.release(held);
      held = 0;
      chunks.length = 0;
    };
    const onData = (chunk: Buffer): void => {
      size += chunk.length;
      if (size <= limit) {
        if (!budget.reserve(chunk.length)) {
          stop();
          req.pause();
          resolve({ ok: false, busy: true, limit: budget.limit });
          return;
        }
        held += chunk.length;
        chunks.push(chunk);
      } else {
        // Past the limit nothing more is kept: what was held goes back now.
        budget.release(held);
        held = 0;
        chunks.length = 0;
        if (size > hardLimit) {
          stop();
          req.pause();
          resolve({ ok: false, busy: false, limit, drained: false });
        }
      }
    };
    const onEnd = (): void => {
      if (size > limit) {
        stop();
        resolve({ ok: false, busy: false, limit, drained: true });
        return;
      }
      const body = chunks.length === 0 ? EMPTY : chunks.length === 1 ? chunks[0]! : Buffer.concat(chunks, size);
      // From here the caller holds these bytes and gives them back.
      held = 0;
      stop();
      resolve({ ok: true, body });
    };
    const onError = (error: unknown): void => {
      stop();
      reject(error);
    };
    // The client went away before the end: nothing more will come.
    const onClose = (): void => {
      stop();
      reject(new Error('the request was closed before its body ended'));
    };
    req.on('data', onData);
    req.on('end', onEnd);
    req.on('error', onError);
    req.on('close', onClose);
  });
}
