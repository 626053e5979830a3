/**
 * A TCP server on 127.0.0.1 that speaks whatever bytes a test scripts: for the HTTP/1.1 client's
 * tests, which need answers `node:http` would never write (malformed, close-delimited, dropped)
 * and need to see connections come and go.
 */
import { Agent, request as httpRequest } from 'node:http';
import { type AddressInfo, createServer, type Server, type Socket } from 'node:net';

/** Where one request head arrived: the connection's number and the request's number on it, from 0. */
export interface Arrival {
  readonly connection: number;
  readonly request: number;
}

/** Answers one request head: writes to `socket`, closes it, or leaves the request hanging. */
export type RawHandler = (request: string, socket: Socket, arrival: Arrival) => void;

export interface RawServer {
  /** `http://127.0.0.1:<port>`. */
  readonly url: string;
  readonly port: number;
  /** Every request head received (up to and including its blank line), in order of arrival. */
  readonly requests: string[];
  /** The bytes of every request head, as received. */
  readonly rawRequests: Buffer[];
  /** Connections accepted so far. */
  readonly accepted: number;
  /** Connections open now, and the most that were open at once. */
  readonly openNow: number;
  readonly maxOpen: number;
  /** Resolves once `count` connections have closed on the server's side. */
  closed(count: number): Promise<void>;
  /** Replaces the handler for the requests that follow. */
  script(next: RawHandler): void;
  close(): Promise<void>;
}

/** An answer of `status` with `body`, framed by `content-length`, plus any `extra` header lines. */
export function rawAnswer(body: string, extra: readonly string[] = [], status = '200 OK'): string {
  return [`HTTP/1.1 ${status}`, ...extra, `content-length: ${Buffer.byteLength(body)}`, '', body].join('\r\n');
}

/** Serves on 127.0.0.1 and a free port; request heads (the client sends no bodies) go to `handler`. */
export async function startRawServer(handler: RawHandler): Promise<RawServer> {
  let current = handler;
  const requests: string[] = [];
  const rawRequests: Buffer[] = [];
  const sockets = new Set<Socket>();
  let accepted = 0;
  let maxOpen = 0;
  let closedCount = 0;
  const closeWaiters: (() => void)[] = [];
  const server: Server = createServer((socket) => {
    const connection = accepted++;
    sockets.add(socket);
    maxOpen = Math.max(maxOpen, sockets.size);
    let pending = Buffer.alloc(0);
    let request = 0;
    socket.on('error', () => undefined);
    socket.on('close', () => {
      sockets.delete(socket);
      closedCount++;
      for (const wake of closeWaiters.splice(0)) wake();
    });
    socket.on('data', (chunk: Buffer) => {
      pending = Buffer.concat([pending, chunk]);
      for (let end = pending.indexOf('\r\n\r\n'); end !== -1; end = pending.indexOf('\r\n\r\n')) {
        const head = pending.subarray(0, end + 4);
        pending = pending.subarray(end + 4);
        requests.push(head.toString('latin1'));
        rawRequests.push(head);
        current(head.toString('latin1'), socket, { connection, request: request++ });
      }
    });
  });
  await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
  const { port } = server.address() as AddressInfo;
  return {
    url: `http://127.0.0.1:${port}`,
    port,
    requests,
    rawRequests,
    get accepted() {
      return accepted;
    },
    get openNow() {
      return sockets.size;
    },
    get maxOpen() {
      return maxOpen;
    },
    async closed(count) {
      while (closedCount < count) await new Promise<void>((resolve) => closeWaiters.push(resolve));
    },
    script(next) {
      current = next;
    },
    close() {
      for (const socket of sockets) socket.destroy();
      return new Promise((resolve) => server.close(() => resolve()));
    },
  };
}

/**
 * The bytes `node:http` writes for a bodiless request through a keep-alive agent, as the
 * `http:` transport did before it had its own: the oracle for byte-identical request heads.
 */
export async function nodeHttpRequestBytes(
  method: 'GET' | 'POST',
  path: string,
  headers: Readonly<Record<string, string>>,
): Promise<Buffer> {
  const server = await startRawServer((_, socket) => socket.end(rawAnswer('')));
  const agent = new Agent({ keepAlive: true });
  try {
    await new Promise<void>((resolve, reject) => {
      const req = httpRequest({ host: '127.0.0.1', port: server.port, method, path, headers, agent }, (res) => {
        res.resume();
        res.on('end', resolve);
      });
      req.on('error', reject);
      req.end();
    });
    return server.rawRequests[0]!;
  } finally {
    agent.destroy();
    await server.close();
  }
}
