import { mayHaveBeenSent } from './connection-error.js';
import type { Endpoint } from './endpoint.js';
import type { Send, SendOutcome } from './send-outcome.js';

/** A WHATWG fetch, e.g. `globalThis.fetch` or a test double. */
export type FetchFunction = (request: Request) => Promise<Response>;

/**
 * The transport used when the `fetch` option is given: each signed attempt becomes a standard
 * `Request` (`host` is left to fetch, which derives the same value from the URL). A fetch cannot
 * say whether a failed request left the process; only connection errors (refused, DNS) count as unsent.
 * After a timeout the fetch runs on for another `timeoutMs` (see `SendOutcome`), then is aborted.
 */
export function createFetchSender(endpoint: Endpoint, fetchFunction: FetchFunction): Send {
  return async (attempt, { timeoutMs, signal }) => {
    signal?.throwIfAborted();
    const controller = new AbortController();
    const onAbort = (): void => controller.abort(signal!.reason);
    signal?.addEventListener('abort', onAbort, { once: true });
    const { host: _host, ...headers } = attempt.headers;
    const exchange = (async (): Promise<SendOutcome> => {
      const response = await fetchFunction(
        new Request(endpoint.origin + attempt.path, { method: attempt.method, headers, signal: controller.signal }),
      );
      const body = await response.text();
      return { kind: 'answer', status: response.status, headers: Object.fromEntries(response.headers), body };
    })();
    let timer: NodeJS.Timeout | undefined;
    const timeout = new Promise<'timeout'>((resolve) => {
      timer = setTimeout(() => resolve('timeout'), timeoutMs);
    });
    try {
      const first = await Promise.race([exchange, timeout]);
      return first === 'timeout' ? { kind: 'timeout', ended: lateEnd(exchange, controller, timeoutMs) } : first;
    } catch (error) {
      if (signal?.aborted) throw signal.reason;
      return { kind: 'failed', error, requestSent: mayHaveBeenSent(error) };
    } finally {
      clearTimeout(timer);
      signal?.removeEventListener('abort', onAbort);
    }
  };
}

/**
 * When a timed-out exchange really ends (epoch ms): its late answer or failure, or `graceMs` from
 * now, when it is aborted. A fetch that ignores its signal cannot hold the slot longer than that.
 */
function lateEnd(exchange: Promise<unknown>, controller: AbortController, graceMs: number): Promise<number> {
  return new Promise((resolve) => {
    const end = (): void => {
      clearTimeout(grace);
      resolve(Date.now());
    };
    const grace = setTimeout(() => {
      controller.abort();
      end();
    }, graceMs);
    grace.unref();
    exchange.then(end, end);
  });
}
