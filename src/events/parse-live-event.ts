import { type WebhookName, webhooks } from '../../generated/operations.js';
import { eventValidators, type Validator } from '../../generated/validators.js';
import { dropPrototypeKey, withoutPrototypeKeys } from './drop-prototype-keys.js';
import { eventIssues } from './event-issues.js';
import { knownEventNames, webhookOfEventName } from './event-name.js';
import { eventTimeToDate } from './event-time.js';
import { LiveEventError } from './live-event-error.js';
import type { LiveEventBody, ReceivedLiveEvent } from './received-live-event.js';

const utf8 = new TextDecoder('utf-8', { fatal: true });

/**
 * Parses and validates one task event callback body.
 *
 * `body` is the raw body (a string, or bytes read as UTF-8), or a value already parsed from JSON
 * (e.g. by a framework's JSON middleware). The event is chosen by its `Event` field and checked
 * by the generated validator of that webhook (`eventValidators`); unknown fields are kept, except
 * `__proto__`, `constructor` and `prototype` keys, which are dropped at every depth.
 * See {@link ReceivedLiveEvent} for the shape: `Event` normalised to the documented name, the
 * name as sent in `receivedEventName`, `EventTime` as given plus `eventDate`.
 *
 * @example
 * const event = parseLiveEvent(body);
 * switch (event.Event) {
 *   case 'LivePullToPushRunning': console.log(event.TaskId, event.TaskStatus, event.TaskInvalidReason); break;
 *   case 'LivePullToPushExit': console.log(event.TaskId, event.TaskExitReason); break;
 * }
 * @throws LiveEventError `InvalidJson`, `NotAnObject`, `UnknownEvent` or `InvalidEvent`, and nothing else.
 */
export function parseLiveEvent(body: string | Uint8Array | ArrayBuffer | unknown): ReceivedLiveEvent {
  const value =
    typeof body === 'string' ? parseJson(body) : isBytes(body) ? parseJson(decodeUtf8(body)) : parsedCopy(body);
  if (typeof value !== 'object' || value === null || Array.isArray(value)) {
    throw new LiveEventError('NotAnObject', `A task event must be a JSON object, not ${kindOf(value)}`);
  }
  const received: unknown = (value as Record<string, unknown>)['Event'];
  const name = webhookOfEventName(received);
  if (name === undefined) throw unknownEvent(received);

  const validate: Validator<LiveEventBody<WebhookName>> = eventValidators[name];
  if (!validate(value)) {
    const issues = eventIssues(validate.errors);
    throw new LiveEventError(
      'InvalidEvent',
      `Invalid ${name} event: ${issues.map((issue) => issue.message).join('; ')}`,
      {
        issues,
        eventName: received as string,
      },
    );
  }
  const eventDate = eventTimeToDate(value.EventTime, name);
  return { ...value, Event: name, receivedEventName: value.Event, eventDate } as ReceivedLiveEvent;
}

function parseJson(text: string): unknown {
  try {
    // A byte order mark is not JSON, but some senders write one.
    return JSON.parse(text.charCodeAt(0) === 0xfeff ? text.slice(1) : text, dropPrototypeKey);
  } catch (error) {
    const detail = error instanceof Error ? error.message : String(error);
    throw new LiveEventError('InvalidJson', `A task event body must be JSON text (${detail})`, { cause: error });
  }
}

function parsedCopy(body: unknown): unknown {
  try {
    return withoutPrototypeKeys(body);
  } catch (error) {
    const detail = error instanceof Error ? error.message : String(error);
    throw new LiveEventError('InvalidJson', `A task event must be a JSON value; this one ${detail} (or is cyclic)`, {
      cause: error,
    });
  }
}

function isBytes(body: unknown): body is Uint8Array | ArrayBuffer {
  return body instanceof Uint8Array || body instanceof ArrayBuffer;
}

function decodeUtf8(bytes: Uint8Array | ArrayBuffer): string {
  try {
    return utf8.decode(bytes);
  } catch (error) {
    throw new LiveEventError(
      'InvalidJson',
      'A task event body must be UTF-8 JSON text; these bytes are not valid UTF-8',
      { cause: error },
    );
  }
}

function unknownEvent(received: unknown): LiveEventError {
  const expected = `one of ${knownEventNames.join(', ')}`;
  if (received === undefined) {
    return new LiveEventError('UnknownEvent', `A task event must name its Event (${expected}); this body has none`, {
      issues: [{ field: 'Event', message: 'Event is required' }],
    });
  }
  if (typeof received !== 'string') {
    const message = `Event must be a string, ${expected}; got ${kindOf(received)}`;
    return new LiveEventError('UnknownEvent', message, { issues: [{ field: 'Event', message }] });
  }
  const shown = JSON.stringify(received.length > 100 ? `${received.slice(0, 100)}…` : received);
  const message = `Event must be ${expected}; got ${shown}`;
  return new LiveEventError('UnknownEvent', `Unknown task event ${shown}: ${webhooksHint()}`, {
    issues: [{ field: 'Event', message }],
    eventName: received,
  });
}

function webhooksHint(): string {
  return `the spec declares ${Object.values(webhooks)
    .map((hook) => `${hook.eventNames.join(' / ')} (${hook.summary.toLowerCase()})`)
    .join(' and ')}`;
}

function kindOf(value: unknown): string {
  if (value === null) return 'null';
  if (Array.isArray(value)) return 'an array';
  if (value === undefined) return 'nothing (undefined)';
  const type = typeof value;
  return type === 'object' ? 'an object' : `a ${type}`;
}
