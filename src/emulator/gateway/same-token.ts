import { createHash, timingSafeEqual } from 'node:crypto';

/**
 * Whether a received security token is the expected one, in time that does not depend on where
 * they differ or on the expected token's length: both are hashed to 32 bytes first, then compared
 * with `timingSafeEqual`, as the signature is.
 */
export function sameToken(received: string, expected: string): boolean {
  return timingSafeEqual(digest(received), digest(expected));
}

function digest(text: string): Buffer {
  return createHash('sha256').update(text, 'utf8').digest();
}
