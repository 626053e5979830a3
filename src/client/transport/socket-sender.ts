import type { Socket } from 'node:net';
import { mayHaveBeenSent } from './connection-error.js';
import type { Endpoint } from './endpoint.js';
import { ConnectionPool, type Lease } from './http1/connection-pool.js';
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
    let settled = false;
    let lease: Lease | undefined;
    let finished = false;
    /** Set once the attempt has timed out: called when the exchange has really ended. */
    let markEnded: (() => void) | undefined;
    const parser = new ResponseParser();

    const settle = (outcome: SendOutcome): void => {
      if (settled) return;
      settled = true;
      clearTimeout(timer);
      signal?.removeEventListener('abort', onAbort);
      resolve(outcome);
    };
    /** Ends the exchange: the connection goes back to the pool only after a clean, framed answer. */
    const finish = (socket: Socket, reusable: boolean): void => {
      if (finished) return;
      finished = true;
      socket.off('data', onData);
      socket.off('end', onEnd);
      socket.off('error', onError);
      socket.off('close', onEnd);
      if (reusable && !settled) pool.release(socket);
      else socket.destroy();
      markEnded?.();
    };
    const answer = (socket: Socket, response: ParsedResponse): void => {
      finish(socket, response.keepAlive && parser.leftover === 0);
      settle({ kind: 'answer', status: response.status, headers: response.headers, body: response.body.toString() });
    };
    const fail = (socket: Socket, error: unknown, requestSent: boolean): void => {
      finish(socket, false);
      settle({ kind: 'failed', error, requestSent });
    };
    function onData(this: Socket, chunk: Buffer): void {
      let response: ParsedResponse | undefined;
      try {
        response = parser.push(chunk);
      } catch (error) {
        fail(this, error, true);
        return;
      }
      if (response !== undefined) answer(this, response);
    }
    function onEnd(this: Socket): void {
      let response: ParsedResponse;
      try {
        response = parser.end();
      } catch (error) {
        fail(this, error, true);
        return;
      }
      answer(this, response);
    }
    function onError(this: Socket, error: Error): void {
      fail(this, error, lease!.reused || mayHaveBeenSent(error));
    }
    const onAbort = (): void => {
      if (settled) return;
      settled = true;
      clearTimeout(timer);
      withdraw();
      if (lease !== undefined) finish(lease.socket, false);
      reject(signal!.reason);
    };

    const withdraw = pool.acquire((granted) => {
      lease = granted;
      const { socket } = granted;
      socket.on('data', onData);
      socket.on('end', onEnd);
      socket.on('error', onError);
      socket.on('close', onEnd);
      // Latin-1, as node:http writes a head: a header's obs-text (\x80-\xff) is one byte, not UTF-8.
      socket.write(head, 'latin1');
    });
    const timer = setTimeout(() => {
      if (lease === undefined) {
        // Still waiting for a connection: nothing was sent, and nothing will be.
        withdraw();
        settle({ kind: 'timeout', ended: Promise.resolve(Date.now()) });
        return;
      }
      const { socket } = lease;
      const late = new Promise<number>((resolve) => {
        const grace = setTimeout(() => finish(socket, false), timeoutMs);
        markEnded = () => {
          markEnded = undefined;
          clearTimeout(grace);
          resolve(Date.now());
        };
        // Waiting for a late answer must not keep a finished process alive.
        grace.unref();
        socket.unref();
        if (finished) markEnded();
      });
      settle({ kind: 'timeout', ended: late });
    }, timeoutMs);
    signal?.addEventListener('abort', onAbort, { once: true });
  });
}
