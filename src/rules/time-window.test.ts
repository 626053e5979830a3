import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import type { RuleIssue } from './rule-issue.js';
import { checkTimeWindow, MAX_TASK_WINDOW_MS } from './time-window.js';
import { formatUtcTimestamp } from './utc-timestamp.js';

const NOW = new Date('2024-08-23T12:00:00Z');
const at = (ms: number): string => formatUtcTimestamp(new Date(ms));
const SECOND = 1000;
const HOUR = 3600 * SECOND;
const DAY = 24 * HOUR;
const now = NOW.getTime();

const codes = (issues: readonly RuleIssue[]) => issues.map(({ param, code }) => `${param}:${code}`);

describe('checkTimeWindow: a request that gives both times (Create)', () => {
  const window = (startMs: number, endMs: number) =>
    checkTimeWindow({ StartTime: at(startMs), EndTime: at(endMs) }, NOW);

  it('accepts a window of exactly 7 days', () => {
    expect(window(now + HOUR, now + HOUR + 7 * DAY)).toEqual([]);
  });

  it('refuses 7 days and 1 second, naming the length', () => {
    expect(window(now + HOUR, now + HOUR + 7 * DAY + SECOND)).toEqual([
      {
        param: 'EndTime',
        code: 'InvalidParam.CodeIllegalDuration',
        message: 'EndTime must be at most 7 days after StartTime (got 7 days 1 second)',
      },
    ]);
  });

  it('says how long an over-long window is', () => {
    expect(window(now, now + 8 * DAY + 2 * HOUR)[0]?.message).toBe(
      'EndTime must be at most 7 days after StartTime (got 8 days 2 hours)',
    );
  });

  it('refuses EndTime equal to StartTime', () => {
    expect(window(now + HOUR, now + HOUR)).toEqual([
      {
        param: 'EndTime',
        code: 'InvalidParam.CodeIllegalDuration',
        message:
          'EndTime must be later than StartTime (got EndTime 2024-08-23T13:00:00Z, StartTime 2024-08-23T13:00:00Z, the same time)',
      },
    ]);
  });

  it('accepts EndTime one second after StartTime', () => {
    expect(window(now + HOUR, now + HOUR + SECOND)).toEqual([]);
  });

  it('refuses EndTime equal to now and accepts one second later', () => {
    expect(window(now - HOUR, now)).toEqual([
      {
        param: 'EndTime',
        code: 'InvalidParam.CodeIllegalDuration',
        message:
          'EndTime must be later than the current time 2024-08-23T12:00:00Z (got 2024-08-23T12:00:00Z, the same time)',
      },
    ]);
    expect(window(now - HOUR, now + SECOND)).toEqual([]);
  });

  it('compares with now to the millisecond', () => {
    const justAfter = new Date(now + 1);
    expect(codes(checkTimeWindow({ StartTime: at(now - HOUR), EndTime: at(now) }, justAfter))).toEqual([
      'EndTime:InvalidParam.CodeIllegalDuration',
    ]);
  });

  it('accepts a StartTime in the past: the task starts at once', () => {
    expect(window(now - 3 * DAY, now + HOUR)).toEqual([]);
  });

  it('reports every broken rule, not just the first', () => {
    expect(codes(window(now, now - 2 * HOUR))).toEqual([
      'EndTime:InvalidParam.CodeIllegalDuration',
      'EndTime:InvalidParam.CodeIllegalDuration',
    ]);
    expect(window(now, now - 2 * HOUR)[1]?.message).toMatch(/EndTime must be later than StartTime .*2 hours earlier/);
  });

  it('reports an unparseable time as InvalidParameter and skips the rules it would feed', () => {
    expect(checkTimeWindow({ StartTime: '2024-02-30T00:00:00Z', EndTime: at(now + HOUR) }, NOW)).toEqual([
      {
        param: 'StartTime',
        code: 'InvalidParameter',
        message:
          'StartTime must be a UTC time in the form yyyy-MM-ddTHH:mm:ssZ (got "2024-02-30T00:00:00Z": February 2024 has no day 30 (it has 29 days))',
      },
    ]);
    expect(codes(checkTimeWindow({ StartTime: 'soon', EndTime: 'later' }, NOW))).toEqual([
      'StartTime:InvalidParameter',
      'EndTime:InvalidParameter',
    ]);
  });

  it('leaves values of the wrong type to the schema', () => {
    expect(checkTimeWindow({ StartTime: 1_724_414_400, EndTime: null }, NOW)).toEqual([]);
  });

  it('refuses an invalid now as a caller bug', () => {
    expect(() => checkTimeWindow({ EndTime: at(now + HOUR) }, new Date(Number.NaN))).toThrow(RangeError);
  });

  it('property: for any two real times the verdict is the arithmetic rule', () => {
    const wholeSeconds = (ms: number) => Math.floor(ms / SECOND) * SECOND;
    const instant = fc.oneof(
      fc.constantFrom(now - SECOND, now, now + SECOND),
      fc.integer({ min: now - 30 * DAY, max: now + 30 * DAY }).map(wholeSeconds),
    );
    const delta = fc.oneof(
      fc.constantFrom(-SECOND, 0, SECOND, MAX_TASK_WINDOW_MS, MAX_TASK_WINDOW_MS + SECOND),
      fc.integer({ min: -2 * DAY, max: 9 * DAY }).map(wholeSeconds),
    );
    const near = fc.tuple(instant, delta).map(([startMs, d]) => [startMs, startMs + d] as const);
    fc.assert(
      fc.property(fc.oneof(fc.tuple(instant, instant), near), ([startMs, endMs]) => {
        const issues = window(startMs, endMs);
        const expected: string[] = [];
        if (!(endMs > now)) expected.push('later than the current time');
        if (!(endMs > startMs)) expected.push('later than StartTime');
        else if (endMs - startMs > MAX_TASK_WINDOW_MS) expected.push('at most 7 days');
        expect(issues.map((i) => i.message)).toEqual(expected.map((rule) => expect.stringContaining(rule)));
        expect(issues.every((i) => i.code === 'InvalidParam.CodeIllegalDuration')).toBe(true);
      }),
    );
  });
});

describe('checkTimeWindow: a request that gives one time (Update)', () => {
  const stored = { StartTime: at(now + DAY), EndTime: at(now + 3 * DAY) };

  it('checks nothing when the request gives neither time', () => {
    expect(checkTimeWindow({}, NOW, { StartTime: at(now - 9 * DAY), EndTime: at(now - DAY) })).toEqual([]);
  });

  it('without the stored task, checks an EndTime only against now', () => {
    expect(checkTimeWindow({ EndTime: at(now + 30 * DAY) }, NOW)).toEqual([]);
    expect(codes(checkTimeWindow({ EndTime: at(now) }, NOW))).toEqual(['EndTime:InvalidParam.CodeIllegalDuration']);
  });

  it('without the stored task, accepts any real StartTime', () => {
    expect(checkTimeWindow({ StartTime: at(now + 30 * DAY) }, NOW)).toEqual([]);
  });

  it('merges a new EndTime with the stored StartTime', () => {
    expect(checkTimeWindow({ EndTime: at(now + DAY + 7 * DAY) }, NOW, stored)).toEqual([]);
    expect(checkTimeWindow({ EndTime: at(now + DAY + 7 * DAY + SECOND) }, NOW, stored)).toEqual([
      {
        param: 'EndTime',
        code: 'InvalidParam.CodeIllegalDuration',
        message:
          "EndTime must be at most 7 days after StartTime (got 7 days 1 second; the task's current StartTime 2024-08-24T12:00:00Z)",
      },
    ]);
    expect(checkTimeWindow({ EndTime: at(now + DAY) }, NOW, stored)[0]?.message).toBe(
      "EndTime must be later than StartTime (got EndTime 2024-08-24T12:00:00Z, the task's current StartTime 2024-08-24T12:00:00Z, the same time)",
    );
  });

  it('merges a new StartTime with the stored EndTime and blames StartTime', () => {
    expect(checkTimeWindow({ StartTime: at(now + 3 * DAY - SECOND) }, NOW, stored)).toEqual([]);
    expect(codes(checkTimeWindow({ StartTime: at(now + 3 * DAY) }, NOW, stored))).toEqual([
      'StartTime:InvalidParam.CodeIllegalDuration',
    ]);
    expect(codes(checkTimeWindow({ StartTime: at(now + 3 * DAY - 7 * DAY - SECOND) }, NOW, stored))).toEqual([
      'StartTime:InvalidParam.CodeIllegalDuration',
    ]);
  });

  it('lets the request override both stored times', () => {
    expect(checkTimeWindow({ StartTime: at(now + 10 * DAY), EndTime: at(now + 11 * DAY) }, NOW, stored)).toEqual([]);
  });

  it('ignores a stored time that does not parse rather than blame the request', () => {
    expect(checkTimeWindow({ EndTime: at(now + HOUR) }, NOW, { StartTime: 'garbage', EndTime: at(now + DAY) })).toEqual(
      [],
    );
  });
});
