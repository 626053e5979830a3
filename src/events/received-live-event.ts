import type { operations } from '../../generated/api.js';
import type { WebhookName } from '../../generated/operations.js';

/** A webhook's request body as the spec declares it (`components.schemas.LiveTask…Event`). */
export type LiveEventBody<N extends WebhookName> = operations[N]['requestBody']['content']['application/json'];

/** The declared fields of a body type, without its `[field: string]: unknown` catch-all. */
type DeclaredFields<T> = { [K in keyof T as string extends K ? never : number extends K ? never : K]: T[K] };

/**
 * A task event as `parseLiveEvent` returns it: the body's fields as sent (unknown ones too), with
 *
 * - `Event` set to the webhook's documented name, so `switch (event.Event)` covers
 *   `LivePullToPushRunning` and `LivePullToPushExit` with their full types;
 * - `receivedEventName`: the name exactly as it arrived (the vendor's sample sends the misspelt
 *   `LivePullToPushRuning` for the state event; spec D-15);
 * - `eventDate`: `EventTime` (kept as given, a string of Unix seconds) as a `Date`.
 *
 * `ReceivedLiveEvent` alone is the union of every event; `ReceivedLiveEvent<'LivePullToPushExit'>` one of them.
 * A body field named `receivedEventName` or `eventDate` would be overwritten (the vendor's fields are PascalCase).
 */
export type ReceivedLiveEvent<N extends WebhookName = WebhookName> = N extends WebhookName
  ? Omit<DeclaredFields<LiveEventBody<N>>, 'Event'> & {
      Event: N;
      receivedEventName: LiveEventBody<N>['Event'];
      eventDate: Date;
      [field: string]: unknown;
    }
  : never;
