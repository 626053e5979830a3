import { LiveEventError } from './live-event-error.js';

/** The latest instant a `Date` can hold, in Unix seconds (ECMA-262: 8.64e15 ms). */
const MAX_DATE_SECONDS = 8.64e12;

/**
 * `EventTime` (Unix seconds as a decimal string; the schema has already checked it is digits
 * only) as a `Date`. A value beyond what a `Date` can hold is refused as an `InvalidEvent`
 * rather than returned as an Invalid Date.
 */
export function eventTimeToDate(eventTime: string, eventName: string): Date {
  const seconds = Number(eventTime);
  if (!(seconds <= MAX_DATE_SECONDS)) {
    const message = `EventTime must be Unix seconds no later than ${MAX_DATE_SECONDS} (the latest time a Date can hold)`;
    throw new LiveEventError('InvalidEvent', `Invalid ${eventName} event: ${message}`, {
      issues: [{ field: 'EventTime', message }],
      eventName,
    });
  }
  return new Date(seconds * 1000);
}
