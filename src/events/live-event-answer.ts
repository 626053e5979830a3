import { LiveEventError, type LiveEventIssue, type LiveEventProblem } from './live-event-error.js';
import { parseLiveEvent } from './parse-live-event.js';
import type { ReceivedLiveEvent } from './received-live-event.js';
import type { LiveEventErrorStatus, LiveEventHandler, ReceiverSettings } from './receiver-options.js';

/**
 * The `error` of a refusal body: a {@link LiveEventProblem}, or `MethodNotAllowed` (not a POST),
 * `BodyUnreadable` (the request stream failed or was already consumed), `HandlerFailed` (500).
 */
export type LiveEventRefusal = LiveEventProblem | 'MethodNotAllowed' | 'BodyUnreadable' | 'HandlerFailed';

/** What a receiver answers; the JSON body is `{}` on 200, else `{ error, message, issues? }`. */
export interface LiveEventAnswer {
  readonly status: 200 | LiveEventErrorStatus | 405;
  readonly headers: Readonly<Record<string, string>>;
  readonly body: string;
  /** The request body was left unread: the connection must not be reused. */
  readonly close: boolean;
}

const JSON_TYPE = 'application/json; charset=utf-8';

/** Parses `body` (see `parseLiveEvent`), runs the handler and says what to answer; never throws. */
export async function answerLiveEvent<Req>(
  body: unknown,
  request: Req,
  onEvent: LiveEventHandler<Req>,
  settings: ReceiverSettings,
): Promise<LiveEventAnswer> {
  let event: ReceivedLiveEvent;
  try {
    event = parseLiveEvent(body);
  } catch (error) {
    const refused =
      error instanceof LiveEventError ? error : new LiveEventError('InvalidEvent', String(error), { cause: error });
    report(settings, refused, 400);
    return refusal(400, refused.problem, refused.message, refused.issues);
  }
  try {
    await onEvent(event, request);
  } catch (error) {
    report(settings, error, 500);
    return refusal(
      500,
      'HandlerFailed',
      `The ${event.Event} event of task ${event.TaskId} was valid but the receiver failed to handle it`,
    );
  }
  return { status: 200, headers: { 'content-type': JSON_TYPE }, body: '{}', close: false };
}

/** 405 with `Allow: POST`: the vendor delivers events with POST only. */
export function answerMethodNotAllowed(method: string | undefined): LiveEventAnswer {
  const answer = refusal(
    405,
    'MethodNotAllowed',
    `Task events are delivered with POST, not ${String(method).slice(0, 20)}`,
  );
  return { ...answer, headers: { ...answer.headers, allow: 'POST' } };
}

/** 413, reported to `onError`; the rest of the body was not read, so the connection is closed. */
export function answerTooLarge(settings: ReceiverSettings): LiveEventAnswer {
  const error = new LiveEventError(
    'BodyTooLarge',
    `A task event body must be at most ${settings.maxBodyBytes} bytes; this one is larger`,
  );
  report(settings, error, 413);
  return { ...refusal(413, error.problem, error.message), close: true };
}

/** 400 for a request whose body could not be read at all. */
export function answerUnreadable(reason: string): LiveEventAnswer {
  return refusal(400, 'BodyUnreadable', `The request body could not be read: ${reason}`);
}

function refusal(
  status: LiveEventAnswer['status'],
  error: LiveEventRefusal,
  message: string,
  issues: readonly LiveEventIssue[] = [],
): LiveEventAnswer {
  const body = issues.length === 0 ? { error, message } : { error, message, issues };
  return { status, headers: { 'content-type': JSON_TYPE }, body: JSON.stringify(body), close: false };
}

function report(settings: ReceiverSettings, error: unknown, status: LiveEventErrorStatus): void {
  try {
    settings.onError(error, status);
  } catch {
    // A failing reporter must not turn an answer into a crash.
  }
}
