import { describe, expect, it } from 'vitest';
import { parseRetryAfter } from './retry-after.js';

describe('parseRetryAfter', () => {
  it('reads non-negative integer milliseconds', () => {
    expect(parseRetryAfter('2000')).toBe(2000);
    expect(parseRetryAfter(' 0 ')).toBe(0);
  });

  it('ignores anything else', () => {
    for (const value of [undefined, '', '-1', '1.5', 'soon', 'Wed, 21 Oct 2015 07:28:00 GMT', '1e3', ['1', '2']]) {
      expect(parseRetryAfter(value)).toBeUndefined();
    }
  });
});
