import * as crypto from 'node:crypto';
import { sha256Hex } from './content-hash.js';

/** The only V3 algorithm this toolkit signs and verifies. */
export const ACS3_HMAC_SHA256 = 'ACS3-HMAC-SHA256';

// Node >= 20.12 has a one-shot `crypto.hash`, about twice as fast as a Hash object for one string.
const oneShotHash = (crypto as { hash?: (algorithm: string, data: string, encoding: 'hex') => string }).hash;

/** `ACS3-HMAC-SHA256\n` + lower-case hex SHA-256 of the canonical request. */
export function stringToSignV3(canonicalRequest: string): string {
  return (
    ACS3_HMAC_SHA256 +
    '\n' +
    (oneShotHash === undefined ? sha256Hex(canonicalRequest) : oneShotHash('sha256', canonicalRequest, 'hex'))
  );
}
