import type { IncomingMessage } from 'node:http';
import type { BodyRead } from './body-read.js';

/**
 * Reads a `node:http` request body of at most `limit` bytes. A larger one resolves `{ ok: false }`
 * at once when `Content-Length` announces it (nothing is read), else as soon as the bytes read
 * pass the limit; what follows is left to flow and be discarded, never kept.
 * Rejects when the request fails or closes before its end.
 */
export function readNodeBody(req: IncomingMessage, limit: number): Promise<BodyRead> {
  if (Number(req.headers['content-length']) > limit) return Promise.resolve({ ok: false });
  return new Promise((resolve, reject) => {
    const chunks: Buffer[] = [];
    let size = 0;
    const stop = (): void => {
      req.off('data', onData);
      req.off('end', onEnd);
      req.off('error', onError);
      req.off('close', onClose);
    };
    const onData = (chunk: Buffer): void => {
      size += chunk.length;
      if (size <= limit) {
        chunks.push(chunk);
        return;
      }
      stop();
      chunks.length = 0;
      resolve({ ok: false });
    };
    const onEnd = (): void => {
      stop();
      resolve({ ok: true, body: Buffer.concat(chunks, size) });
    };
    const onError = (error: Error): void => {
      stop();
      reject(error);
    };
    const onClose = (): void => {
      stop();
      reject(new Error('the request closed before its body ended'));
    };
    req.on('data', onData);
    req.on('end', onEnd);
    req.on('error', onError);
    req.on('close', onClose);
  });
}
