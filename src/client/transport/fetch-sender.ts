import { mayHaveBeenSent } from './connection-error.js';
import type { Endpoint } from './endpoint.js';
import type { Send } from './send-outcome.js';

/** A WHATWG fetch, e.g. `globalThis.fetch` or a test double. */
export type FetchFunction = (request: Request) => Promise<Response>;

/**
 * The transport used when the `fetch` option is given: each signed attempt becomes a standard
 * `Request` (`host` is left to fetch, which derives the same value from the URL). A fetch cannot
 * say whether a failed request left the process; only connection errors (refused, DNS) count as unsent.
 */
export function createFetchSender(endpoint: Endpoint, fetchFunction: FetchFunction): Send {
  return async (attempt, { timeoutMs, signal }) => {
    signal?.throwIfAborted();
    const controller = new AbortController();
    let timedOut = false;
    const timer = setTimeout(() => {
      timedOut = true;
      controller.abort();
    }, timeoutMs);
    const onAbort = (): void => controller.abort(signal!.reason);
    signal?.addEventListener('abort', onAbort, { once: true });
    const { host: _host, ...headers } = attempt.headers;
    try {
      const response = await fetchFunction(
        new Request(endpoint.origin + attempt.path, { method: attempt.method, headers, signal: controller.signal }),
      );
      const body = await response.text();
      return { kind: 'answer', status: response.status, headers: Object.fromEntries(response.headers), body };
    } catch (error) {
      if (signal?.aborted) throw signal.reason;
      if (timedOut) return { kind: 'timeout' };
      return { kind: 'failed', error, requestSent: mayHaveBeenSent(error) };
    } finally {
      clearTimeout(timer);
      signal?.removeEventListener('abort', onAbort);
    }
  };
}
