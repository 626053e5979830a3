import { createServer } from 'node:http';
import type { AddressInfo } from 'node:net';
import { createLiveEventListener, type ReceivedLiveEvent } from '../events/index.js';

/** One task event callback as the receiver got it. */
export interface ReceivedEvent {
  /** The request path and query, e.g. `/callbacks?rev=2`: which CallbackUrl it was sent to. */
  readonly path: string;
  /** The event, parsed and validated by `parseLiveEvent`. */
  readonly event: ReceivedLiveEvent;
}

/** A local endpoint that task callbacks are POSTed to. */
export interface CallbackReceiver {
  /** `http://127.0.0.1:<port>/callbacks`, for a task's CallbackUrl. */
  readonly url: string;
  /** Every valid event so far, in arrival order. */
  readonly events: readonly ReceivedEvent[];
  /** Bodies refused as not being task events (the listener answered 400/413), as messages. */
  readonly refused: readonly string[];
  /**
   * Resolves with the first event at or after position `from` matching `accept`, waiting up to
   * `timeoutMs` milliseconds (default 5000) for it to arrive; rejects when none does.
   */
  waitFor(accept: (received: ReceivedEvent) => boolean, from?: number, timeoutMs?: number): Promise<ReceivedEvent>;
  close(): Promise<void>;
}

/**
 * Starts a node:http server on a free loopback port whose request listener is the toolkit's own
 * `createLiveEventListener`: it accepts task events POSTed to any path, validates them, and
 * answers 200 (400 for a body that is not a task event).
 */
export async function startCallbackReceiver(): Promise<CallbackReceiver> {
  const events: ReceivedEvent[] = [];
  const refused: string[] = [];
  let wake: (() => void)[] = [];
  const listener = createLiveEventListener(
    (event, request) => {
      events.push({ path: request.url ?? '/', event });
      const waiting = wake;
      wake = [];
      for (const check of waiting) check();
    },
    { onError: (error) => refused.push(error instanceof Error ? error.message : String(error)) },
  );
  const server = createServer(listener);
  await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
  const { port } = server.address() as AddressInfo;

  const waitFor: CallbackReceiver['waitFor'] = (accept, from = 0, timeoutMs = 5000) =>
    new Promise((resolve, reject) => {
      const check = (): void => {
        const found = events.slice(from).find(accept);
        if (found === undefined) {
          wake.push(check);
          return;
        }
        clearTimeout(timer);
        resolve(found);
      };
      const timer = setTimeout(() => {
        wake = wake.filter((waiting) => waiting !== check);
        const why = refused.length > 0 ? ` (refused bodies: ${refused.join('; ')})` : '';
        reject(new Error(`no matching task event arrived within ${timeoutMs} ms${why}`));
      }, timeoutMs);
      check();
    });

  return {
    url: `http://127.0.0.1:${port}/callbacks`,
    events,
    refused,
    waitFor,
    close: () =>
      new Promise<void>((resolve) => {
        server.close(() => resolve());
        server.closeAllConnections();
      }),
  };
}
