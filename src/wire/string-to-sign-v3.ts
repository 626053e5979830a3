import { sha256Hex } from './content-hash.js';

/** The only V3 algorithm this toolkit signs and verifies. */
export const ACS3_HMAC_SHA256 = 'ACS3-HMAC-SHA256';

/** `ACS3-HMAC-SHA256\n` + lower-case hex SHA-256 of the canonical request. */
export function stringToSignV3(canonicalRequest: string): string {
  return ACS3_HMAC_SHA256 + '\n' + sha256Hex(canonicalRequest);
}
