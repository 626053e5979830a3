import { mayHaveBeenSent } from './connection-error.js';
import type { Endpoint } from './endpoint.js';
import { type Connection, ConnectionPool, type ConnectionUser } from './http1/connection-pool.js';
import { requestHead } from './http1/request-head.js';
import { type ParsedResponse, ResponseParser } from './http1/response-parser.js';
import { MAX_SOCKETS_PER_HOST } from './keep-alive-agents.js';
import type { Send, SendOutcome, SignedAttempt } from './send-outcome.js';

type Limits = Parameters<Send>[1];

/** Process-wide, like `node:http`'s agents: every client of one `host:port` shares its connections. */
const pools = new Map<string, ConnectionPool>();

/**
 * The default transport for `http:` endpoints (the emulator): bodiless HTTP/1.1 requests over
 * pooled keep-alive `node:net` connections. Every call sends what `node:http` sent, byte for byte;
 * what it saves is `node:http` itself, a sixth of a short CLI run (loading its client, agent,
 * parser and stream classes) and a good part of each call's CPU.
 */
export function createSocketSender(endpoint: Endpoint): Send {
  const key = `${endpoint.hostname}:${endpoint.port}`;
  let pool = pools.get(key);
  if (pool === undefined) {
    pool = new ConnectionPool(endpoint.hostname, endpoint.port, MAX_SOCKETS_PER_HOST);
    pools.set(key, pool);
  }
  const shared = pool;
  return (attempt, limits) => exchange(shared, attempt, limits);
}

/**
 * One request/answer exchange, with `http-sender.ts`'s contract: a failure on a reused connection,
 * or any but a refused connection or DNS failure on a new one, may have been sent; after a timeout
 * the exchange stays open for another `timeoutMs`, so that the moment a late answer arrives is
 * known; then it is closed. A connection that timed out or failed is never reused.
 */
function exchange(pool: ConnectionPool, attempt: SignedAttempt, { timeoutMs, signal }: Limits): Promise<SendOutcome> {
  return new Promise((resolve, reject) => {
    if (signal?.aborted) {
      reject(signal.reason);
      return;
    }
    let head: string;
    try {
      head = requestHead(attempt.method, attempt.path, attempt.headers);
    } catch (error) {
      resolve({ kind: 'failed', error, requestSent: false });
      return;
    }
    new Exchange(pool, head, timeoutMs, signal, resolve, reject);
  });
}

/**
 * The state of one exchange, as an object rather than a dozen closures per call: the connection
 * calls it back as its {@link ConnectionUser}.
 */
class Exchange implements ConnectionUser {
  private settled = false;
  private finished = false;
  private connection: Connection | undefined;
  /** Set once the attempt has timed out: called when the exchange has really ended. */
  private markEnded: (() => void) | undefined;
  private readonly parser = new ResponseParser();
  private readonly withdraw: () => void;
  private readonly timer: NodeJS.Timeout;
  private readonly onAbort: (() => void) | undefined;

  constructor(
    private readonly pool: ConnectionPool,
    private readonly head: string,
    private readonly timeoutMs: number,
    private readonly signal: AbortSignal | undefined,
    private readonly resolve: (outcome: SendOutcome) => void,
    private readonly reject: (reason: unknown) => void,
  ) {
    this.withdraw = pool.acquire((connection) => this.attach(connection));
    this.timer = setTimeout(() => this.timedOut(), timeoutMs);
    if (signal !== undefined) {
      this.onAbort = () => this.aborted();
      signal.addEventListener('abort', this.onAbort, { once: true });
    }
  }

  onData(chunk: Buffer): void {
    let response: ParsedResponse | undefined;
    try {
      response = this.parser.push(chunk);
    } catch (error) {
      this.fail(error, true);
      return;
    }
    if (response !== undefined) this.answer(response);
  }

  onEnd(): void {
    let response: ParsedResponse;
    try {
      response = this.parser.end();
    } catch (error) {
      this.fail(error, true);
      return;
    }
    this.answer(response);
  }

  onError(error: Error): void {
    this.fail(error, this.connection!.reused || mayHaveBeenSent(error));
  }

  private attach(connection: Connection): void {
    this.connection = connection;
    connection.user = this;
    // Latin-1, as node:http writes a head: a header's obs-text (\x80-\xff) is one byte, not UTF-8.
    connection.socket.write(this.head, 'latin1');
  }

  private answer(response: ParsedResponse): void {
    this.finish(response.keepAlive && this.parser.leftover === 0);
    this.settle({ kind: 'answer', status: response.status, headers: response.headers, body: response.body.toString() });
  }

  private fail(error: unknown, requestSent: boolean): void {
    this.finish(false);
    this.settle({ kind: 'failed', error, requestSent });
  }

  /** Ends the exchange: the connection goes back to the pool only after a clean, framed answer in time. */
  private finish(reusable: boolean): void {
    if (this.finished) return;
    this.finished = true;
    if (reusable && !this.settled) this.pool.release(this.connection!);
    else this.pool.discard(this.connection!);
    this.markEnded?.();
  }

  private settle(outcome: SendOutcome): void {
    if (this.settled) return;
    this.settled = true;
    clearTimeout(this.timer);
    if (this.onAbort !== undefined) this.signal!.removeEventListener('abort', this.onAbort);
    this.resolve(outcome);
  }

  private aborted(): void {
    if (this.settled) return;
    this.settled = true;
    clearTimeout(this.timer);
    this.withdraw();
    if (this.connection !== undefined) this.finish(false);
    this.reject(this.signal!.reason);
  }

  private timedOut(): void {
    const connection = this.connection;
    if (connection === undefined) {
      // Still waiting for a connection: nothing was sent, and nothing will be.
      this.withdraw();
      this.settle({ kind: 'timeout', ended: Promise.resolve(Date.now()) });
      return;
    }
    const late = new Promise<number>((resolve) => {
      const grace = setTimeout(() => this.finish(false), this.timeoutMs);
      this.markEnded = () => {
        this.markEnded = undefined;
        clearTimeout(grace);
        resolve(Date.now());
      };
      // Waiting for a late answer must not keep a finished process alive.
      grace.unref();
      connection.socket.unref();
      if (this.finished) this.markEnded();
    });
    this.settle({ kind: 'timeout', ended: late });
  }
}
