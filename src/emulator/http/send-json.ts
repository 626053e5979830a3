import { type ServerResponse, STATUS_CODES } from 'node:http';

/** The content type of every emulator answer, spelled as the service sends it. */
export const JSON_CONTENT_TYPE = 'application/json;charset=utf-8';

/** Response header carrying the RequestId, as the real service and the SDKs' test servers send it. */
export const REQUEST_ID_HEADER = 'x-acs-request-id';

/** Extra response headers, e.g. `x-acs-retry-after`. */
export type ExtraHeaders = Readonly<Record<string, string>>;

/**
 * Writes one JSON answer. `close` asks the client not to reuse the connection (used after a body
 * was left unread).
 */
export function sendJson(
  res: ServerResponse,
  status: number,
  requestId: string,
  body: unknown,
  extra?: ExtraHeaders,
  close = false,
): void {
  const text = JSON.stringify(body);
  const headers: Record<string, string | number> = {
    'content-type': JSON_CONTENT_TYPE,
    'content-length': Buffer.byteLength(text),
    [REQUEST_ID_HEADER]: requestId,
  };
  if (extra !== undefined) Object.assign(headers, extra);
  if (close) headers['connection'] = 'close';
  res.writeHead(status, headers);
  res.end(text);
}

/**
 * A complete HTTP/1.1 JSON answer as raw bytes, for the cases where Node's parser rejected the
 * request before a `ServerResponse` existed (oversized headers, malformed request line).
 */
export function rawJsonResponse(status: number, requestId: string, body: unknown): string {
  const text = JSON.stringify(body);
  return (
    `HTTP/1.1 ${status} ${STATUS_CODES[status] ?? 'Error'}\r\n` +
    `content-type: ${JSON_CONTENT_TYPE}\r\n` +
    `content-length: ${Buffer.byteLength(text)}\r\n` +
    `${REQUEST_ID_HEADER}: ${requestId}\r\n` +
    'connection: close\r\n\r\n' +
    text
  );
}
