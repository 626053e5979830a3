import type { Socket } from 'node:net';

/** Where a lent connection's events go: the exchange using it. */
export interface ConnectionUser {
  onData(chunk: Buffer): void;
  /** The server ended the connection, or it closed. */
  onEnd(): void;
  onError(error: Error): void;
}

/**
 * One pooled TCP connection. Its listeners stay for its whole life and forward to `user`, the
 * exchange it is lent to: attaching is one assignment instead of four listeners added and removed
 * per call. Without a user (idle), anything the server sends or an end drops it.
 */
export class Connection {
  user: ConnectionUser | undefined;
  /** Whether it has carried an exchange before the current one. */
  reused = false;
  constructor(readonly socket: Socket) {}
}

/**
 * Keep-alive TCP connections to one `host:port`, at most `maxSockets` open. An idle connection is
 * unreferenced, so it never keeps a finished process alive, and is dropped as soon as the server
 * closes it or sends anything unasked. Callers past the limit wait in order.
 */
export class ConnectionPool {
  private readonly idle: Connection[] = [];
  private readonly waiting: ((connection: Connection) => void)[] = [];
  private open = 0;

  constructor(
    private readonly hostname: string,
    private readonly port: number,
    private readonly maxSockets: number,
  ) {}

  /** Calls `onLease` with a connection, now or when one frees up; the returned function withdraws the wait. */
  acquire(onLease: (connection: Connection) => void): () => void {
    let connection = this.idle.pop();
    // One dropped while idle leaves the list only on its 'close', a turn of the event loop later;
    // lent in between, it would fail a request it never sent.
    while (connection?.socket.destroyed) connection = this.idle.pop();
    if (connection !== undefined) {
      connection.socket.ref();
      onLease(connection);
      return withdrawNothing;
    }
    if (this.open < this.maxSockets) {
      onLease(this.connect());
      return withdrawNothing;
    }
    this.waiting.push(onLease);
    return () => {
      const index = this.waiting.indexOf(onLease);
      if (index !== -1) this.waiting.splice(index, 1);
    };
  }

  /** Takes a connection back after a complete exchange, for the next waiter or as idle. */
  release(connection: Connection): void {
    connection.user = undefined;
    connection.reused = true;
    const next = this.waiting.shift();
    if (next !== undefined) {
      next(connection);
      return;
    }
    connection.socket.unref();
    this.idle.push(connection);
  }

  /** Closes a connection that must not carry another exchange. */
  discard(connection: Connection): void {
    connection.user = undefined;
    connection.socket.destroy();
  }

  private connect(): Connection {
    this.open++;
    // Loaded with the first connection: a CLI run that sends nothing (`--help`, a usage error) never loads it.
    const socket = process
      .getBuiltinModule('node:net')
      .connect({ host: this.hostname, port: this.port, noDelay: true });
    const connection = new Connection(socket);
    socket.on('data', (chunk: Buffer) => {
      if (connection.user === undefined) socket.destroy();
      else connection.user.onData(chunk);
    });
    socket.on('end', () => {
      if (connection.user === undefined) socket.destroy();
      else connection.user.onEnd();
    });
    // Errors reach the exchange using the connection; an idle one is only dropped (its 'close' follows).
    socket.on('error', (error: Error) => connection.user?.onError(error));
    socket.once('close', () => {
      this.open--;
      const index = this.idle.indexOf(connection);
      if (index !== -1) this.idle.splice(index, 1);
      const next = this.waiting.shift();
      if (next !== undefined) next(this.connect());
      connection.user?.onEnd();
    });
    return connection;
  }
}

function withdrawNothing(): void {}
