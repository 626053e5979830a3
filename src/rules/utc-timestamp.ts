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

/** Where each field's digits start, and how many there are: year, month, day, hour, minute, second. */
const FIELDS = [
  [0, 4],
  [5, 2],
  [8, 2],
  [11, 2],
  [14, 2],
  [17, 2],
] as const;

/** The fixed characters of the form and where they stand. */
const SEPARATORS = [
  [4, 45 /* - */],
  [7, 45 /* - */],
  [10, 84 /* T */],
  [13, 58 /* : */],
  [16, 58 /* : */],
  [19, 90 /* Z */],
] as const;

const NOT_THE_FORM: ParsedTimestamp = { ok: false, reason: 'it is not in the form yyyy-MM-ddTHH:mm:ssZ' };

const MONTH_NAMES = [
  'January',
  'February',
  'March',
  'April',
  'May',
  'June',
  'July',
  'August',
  'September',
  'October',
  'November',
  'December',
] as const;

const isLeapYear = (year: number): boolean => (year % 4 === 0 && year % 100 !== 0) || year % 400 === 0;

/** Days in `month` (1-12) of `year`, by the proleptic Gregorian calendar the API's ISO 8601 uses. */
function daysInMonth(year: number, month: number): number {
  if (month === 2) return isLeapYear(year) ? 29 : 28;
  return month === 4 || month === 6 || month === 9 || month === 11 ? 30 : 31;
}

/**
 * Parses `yyyy-MM-ddTHH:mm:ssZ`. Rejects other ISO 8601 spellings (offsets, fractions, lower-case
 * `t`/`z`), impossible dates, hour 24 and leap second 60: the service documents only this form.
 */
export function parseUtcTimestamp(text: string): ParsedTimestamp {
  // Read by character code, not with a regular expression: the emulator parses several of these per request.
  if (text.length !== 20) return NOT_THE_FORM;
  for (const [at, code] of SEPARATORS) {
    if (text.charCodeAt(at) !== code) return NOT_THE_FORM;
  }
  const year = digits(text, FIELDS[0]);
  const month = digits(text, FIELDS[1]);
  const day = digits(text, FIELDS[2]);
  const hour = digits(text, FIELDS[3]);
  const minute = digits(text, FIELDS[4]);
  const second = digits(text, FIELDS[5]);
  if (year < 0 || month < 0 || day < 0 || hour < 0 || minute < 0 || second < 0) return NOT_THE_FORM;
  if (month < 1 || month > 12) return { ok: false, reason: `month ${pad(month, 2)} does not exist` };
  const monthName = MONTH_NAMES[month - 1] ?? '';
  const lastDay = daysInMonth(year, month);
  if (day < 1 || day > lastDay) {
    return { ok: false, reason: `${monthName} ${pad(year, 4)} has no day ${pad(day, 2)} (it has ${lastDay} days)` };
  }
  if (hour > 23) return { ok: false, reason: `hour ${hour} does not exist (hours run 00-23)` };
  if (minute > 59) return { ok: false, reason: `minute ${minute} does not exist (minutes run 00-59)` };
  if (second > 59) return { ok: false, reason: `second ${second} does not exist (seconds run 00-59)` };
  if (year >= 100) return { ok: true, epochMs: Date.UTC(year, month - 1, day, hour, minute, second) };
  // Date.UTC maps years 0-99 to 1900-1999; setUTCFullYear does not.
  const date = new Date(0);
  date.setUTCFullYear(year, month - 1, day);
  date.setUTCHours(hour, minute, second, 0);
  return { ok: true, epochMs: date.getTime() };
}

/** The decimal value of the ASCII digits `[start, start + count)` of `text`, or -1 if one is not a digit. */
function digits(text: string, [start, count]: readonly [number, number]): number {
  let value = 0;
  for (let i = start; i < start + count; i++) {
    const c = text.charCodeAt(i) - 48;
    if (c < 0 || c > 9) return -1;
    value = value * 10 + c;
  }
  return value;
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
