import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { formatTimestamp, parseTimestamp } from './timestamp.js';

describe('formatTimestamp', () => {
  it('gives yyyy-MM-ddTHH:mm:ssZ in UTC without milliseconds', () => {
    expect(formatTimestamp(new Date(Date.UTC(2024, 7, 23, 12, 0, 0, 999)))).toBe('2024-08-23T12:00:00Z');
    expect(formatTimestamp(new Date(Date.UTC(5, 0, 2, 3, 4, 5)))).toMatch(/^\d{4}-01-02T03:04:05Z$/);
  });

  it('throws on invalid and unsendable dates', () => {
    expect(() => formatTimestamp(new Date(Number.NaN))).toThrow(RangeError);
    expect(() => formatTimestamp(new Date(Date.UTC(10000, 0, 1)))).toThrow(RangeError);
    expect(() => formatTimestamp(new Date(Date.UTC(-1, 11, 31, 23, 59, 59)))).toThrow(RangeError);
  });

  it('writes what toISOString writes, to the second, for every date of years 0–9999', () => {
    // Date.UTC reads years 0–99 as 1900–1999, so year 0 is set on the date itself.
    const yearZero = new Date(Date.UTC(2000, 0, 1));
    yearZero.setUTCFullYear(0);
    fc.assert(
      fc.property(fc.integer({ min: yearZero.getTime(), max: Date.UTC(9999, 11, 31, 23, 59, 59, 999) }), (ms) => {
        const date = new Date(ms);
        expect(formatTimestamp(date)).toBe(`${date.toISOString().slice(0, 19)}Z`);
      }),
    );
  });
});

describe('parseTimestamp', () => {
  it('parses the exact format', () => {
    expect(parseTimestamp('2023-10-26T10:22:32Z')?.getTime()).toBe(Date.UTC(2023, 9, 26, 10, 22, 32));
    expect(parseTimestamp('2024-02-29T23:59:59Z')?.getTime()).toBe(Date.UTC(2024, 1, 29, 23, 59, 59));
    expect(parseTimestamp('0001-01-01T00:00:00Z')?.getUTCFullYear()).toBe(1);
  });

  it.each([
    '2023-10-26T10:22:32.000Z',
    '2023-10-26T10:22:32',
    '2023-10-26T10:22:32+00:00',
    '2023-10-26 10:22:32Z',
    '2023-10-26t10:22:32z',
    '2023-1-26T10:22:32Z',
    '2023-02-29T00:00:00Z',
    '2023-04-31T00:00:00Z',
    '2023-13-01T00:00:00Z',
    '2023-00-01T00:00:00Z',
    '2023-01-00T00:00:00Z',
    '2023-01-01T24:00:00Z',
    '2023-01-01T00:60:00Z',
    '2023-01-01T00:00:60Z',
    '+2023-01-01T00:00:0Z',
    '２０２３-01-01T00:00:00Z',
    '',
    'Thu, 26 Oct 2023 10:22:32 GMT',
  ])('rejects %j', (text) => {
    expect(parseTimestamp(text)).toBeUndefined();
  });

  it('hands out a new Date per call, also for the text it parsed last', () => {
    const first = parseTimestamp('2023-10-26T10:22:32Z')!;
    first.setTime(0);
    expect(parseTimestamp('2023-10-26T10:22:32Z')?.getTime()).toBe(Date.UTC(2023, 9, 26, 10, 22, 32));
    expect(parseTimestamp('2023-10-26T10:22:32Z')).not.toBe(parseTimestamp('2023-10-26T10:22:32Z'));
  });

  it('round-trips every formatted second', () => {
    fc.assert(
      fc.property(
        fc.date({ min: new Date('0001-01-01T00:00:00Z'), max: new Date('9999-12-31T23:59:59Z'), noInvalidDate: true }),
        (date) => {
          const text = formatTimestamp(date);
          expect(parseTimestamp(text)?.getTime()).toBe(Math.floor(date.getTime() / 1000) * 1000);
        },
      ),
    );
  });
});
