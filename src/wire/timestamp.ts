/**
 * The protocol's timestamp: UTC, second precision, `yyyy-MM-ddTHH:mm:ssZ` (V1 `Timestamp`,
 * V3 `x-acs-date`).
 */

/** Formats a date as `yyyy-MM-ddTHH:mm:ssZ`, dropping milliseconds. Throws RangeError on an invalid date. */
export function formatTimestamp(date: Date): string {
  const iso = date.toISOString();
  // toISOString gives `±YYYYYY-…` outside years 0–9999; those cannot be sent, so refuse them.
  if (iso.length !== 24) throw new RangeError(`timestamp out of range: ${iso}`);
  return `${iso.slice(0, 19)}Z`;
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
