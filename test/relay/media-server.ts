import { createReadStream, statSync } from 'node:fs';
import { createServer, type Server } from 'node:http';
import type { AddressInfo, Socket } from 'node:net';
import { basename } from 'node:path';

/** A local HTTP file server for the clips (with Range, as a CDN has), that tests can kill and bring back. */
export interface MediaServer {
  /** `http://127.0.0.1:<port>/<file name>`. */
  urlOf(file: string): string;
  /** Closes the server and cuts every open connection: a source that dies. */
  kill(): Promise<void>;
  /** Listens again on the same port. */
  revive(): Promise<void>;
  close(): Promise<void>;
}

export async function startMediaServer(files: readonly string[]): Promise<MediaServer> {
  const byName = new Map(files.map((file) => [basename(file), file]));
  const sockets = new Set<Socket>();
  let port = 0;
  let server: Server | undefined;

  const listen = async (): Promise<void> => {
    const next = createServer((request, response) => {
      const file = byName.get(decodeURIComponent((request.url ?? '/').slice(1).split('?')[0] ?? ''));
      if (file === undefined) {
        response.writeHead(404).end();
        return;
      }
      const size = statSync(file).size;
      const range = /^bytes=(\d+)-(\d*)$/.exec(request.headers.range ?? '');
      const start = range === null ? 0 : Number(range[1]);
      const end = range === null || range[2] === '' ? size - 1 : Math.min(Number(range[2]), size - 1);
      response.writeHead(range === null ? 200 : 206, {
        'content-type': 'video/mp4',
        'accept-ranges': 'bytes',
        'content-length': String(end - start + 1),
        ...(range === null ? {} : { 'content-range': `bytes ${start}-${end}/${size}` }),
      });
      if (request.method === 'HEAD') response.end();
      else createReadStream(file, { start, end }).pipe(response);
    });
    next.on('connection', (socket) => {
      sockets.add(socket);
      socket.once('close', () => sockets.delete(socket));
    });
    await new Promise<void>((resolve, reject) => {
      next.once('error', reject);
      next.listen(port, '127.0.0.1', () => resolve());
    });
    port = (next.address() as AddressInfo).port;
    server = next;
  };

  const kill = async (): Promise<void> => {
    const current = server;
    server = undefined;
    if (current === undefined) return;
    for (const socket of sockets) socket.destroy();
    await new Promise<void>((resolve) => current.close(() => resolve()));
  };

  await listen();
  return {
    urlOf: (file) => `http://127.0.0.1:${port}/${encodeURIComponent(basename(file))}`,
    kill,
    revive: listen,
    close: kill,
  };
}
