/**
 * The protocol's timestamp: UTC, second precision, `yyyy-MM-ddTHH:mm:ssZ` (V1 `Timestamp`,
 * V3 `x-acs-date`).
 */

/**
 * Formats a date as `yyyy-MM-ddTHH:mm:ssZ`, dropping milliseconds. Throws RangeError on an invalid
 * date. Built from the UTC fields, not `toISOString()`, whose first call in a process costs about
 * 1 ms: a twentieth of a short CLI run, for one string.
 */
export function formatTimestamp(date: Date): string {
  const year = date.getUTCFullYear();
  // Years outside 0–9999 have no four-digit form and cannot be sent; NaN is an invalid date.
  if (!(year >= 0 && year <= 9999)) {
    throw new RangeError(`timestamp out of range: ${Number.isNaN(year) ? 'invalid date' : `year ${year}`}`);
  }
  return `${String(year).padStart(4, '0')}-${two(date.getUTCMonth() + 1)}-${two(date.getUTCDate())}T${two(
    date.getUTCHours(),
  )}:${two(date.getUTCMinutes())}:${two(date.getUTCSeconds())}Z`;
}

function two(value: number): string {
  return value < 10 ? `0${value}` : String(value);
}

const DIGIT_POSITIONS = [0, 1, 2, 3, 5, 6, 8, 9, 11, 12, 14, 15, 17, 18] as const;

/**
 * Parses exactly `yyyy-MM-ddTHH:mm:ssZ` (no fraction, no offset, no lower-case `t`/`z`, real calendar
 * dates only). Returns `undefined` for anything else.
 */
export function parseTimestamp(text: string): Date | undefined {
  if (text.length !== 20) return undefined;
  if (
    text[4] !== '-' ||
    text[7] !== '-' ||
    text[10] !== 'T' ||
    text[13] !== ':' ||
    text[16] !== ':' ||
    text[19] !== 'Z'
  ) {
    return undefined;
  }
  for (const i of DIGIT_POSITIONS) {
    const c = text.charCodeAt(i);
    if (c < 48 || c > 57) return undefined;
  }
  const year = Number(text.slice(0, 4));
  const month = Number(text.slice(5, 7));
  const day = Number(text.slice(8, 10));
  const hour = Number(text.slice(11, 13));
  const minute = Number(text.slice(14, 16));
  const second = Number(text.slice(17, 19));
  const date = new Date(0);
  date.setUTCFullYear(year, month - 1, day);
  date.setUTCHours(hour, minute, second, 0);
  // Date rolls over out-of-range fields (Feb 30 -> Mar 1, 24:00 -> next day); a strict parse refuses them.
  if (
    date.getUTCFullYear() !== year ||
    date.getUTCMonth() !== month - 1 ||
    date.getUTCDate() !== day ||
    date.getUTCHours() !== hour ||
    date.getUTCMinutes() !== minute ||
    date.getUTCSeconds() !== second
  ) {
    return undefined;
  }
  return date;
}
