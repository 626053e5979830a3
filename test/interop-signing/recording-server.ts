import { createServer, type IncomingHttpHeaders } from 'node:http';
import type { AddressInfo } from 'node:net';
import type { ReceivedRequest } from '../../src/wire/index.js';

/** One request as it arrived on the wire. */
export interface Recorded {
  readonly method: string;
  readonly url: string;
  readonly headers: IncomingHttpHeaders;
  readonly rawBody: Buffer;
}

export interface RecordingServer {
  /** `127.0.0.1:<port>`: what the official clients take as `endpoint`. */
  readonly host: string;
  readonly requests: Recorded[];
  close(): Promise<void>;
}

/** A loopback server that records every request and answers like a successful RPC call. */
export async function startRecordingServer(): Promise<RecordingServer> {
  const requests: Recorded[] = [];
  const server = createServer((req, res) => {
    const chunks: Buffer[] = [];
    req.on('data', (chunk: Buffer) => chunks.push(chunk));
    req.on('end', () => {
      requests.push({
        method: req.method ?? '',
        url: req.url ?? '',
        headers: req.headers,
        rawBody: Buffer.concat(chunks),
      });
      res.writeHead(200, { 'content-type': 'application/json;charset=utf-8' });
      res.end('{"RequestId":"x","RetCode":0,"Description":"OK"}');
    });
  });
  await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
  const { port } = server.address() as AddressInfo;
  return {
    host: `127.0.0.1:${port}`,
    requests,
    close: () =>
      new Promise<void>((resolve, reject) => {
        server.closeAllConnections();
        server.close((error) => (error ? reject(error) : resolve()));
      }),
  };
}

/** What a server's HTTP layer hands the verifier: decoded query, decoded form body, raw bytes. */
export function toReceivedRequest(recorded: Recorded): ReceivedRequest {
  const url = new URL(recorded.url, 'http://recorded');
  const contentType = recorded.headers['content-type'] ?? '';
  const form = contentType.startsWith('application/x-www-form-urlencoded')
    ? Object.fromEntries(new URLSearchParams(recorded.rawBody.toString('utf8')))
    : undefined;
  return {
    method: recorded.method,
    pathname: url.pathname,
    query: Object.fromEntries(url.searchParams),
    ...(form === undefined ? {} : { form }),
    headers: recorded.headers,
    rawBody: recorded.rawBody,
  };
}
