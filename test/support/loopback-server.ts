import { createServer, type IncomingMessage, type Server, type ServerResponse } from 'node:http';
import type { AddressInfo } from 'node:net';

/** A listening server on 127.0.0.1 and a free port; `url` is its origin. */
export interface TestServer {
  readonly url: string;
  readonly port: number;
  /** Drops open connections and stops listening. */
  close(): Promise<void>;
}

/** Serves `listener` on 127.0.0.1 and a free port. */
export async function serve(listener: (req: IncomingMessage, res: ServerResponse) => void): Promise<TestServer> {
  const server: Server = createServer(listener);
  await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
  const { port } = server.address() as AddressInfo;
  return {
    url: `http://127.0.0.1:${port}`,
    port,
    close: () =>
      new Promise<void>((resolve) => {
        server.close(() => resolve());
        server.closeAllConnections();
      }),
  };
}
