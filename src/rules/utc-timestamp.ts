/**
 * The API's only time format, `yyyy-MM-ddTHH:mm:ssZ` (UTC, whole seconds).
 *
 * The spec's pattern checks the shape; this checks that the shape names a real instant, because
 * `Date.parse` silently rolls `2024-02-30` over to March 1 and accepts `24:00:00`.
 */

/** A parsed timestamp (`epochMs`: milliseconds since 1970-01-01T00:00:00Z), or why the text is not one. */
export type ParsedTimestamp =
  | { readonly ok: true; readonly epochMs: number }
  | { readonly ok: false; readonly reason: string };

const SHAPE = /^(\d{4})-(\d{2})-(\d{2})T(\d{2}):(\d{2}):(\d{2})Z$/;

const MONTH_NAMES = [
  'January', 'February', 'March', 'April', 'May', 'June',
  'July', 'August', 'September', 'October', 'November', 'December',
] as const;

const isLeapYear = (year: number): boolean =>
  (year % 4 === 0 && year % 100 !== 0) || year % 400 === 0;

/** Days in `month` (1-12) of `year`, by the proleptic Gregorian calendar the API's ISO 8601 uses. */
function daysInMonth(year: number, month: number): number {
  if (month === 2) return isLeapYear(year) ? 29 : 28;
  return [4, 6, 9, 11].includes(month) ? 30 : 31;
}

/**
 * Parses `yyyy-MM-ddTHH:mm:ssZ`. Rejects other ISO 8601 spellings (offsets, fractions, lower-case
 * `t`/`z`), impossible dates, hour 24 and leap second 60: the service documents only this form.
 */
export function parseUtcTimestamp(text: string): ParsedTimestamp {
  const match = SHAPE.exec(text);
  if (match === null) return { ok: false, reason: 'it is not in the form yyyy-MM-ddTHH:mm:ssZ' };
  const [year, month, day, hour, minute, second] = match.slice(1).map(Number) as [
    number, number, number, number, number, number,
  ];
  if (month < 1 || month > 12) return { ok: false, reason: `month ${pad(month, 2)} does not exist` };
  const monthName = MONTH_NAMES[month - 1] ?? '';
  const lastDay = daysInMonth(year, month);
  if (day < 1 || day > lastDay) {
    return { ok: false, reason: `${monthName} ${pad(year, 4)} has no day ${pad(day, 2)} (it has ${lastDay} days)` };
  }
  if (hour > 23) return { ok: false, reason: `hour ${hour} does not exist (hours run 00-23)` };
  if (minute > 59) return { ok: false, reason: `minute ${minute} does not exist (minutes run 00-59)` };
  if (second > 59) return { ok: false, reason: `second ${second} does not exist (seconds run 00-59)` };
  // Date.UTC maps years 0-99 to 1900-1999; setUTCFullYear does not.
  const date = new Date(0);
  date.setUTCFullYear(year, month - 1, day);
  date.setUTCHours(hour, minute, second, 0);
  return { ok: true, epochMs: date.getTime() };
}

/**
 * Formats an instant as `yyyy-MM-ddTHH:mm:ssZ`, dropping milliseconds (truncated, not rounded,
 * so the result is never later than the instant). Throws `RangeError` outside years 0000-9999,
 * which the format cannot spell.
 */
export function formatUtcTimestamp(instant: Date): string {
  const year = instant.getUTCFullYear();
  if (!(year >= 0 && year <= 9999)) {
    throw new RangeError(`formatUtcTimestamp: ${String(instant)} is outside years 0000-9999`);
  }
  return (
    `${pad(year, 4)}-${pad(instant.getUTCMonth() + 1, 2)}-${pad(instant.getUTCDate(), 2)}` +
    `T${pad(instant.getUTCHours(), 2)}:${pad(instant.getUTCMinutes(), 2)}:${pad(instant.getUTCSeconds(), 2)}Z`
  );
}

const pad = (value: number, width: number): string => String(value).padStart(width, '0');
