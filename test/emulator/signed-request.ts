/**
 * Test helpers: send raw or signed requests to an emulator over node:http, with the wire
 * module's own signers. Not a client: every knob a malformed request needs is exposed.
 */
import { Agent, request as httpRequest, type IncomingHttpHeaders } from 'node:http';
import { connect } from 'node:net';
import { API_VERSION } from '../../generated/operations.js';
import { canonicalQuery } from '../../src/wire/canonical-query.js';
import type { Credentials } from '../../src/wire/credentials.js';
import { signV1 } from '../../src/wire/sign-v1.js';
import { signV3 } from '../../src/wire/sign-v3.js';

/** Keep-alive agent shared by a test file; `destroyAgent()` in `afterAll`. */
const agent = new Agent({ keepAlive: true, maxSockets: 64 });

export function destroyAgent(): void {
  agent.destroy();
}

export interface RawResponse {
  readonly status: number;
  readonly headers: IncomingHttpHeaders;
  readonly text: string;
  /** The parsed body (`undefined` when it is not JSON). */
  // biome-ignore lint/suspicious/noExplicitAny: JSON of whichever route was hit; each test reads the fields it asserts on.
  readonly body: any;
}

export interface RawRequest {
  readonly method?: string;
  /** Path and query, e.g. `/?Action=…`. */
  readonly path: string;
  readonly headers?: Readonly<Record<string, string>>;
  readonly body?: string | Buffer;
}

/** Sends one request as given. */
export function sendRaw(baseUrl: string, req: RawRequest): Promise<RawResponse> {
  const url = new URL(baseUrl);
  // Node sends a GET body without framing unless told its length.
  const headers =
    req.body === undefined || req.headers?.['content-length'] !== undefined
      ? req.headers
      : { ...req.headers, 'content-length': String(Buffer.byteLength(req.body)) };
  return new Promise((resolve, reject) => {
    const outgoing = httpRequest(
      { host: url.hostname, port: url.port, method: req.method ?? 'GET', path: req.path, headers, agent },
      (res) => {
        const chunks: Buffer[] = [];
        res.on('data', (chunk: Buffer) => chunks.push(chunk));
        res.on('end', () => {
          const text = Buffer.concat(chunks).toString('utf8');
          let body: unknown;
          try {
            body = JSON.parse(text);
          } catch {
            body = undefined;
          }
          resolve({ status: res.statusCode ?? 0, headers: res.headers, text, body });
        });
        res.on('error', reject);
      },
    );
    outgoing.on('error', reject);
    if (req.body !== undefined) outgoing.end(req.body);
    else outgoing.end();
  });
}

/** Writes raw bytes on a fresh socket and returns the status and body of the answer (for requests node:http would not send). */
export function sendBytes(
  baseUrl: string,
  bytes: string | Buffer,
): Promise<Pick<RawResponse, 'status' | 'body' | 'text'>> {
  const url = new URL(baseUrl);
  return new Promise((resolve, reject) => {
    const socket = connect(Number(url.port), url.hostname);
    const chunks: Buffer[] = [];
    socket.on('data', (chunk: Buffer) => chunks.push(chunk));
    socket.on('error', (error: NodeJS.ErrnoException) => {
      // The server may close while we still write; what it answered is what counts.
      if (error.code === 'ECONNRESET' || error.code === 'EPIPE') finish();
      else reject(error);
    });
    socket.on('end', finish);
    socket.on('close', finish);
    socket.write(bytes);
    let done = false;
    function finish(): void {
      if (done) return;
      done = true;
      const text = Buffer.concat(chunks).toString('utf8');
      const status = Number(/^HTTP\/1\.1 (\d{3})/.exec(text)?.[1] ?? 0);
      const bodyText = text.slice(text.indexOf('\r\n\r\n') + 4);
      let body: unknown;
      try {
        body = JSON.parse(bodyText);
      } catch {
        body = undefined;
      }
      resolve({ status, body, text });
    }
  });
}

export interface SignedCall {
  readonly action: string;
  /** Wire parameters (strings). */
  readonly params?: Readonly<Record<string, string>>;
  readonly credentials: Credentials;
  readonly signature?: 'v3' | 'v1';
  /** Default `GET`. */
  readonly method?: string;
  /** V1 only: where the signed parameters go. Default `query` (GET) / `form` (POST). */
  readonly placement?: 'query' | 'form';
  /** Signing time. Default now. */
  readonly date?: Date;
  readonly nonce?: string;
  readonly version?: string;
  /** V3: extra headers to sign and send. */
  readonly extraHeaders?: Readonly<Record<string, string>>;
  /** Changes the request after signing (to break it on purpose). */
  readonly tamper?: (request: { path: string; headers: Record<string, string>; body?: string }) => void;
}

/** Signs with the wire module's V3 or V1 signer and sends. */
export function sendSigned(baseUrl: string, call: SignedCall): Promise<RawResponse> {
  const method = call.method ?? 'GET';
  const version = call.version ?? API_VERSION;
  const params = call.params ?? {};
  const host = new URL(baseUrl).host;
  let request: { path: string; headers: Record<string, string>; body?: string };
  if ((call.signature ?? 'v3') === 'v3') {
    const headers = signV3({
      method,
      host,
      action: call.action,
      version,
      query: params,
      credentials: call.credentials,
      ...(call.extraHeaders === undefined ? {} : { headers: call.extraHeaders }),
      ...(call.date === undefined ? {} : { date: call.date }),
      ...(call.nonce === undefined ? {} : { nonce: call.nonce }),
    });
    const query = canonicalQuery(params);
    request = { path: query === '' ? '/' : `/?${query}`, headers };
  } else {
    const signed = signV1({
      method,
      action: call.action,
      version,
      params,
      credentials: call.credentials,
      ...(call.date === undefined ? {} : { date: call.date }),
      ...(call.nonce === undefined ? {} : { nonce: call.nonce }),
    });
    const encoded = canonicalQuery(signed);
    const placement = call.placement ?? (method === 'POST' ? 'form' : 'query');
    request =
      placement === 'query'
        ? { path: `/?${encoded}`, headers: {} }
        : { path: '/', headers: { 'content-type': 'application/x-www-form-urlencoded' }, body: encoded };
  }
  call.tamper?.(request);
  return sendRaw(baseUrl, {
    method,
    path: request.path,
    headers: request.headers,
    ...(request.body === undefined ? {} : { body: request.body }),
  });
}

/** `yyyy-MM-ddTHH:mm:ssZ` for a Date, as the API's time parameters take it. */
export function utc(date: Date): string {
  return `${date.toISOString().slice(0, 19)}Z`;
}
