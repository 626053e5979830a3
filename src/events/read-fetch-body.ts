import type { BodyRead } from './body-read.js';

/**
 * Reads a Fetch API request body of at most `limit` bytes. A larger one resolves `{ ok: false }`
 * at once when `Content-Length` announces it, else as soon as the bytes read pass the limit; the
 * stream is then cancelled, so the rest is never pulled. Rejects when the stream fails or was
 * already used.
 */
export async function readFetchBody(request: Request, limit: number): Promise<BodyRead> {
  const stream = request.body;
  if (Number(request.headers.get('content-length')) > limit) {
    await stream?.cancel().catch(() => undefined);
    return { ok: false };
  }
  if (stream === null) return { ok: true, body: new Uint8Array(0) };
  const reader = stream.getReader();
  const chunks: Uint8Array[] = [];
  let size = 0;
  for (;;) {
    const { done, value } = await reader.read();
    if (done) break;
    size += value.byteLength;
    if (size > limit) {
      await reader.cancel().catch(() => undefined);
      return { ok: false };
    }
    chunks.push(value);
  }
  const body = new Uint8Array(size);
  let at = 0;
  for (const chunk of chunks) {
    body.set(chunk, at);
    at += chunk.byteLength;
  }
  return { ok: true, body };
}
