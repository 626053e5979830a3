import { timingSafeEqual } from 'node:crypto';

/** Compares a received signature with the expected one without leaking, through timing, how much of it matched. */
export function safeEqual(received: string, expected: string): boolean {
  const a = Buffer.from(received, 'utf8');
  const b = Buffer.from(expected, 'utf8');
  // Only the length can leak, and the expected length is public (fixed by the algorithm).
  return a.length === b.length && timingSafeEqual(a, b);
}
