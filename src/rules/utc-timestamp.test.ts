import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { formatUtcTimestamp, parseUtcTimestamp } from './utc-timestamp.js';

const epochOf = (text: string): number => {
  const parsed = parseUtcTimestamp(text);
  if (!parsed.ok) throw new Error(`expected ${text} to parse: ${parsed.reason}`);
  return parsed.epochMs;
};

const reasonOf = (text: string): string => {
  const parsed = parseUtcTimestamp(text);
  if (parsed.ok) throw new Error(`expected ${text} to be refused`);
  return parsed.reason;
};

/** Instants the format can spell: years 0000-9999. */
const spellableInstant = fc.date({
  min: new Date('0000-01-01T00:00:00Z'),
  max: new Date('9999-12-31T23:59:59.999Z'),
  noInvalidDate: true,
});

describe('parseUtcTimestamp', () => {
  it('reads the documented examples', () => {
    expect(epochOf('2024-08-23T15:30:00Z')).toBe(Date.UTC(2024, 7, 23, 15, 30, 0));
    expect(epochOf('2024-08-27T14:30:00Z')).toBe(Date.UTC(2024, 7, 27, 14, 30, 0));
  });

  it('accepts the last instant of each field', () => {
    expect(epochOf('1999-12-31T23:59:59Z')).toBe(Date.UTC(1999, 11, 31, 23, 59, 59));
    expect(epochOf('2024-04-30T00:00:00Z')).toBe(Date.UTC(2024, 3, 30));
  });

  it('accepts February 29 in leap years only', () => {
    expect(epochOf('2024-02-29T00:00:00Z')).toBe(Date.UTC(2024, 1, 29));
    expect(epochOf('2000-02-29T00:00:00Z')).toBe(Date.UTC(2000, 1, 29));
    expect(reasonOf('2023-02-29T00:00:00Z')).toBe('February 2023 has no day 29 (it has 28 days)');
    expect(reasonOf('1900-02-29T00:00:00Z')).toBe('February 1900 has no day 29 (it has 28 days)');
  });

  it('refuses days that do not exist', () => {
    expect(reasonOf('2024-02-30T00:00:00Z')).toBe('February 2024 has no day 30 (it has 29 days)');
    expect(reasonOf('2024-04-31T00:00:00Z')).toBe('April 2024 has no day 31 (it has 30 days)');
    expect(reasonOf('2024-01-32T00:00:00Z')).toMatch(/January 2024 has no day 32/);
    expect(reasonOf('2024-01-00T00:00:00Z')).toMatch(/January 2024 has no day 00/);
  });

  it('refuses months 00 and 13', () => {
    expect(reasonOf('2024-00-10T00:00:00Z')).toBe('month 00 does not exist');
    expect(reasonOf('2024-13-10T00:00:00Z')).toBe('month 13 does not exist');
  });

  it('refuses hour 24, minute 60 and leap second 60', () => {
    expect(reasonOf('2024-08-23T24:00:00Z')).toBe('hour 24 does not exist (hours run 00-23)');
    expect(reasonOf('2024-08-23T12:60:00Z')).toBe('minute 60 does not exist (minutes run 00-59)');
    expect(reasonOf('2016-12-31T23:59:60Z')).toBe('second 60 does not exist (seconds run 00-59)');
  });

  it.each([
    '2024-08-23 15:30:00Z',
    '2024-08-23t15:30:00Z',
    '2024-08-23T15:30:00z',
    '2024-08-23T15:30:00',
    '2024-08-23T15:30:00+08:00',
    '2024-08-23T15:30:00.000Z',
    '2024-08-23T15:30Z',
    '24-08-23T15:30:00Z',
    ' 2024-08-23T15:30:00Z',
    '2024-08-23T15:30:00Z\n',
    '２０２４-08-23T15:30:00Z',
    '',
  ])('refuses other spellings: %j', (text) => {
    expect(reasonOf(text)).toBe('it is not in the form yyyy-MM-ddTHH:mm:ssZ');
  });

  it('reads years below 100 as written, not as 19xx', () => {
    expect(new Date(epochOf('0099-01-01T00:00:00Z')).getUTCFullYear()).toBe(99);
  });

  it('property: accepts a well-shaped string exactly when it names a real moment, and formats back to itself', () => {
    const field = (max: number) => fc.integer({ min: 0, max }).map((n) => String(n).padStart(2, '0'));
    const shaped = fc
      .tuple(fc.integer({ min: 1000, max: 9999 }), field(19), field(39), field(29), field(69), field(69))
      .map(([y, mo, d, h, mi, s]) => `${y}-${mo}-${d}T${h}:${mi}:${s}Z`);
    fc.assert(
      fc.property(shaped, (text) => {
        // Date.parse rolls impossible fields over; a round trip through it exposes that.
        const viaDate = Date.parse(text);
        const real = !Number.isNaN(viaDate) && new Date(viaDate).toISOString() === text.replace('Z', '.000Z');
        const parsed = parseUtcTimestamp(text);
        expect(parsed.ok).toBe(real);
        if (parsed.ok) expect(formatUtcTimestamp(new Date(parsed.epochMs))).toBe(text);
      }),
    );
  });

  it('property: never throws, and accepts only the exact shape', () => {
    fc.assert(
      fc.property(
        fc.oneof(fc.string({ maxLength: 30 }), fc.stringMatching(/^\d{4}-\d\d-\d\dT\d\d:\d\d:\d\dZ?$/)),
        (text) => {
          const parsed = parseUtcTimestamp(text);
          if (parsed.ok) expect(text).toMatch(/^\d{4}-\d{2}-\d{2}T\d{2}:\d{2}:\d{2}Z$/);
        },
      ),
    );
  });
});

describe('formatUtcTimestamp', () => {
  it('writes UTC with second precision, truncating milliseconds', () => {
    expect(formatUtcTimestamp(new Date(Date.UTC(2024, 7, 23, 15, 30, 0, 999)))).toBe('2024-08-23T15:30:00Z');
  });

  it('pads years below 1000', () => {
    const instant = new Date(0);
    instant.setUTCFullYear(42, 0, 2);
    expect(formatUtcTimestamp(instant)).toBe('0042-01-02T00:00:00Z');
  });

  it('refuses instants the format cannot spell', () => {
    expect(() => formatUtcTimestamp(new Date(Date.UTC(10000, 0, 1)))).toThrow(RangeError);
    expect(() => formatUtcTimestamp(new Date(Number.NaN))).toThrow(RangeError);
  });

  it('property: formatting then parsing gives the instant back, truncated to the second', () => {
    fc.assert(
      fc.property(spellableInstant, (instant) => {
        const parsed = parseUtcTimestamp(formatUtcTimestamp(instant));
        expect(parsed).toEqual({ ok: true, epochMs: Math.floor(instant.getTime() / 1000) * 1000 });
      }),
    );
  });
});
