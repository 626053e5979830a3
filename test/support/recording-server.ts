/**
 * A real HTTP server on 127.0.0.1 for the client and signing tests: it records every request
 * (method, path, decoded query, headers, body bytes, arrival time) and answers from a script,
 * by default like a successful RPC call.
 */
import {
  createServer,
  type IncomingHttpHeaders,
  type IncomingMessage,
  type Server,
  type ServerResponse,
} from 'node:http';
import type { AddressInfo } from 'node:net';
import { verifyRequest } from '../../src/wire/verify-request.js';
import type { ReceivedRequest, VerifyResult } from '../../src/wire/verify-result.js';

export interface RecordedRequest {
  readonly method: string;
  /** Path and raw query as received. */
  readonly url: string;
  readonly pathname: string;
  /** Decoded query parameters. */
  readonly query: Record<string, string>;
  readonly headers: IncomingHttpHeaders;
  /** The body bytes as received (empty for a GET). */
  readonly rawBody: Buffer;
  /** `Date.now()` when the request arrived. */
  readonly receivedAt: number;
}

/** What the server does with one request. */
export type Reply =
  | { readonly status?: number; readonly headers?: Record<string, string>; readonly body?: unknown }
  | 'hang'
  | 'reset';

export type Script = (request: RecordedRequest, index: number) => Reply;

export const OK_BODY = { RequestId: 'req-ok', RetCode: 0, Description: 'OK' };

export interface RecordingServer {
  /** `http://127.0.0.1:<port>`. */
  readonly url: string;
  /** `127.0.0.1:<port>`: what the official clients take as `endpoint`. */
  readonly host: string;
  readonly requests: RecordedRequest[];
  /** Replaces the script for the requests that follow. */
  script(next: Script): void;
  close(): Promise<void>;
}

export async function startRecordingServer(script: Script = () => ({ body: OK_BODY })): Promise<RecordingServer> {
  const requests: RecordedRequest[] = [];
  const hanging = new Set<ServerResponse>();
  let current = script;
  const server: Server = createServer((req, res) => {
    const receivedAt = Date.now();
    const chunks: Buffer[] = [];
    req.on('data', (chunk: Buffer) => chunks.push(chunk));
    req.on('end', () => answer(req, res, { rawBody: Buffer.concat(chunks), receivedAt }));
  });
  const answer = (
    req: IncomingMessage,
    res: ServerResponse,
    arrival: Pick<RecordedRequest, 'rawBody' | 'receivedAt'>,
  ): void => {
    const url = new URL(req.url ?? '/', 'http://recorder');
    const recorded: RecordedRequest = {
      method: req.method ?? '',
      url: req.url ?? '',
      pathname: url.pathname,
      query: Object.fromEntries(url.searchParams),
      headers: req.headers,
      ...arrival,
    };
    const index = requests.push(recorded) - 1;
    const reply = current(recorded, index);
    if (reply === 'hang') {
      hanging.add(res);
      return;
    }
    if (reply === 'reset') {
      req.socket.destroy();
      return;
    }
    const body = typeof reply.body === 'string' ? reply.body : JSON.stringify(reply.body ?? OK_BODY);
    res.writeHead(reply.status ?? 200, { 'content-type': 'application/json;charset=utf-8', ...reply.headers });
    res.end(body);
  };
  await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
  const { port } = server.address() as AddressInfo;
  return {
    url: `http://127.0.0.1:${port}`,
    host: `127.0.0.1:${port}`,
    requests,
    script(next) {
      current = next;
    },
    close() {
      for (const res of hanging) res.destroy();
      server.closeAllConnections();
      return new Promise((resolve) => server.close(() => resolve()));
    },
  };
}

/** Verifies a recorded request's signature with the wire module's server-side verifier. */
export function verifyRecorded(request: RecordedRequest, secrets: Readonly<Record<string, string>>): VerifyResult {
  return verifyRequest(
    { method: request.method, query: request.query, headers: request.headers },
    { lookupSecret: (id) => secrets[id], now: new Date(request.receivedAt) },
  );
}

/** A port on 127.0.0.1 nothing listens on (bound, then released). */
export async function closedPort(): Promise<number> {
  const server = createServer();
  await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
  const { port } = server.address() as AddressInfo;
  await new Promise((resolve) => server.close(resolve));
  return port;
}

/** What a server's HTTP layer hands the verifier: decoded query, decoded form body, raw bytes. */
export function toReceivedRequest(recorded: RecordedRequest): ReceivedRequest {
  const contentType = recorded.headers['content-type'] ?? '';
  const form = contentType.startsWith('application/x-www-form-urlencoded')
    ? Object.fromEntries(new URLSearchParams(recorded.rawBody.toString('utf8')))
    : undefined;
  return {
    method: recorded.method,
    pathname: recorded.pathname,
    query: recorded.query,
    ...(form === undefined ? {} : { form }),
    headers: recorded.headers,
    rawBody: recorded.rawBody,
  };
}
