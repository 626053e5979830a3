import type { IncomingMessage } from 'node:http';

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
 * What reading a body gave: the bytes, or the fact that it was larger than allowed (`drained`:
 * whether it was read to its end, so the connection is still usable for the answer).
 */
export type BodyResult =
  | { readonly ok: true; readonly body: Buffer }
  | { readonly ok: false; readonly limit: number; readonly drained: boolean };

/** Whether the request announces no body at all, so it can be handled without waiting for `end`. */
export function hasNoBody(req: IncomingMessage): boolean {
  const length = req.headers['content-length'];
  return (length === undefined || length === '0') && req.headers['transfer-encoding'] === undefined;
}

/**
 * Reads the whole body, up to `limit` bytes. A larger body is refused: it is read on and
 * discarded up to 16 times the limit so that the client can receive the answer, and beyond that
 * left unread (the caller then closes the connection).
 */
export function readBody(req: IncomingMessage, limit: number): Promise<BodyResult> {
  const hardLimit = limit * DISCARD_FACTOR;
  if (Number(req.headers['content-length']) > hardLimit) return Promise.resolve({ ok: false, limit, drained: false });
  return new Promise((resolve, reject) => {
    const chunks: Buffer[] = [];
    let size = 0;
    const onData = (chunk: Buffer): void => {
      size += chunk.length;
      if (size <= limit) {
        chunks.push(chunk);
      } else if (size > hardLimit) {
        req.off('data', onData);
        req.off('end', onEnd);
        req.pause();
        resolve({ ok: false, limit, drained: false });
      }
    };
    const onEnd = (): void => {
      if (size > limit) resolve({ ok: false, limit, drained: true });
      else
        resolve({
          ok: true,
          body: chunks.length === 0 ? EMPTY : chunks.length === 1 ? chunks[0]! : Buffer.concat(chunks, size),
        });
    };
    req.on('data', onData);
    req.on('end', onEnd);
    req.on('error', reject);
  });
}
