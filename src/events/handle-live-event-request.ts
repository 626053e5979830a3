import type { BodyRead } from './body-read.js';
import {
  answerLiveEvent,
  answerMethodNotAllowed,
  answerTooLarge,
  answerUnreadable,
  type LiveEventAnswer,
} from './live-event-answer.js';
import { readFetchBody } from './read-fetch-body.js';
import { type LiveEventHandler, type LiveEventReceiverOptions, resolveReceiverOptions } from './receiver-options.js';

/**
 * Receives one task event callback as a Fetch API `Request` (Deno, Bun, Cloudflare Workers,
 * Next.js route handlers, `node:http` through an adapter) and resolves to the `Response`:
 *
 * - not POST → 405 (`Allow: POST`);
 * - a body over `maxBodyBytes` (default 64 KiB) → 413; the stream is cancelled, the rest never read;
 * - a body `parseLiveEvent` refuses → 400 with `{ error, message, issues? }` naming the problem;
 * - a body stream that fails or was already used → 400 `BodyUnreadable`;
 * - else `onEvent(event, request)`: 200 `{}` once it resolves, 500 if it throws or rejects.
 *
 * Refusals (400, 413) and handler failures (500) also go to `options.onError`. It never rejects,
 * except with a RangeError for a `maxBodyBytes` that is not a positive integer.
 *
 * @example
 * export const POST = (request: Request) => handleLiveEventRequest(request, (event) => queue.push(event));
 */
export async function handleLiveEventRequest(
  request: Request,
  onEvent: LiveEventHandler<Request>,
  options: LiveEventReceiverOptions = {},
): Promise<Response> {
  const settings = resolveReceiverOptions(options);
  if (request.method !== 'POST') return toResponse(answerMethodNotAllowed(request.method));
  let read: BodyRead;
  try {
    read = await readFetchBody(request, settings.maxBodyBytes);
  } catch (error) {
    return toResponse(answerUnreadable(error instanceof Error ? error.message : String(error)));
  }
  if (!read.ok) return toResponse(answerTooLarge(settings));
  return toResponse(await answerLiveEvent(read.body, request, onEvent, settings));
}

function toResponse(answer: LiveEventAnswer): Response {
  return new Response(answer.body, { status: answer.status, headers: answer.headers });
}
