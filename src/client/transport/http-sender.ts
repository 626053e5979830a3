import type { IncomingMessage, RequestOptions } from 'node:http';
import { mayHaveBeenSent } from './connection-error.js';
import type { Endpoint } from './endpoint.js';
import { sharedHttpsAgent } from './keep-alive-agents.js';
import type { Send, SendOutcome, SignedAttempt } from './send-outcome.js';
import { createSocketSender } from './socket-sender.js';

type RequestFunction = typeof import('node:https').request;
type Limits = Parameters<Send>[1];

/**
 * The default transport: `node:https` with a keep-alive agent for `https:` endpoints, the answer
 * read into a string; `http:` endpoints (the emulator) get the lighter `socket-sender.ts`. (Node
 * 20's global `fetch` costs more per call than the whole official SDK stack, and its first use
 * loads undici.) `node:https`, and with it TLS, loads on the first HTTPS call.
 */
export function createHttpSender(endpoint: Endpoint): Send {
  if (endpoint.protocol === 'http:') return createSocketSender(endpoint);
  let https: Promise<{ request: RequestFunction; agent: RequestOptions['agent'] }> | undefined;
  return async (attempt, limits) => {
    https ??= Promise.all([import('node:https'), sharedHttpsAgent()]).then(([{ request }, agent]) => ({
      request,
      agent,
    }));
    const { request, agent } = await https;
    return exchange(request, requestOptions(endpoint, agent, attempt), limits);
  };
}

function requestOptions(endpoint: Endpoint, agent: RequestOptions['agent'], attempt: SignedAttempt): RequestOptions {
  return {
    hostname: endpoint.hostname,
    port: endpoint.port,
    agent,
    method: attempt.method,
    path: attempt.path,
    headers: attempt.headers,
  };
}

/**
 * One request/answer exchange. A request that fails on a reused keep-alive socket, or with any
 * error but a refused connection or DNS failure on a new one, may have been sent. After a timeout
 * the connection stays open for another `timeoutMs`, so that the moment a late answer arrives is
 * known (see {@link SendOutcome}); then it is closed.
 */
function exchange(
  request: RequestFunction,
  options: RequestOptions,
  { timeoutMs, signal }: Limits,
): Promise<SendOutcome> {
  return new Promise((resolve, reject) => {
    if (signal?.aborted) {
      reject(signal.reason);
      return;
    }
    let settled = false;
    /** Set once the attempt has timed out: called when the exchange has really ended. */
    let markEnded: (() => void) | undefined;
    const ended = (): void => markEnded?.();
    const settle = (outcome: SendOutcome): void => {
      if (settled) return;
      settled = true;
      clearTimeout(timer);
      signal?.removeEventListener('abort', onAbort);
      resolve(outcome);
    };
    const onAbort = (): void => {
      if (settled) return;
      settled = true;
      clearTimeout(timer);
      req.destroy();
      reject(signal!.reason);
    };

    const req = request(options, (res: IncomingMessage) => {
      let first: Buffer | undefined;
      let more: Buffer[] | undefined;
      res.on('data', (chunk: Buffer) => {
        if (first === undefined) first = chunk;
        else if (more === undefined) more = [first, chunk];
        else more.push(chunk);
      });
      res.on('end', () => {
        ended();
        const body =
          more !== undefined ? Buffer.concat(more).toString('utf8') : first === undefined ? '' : first.toString('utf8');
        settle({ kind: 'answer', status: res.statusCode ?? 0, headers: res.headers, body });
      });
      res.on('error', (error) => settle({ kind: 'failed', error, requestSent: true }));
    });
    req.on('error', (error) => {
      ended();
      settle({ kind: 'failed', error, requestSent: req.reusedSocket || mayHaveBeenSent(error) });
    });
    req.on('close', ended);
    const timer = setTimeout(() => {
      const late = new Promise<number>((resolve) => {
        const grace = setTimeout(() => {
          req.destroy();
          ended();
        }, timeoutMs);
        markEnded = () => {
          markEnded = undefined;
          clearTimeout(grace);
          resolve(Date.now());
        };
        // Waiting for a late answer must not keep a finished process alive.
        grace.unref();
        req.socket?.unref();
      });
      settle({ kind: 'timeout', ended: late });
    }, timeoutMs);
    signal?.addEventListener('abort', onAbort, { once: true });
    req.end();
  });
}
