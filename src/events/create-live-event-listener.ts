import type { IncomingMessage, ServerResponse } from 'node:http';
import type { BodyRead } from './body-read.js';
import {
  answerLiveEvent,
  answerMethodNotAllowed,
  answerTooLarge,
  answerUnreadable,
  type LiveEventAnswer,
} from './live-event-answer.js';
import { readNodeBody } from './read-node-body.js';
import { type LiveEventHandler, type LiveEventReceiverOptions, resolveReceiverOptions } from './receiver-options.js';

/**
 * A `node:http` request listener that receives task event callbacks at any path it is mounted on:
 *
 * - not POST → 405 (`Allow: POST`);
 * - a body over `maxBodyBytes` (default 64 KiB) → 413, without reading the rest; the connection is closed;
 * - a body `parseLiveEvent` refuses → 400 with `{ error, message, issues? }` naming the problem;
 * - else `onEvent(event, req)`: 200 `{}` once it resolves, 500 if it throws or rejects.
 *
 * Refusals and handler failures also go to `options.onError`. Nothing escapes as an exception or
 * an unhandled rejection. Behind a body-parsing middleware (the stream already read), the
 * middleware's `req.body` (string, bytes or parsed JSON) is used instead.
 *
 * @example
 * http.createServer(createLiveEventListener(async (event) => {
 *   if (event.Event === 'LivePullToPushExit') await forget(event.TaskId);
 * })).listen(8080);
 * @throws RangeError at once when `maxBodyBytes` is not a positive integer
 */
export function createLiveEventListener(
  onEvent: LiveEventHandler<IncomingMessage>,
  options: LiveEventReceiverOptions = {},
): (req: IncomingMessage, res: ServerResponse) => void {
  const settings = resolveReceiverOptions(options);

  async function serve(req: IncomingMessage, res: ServerResponse): Promise<void> {
    if (req.method !== 'POST') return send(res, answerMethodNotAllowed(req.method));
    if (req.readableEnded) {
      const parsed = (req as { body?: unknown }).body;
      if (parsed === undefined)
        return send(res, answerUnreadable('the request stream was already read and there is no req.body'));
      return send(res, await answerLiveEvent(parsed, req, onEvent, settings));
    }
    let read: BodyRead;
    try {
      read = await readNodeBody(req, settings.maxBodyBytes);
    } catch {
      // The sender went away mid-body: there is no one to answer.
      res.destroy();
      return;
    }
    if (!read.ok) return send(res, answerTooLarge(settings));
    send(res, await answerLiveEvent(read.body, req, onEvent, settings));
  }

  return (req, res) => {
    serve(req, res).catch(() => res.destroy());
  };
}

function send(res: ServerResponse, answer: LiveEventAnswer): void {
  if (res.headersSent || res.destroyed) return;
  const headers: Record<string, string | number> = {
    ...answer.headers,
    'content-length': Buffer.byteLength(answer.body),
  };
  if (answer.close) headers['connection'] = 'close';
  res.writeHead(answer.status, headers).end(answer.body);
}
