import { describe, expect, it } from 'vitest';
import { describeDuration } from './duration-text.js';

const SECOND = 1000;
const HOUR = 3600 * SECOND;
const DAY = 24 * HOUR;

describe('describeDuration', () => {
  it.each([
    [8 * DAY + 2 * HOUR, '8 days 2 hours'],
    [7 * DAY + SECOND, '7 days 1 second'],
    [DAY + HOUR + 60 * SECOND + SECOND, '1 day 1 hour 1 minute 1 second'],
    [2 * 60 * SECOND, '2 minutes'],
    [0, '0 seconds'],
    [999, '0 seconds'],
    [-3 * HOUR, '3 hours'],
  ])('%d ms reads "%s"', (ms, text) => {
    expect(describeDuration(ms)).toBe(text);
  });
});
