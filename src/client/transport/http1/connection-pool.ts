import type { Socket } from 'node:net';

/** A connection lent for one exchange; `reused` when it carried an earlier one. */
export interface Lease {
  readonly socket: Socket;
  readonly reused: boolean;
}

/**
 * Keep-alive TCP connections to one `host:port`, at most `maxSockets` open. An idle connection is
 * unreferenced, so it never keeps a finished process alive, and is dropped as soon as the server
 * closes it or sends anything unasked. Callers past the limit wait in order.
 */
export class ConnectionPool {
  private readonly idle: Socket[] = [];
  private readonly waiting: ((lease: Lease) => void)[] = [];
  private open = 0;

  constructor(
    private readonly hostname: string,
    private readonly port: number,
    private readonly maxSockets: number,
  ) {}

  /** Calls `onLease` with a connection, now or when one frees up; the returned function withdraws the wait. */
  acquire(onLease: (lease: Lease) => void): () => void {
    let socket = this.idle.pop();
    // One dropped by `dropIdle` leaves the list only on its 'close', a turn of the event loop later;
    // lent in between, it would fail a request it never sent.
    while (socket?.destroyed) socket = this.idle.pop();
    if (socket !== undefined) {
      onLease(this.lend(socket));
      return () => undefined;
    }
    if (this.open < this.maxSockets) {
      onLease({ socket: this.connect(), reused: false });
      return () => undefined;
    }
    this.waiting.push(onLease);
    return () => {
      const index = this.waiting.indexOf(onLease);
      if (index !== -1) this.waiting.splice(index, 1);
    };
  }

  /** Takes a connection back after a complete exchange, for the next waiter or as idle. */
  release(socket: Socket): void {
    const next = this.waiting.shift();
    if (next !== undefined) {
      next({ socket, reused: true });
      return;
    }
    socket.unref();
    socket.on('data', dropIdle);
    socket.on('end', dropIdle);
    this.idle.push(socket);
  }

  private lend(socket: Socket): Lease {
    socket.off('data', dropIdle);
    socket.off('end', dropIdle);
    socket.ref();
    return { socket, reused: true };
  }

  private connect(): Socket {
    this.open++;
    // Loaded with the first connection: a CLI run that sends nothing (`--help`, a usage error) never loads it.
    const socket = process
      .getBuiltinModule('node:net')
      .connect({ host: this.hostname, port: this.port, noDelay: true });
    // Errors reach the exchange using the socket; an idle one is only dropped.
    socket.on('error', () => undefined);
    socket.once('close', () => {
      this.open--;
      const index = this.idle.indexOf(socket);
      if (index !== -1) this.idle.splice(index, 1);
      const next = this.waiting.shift();
      if (next !== undefined) next({ socket: this.connect(), reused: false });
    });
    return socket;
  }
}

/** An idle connection the server closed, or wrote to unasked: never lent again. */
function dropIdle(this: Socket): void {
  this.destroy();
}
