import { LiveOptionError } from '../../errors/live-option-error.js';
import type { Credentials } from '../../wire/credentials.js';

/**
 * The emulator's built-in AccessKey pair, accepted when no other pair is configured. It is
 * public on purpose (printed at start, documented) so that examples and tests can sign requests;
 * it opens nothing but a local emulator.
 */
export const DEFAULT_ACCESS_KEY_ID = 'LTAI5tLiveRelayEmulator';
/** Secret of {@link DEFAULT_ACCESS_KEY_ID}. Not a secret: never accept it anywhere real. */
export const DEFAULT_ACCESS_KEY_SECRET = 'live-relay-emulator-test-secret';

/** The AccessKeys a gateway accepts, by AccessKeyId. */
export type AccessKeys = ReadonlyMap<string, Credentials>;

/**
 * Builds the key table. A credential with a `securityToken` stands for STS credentials: requests
 * signed with it must carry exactly that token. A credential without one accepts requests with
 * or without a token (the emulator does not model the STS service itself).
 * Throws on an empty id or secret and on an id given twice with different secrets.
 */
export function accessKeyTable(list: readonly Credentials[]): AccessKeys {
  const table = new Map<string, Credentials>();
  for (const credential of list) {
    if (credential.accessKeyId === '' || credential.accessKeySecret === '') {
      throw new LiveOptionError(
        'credentials',
        'every emulator credential needs a non-empty accessKeyId and accessKeySecret',
      );
    }
    const existing = table.get(credential.accessKeyId);
    if (existing !== undefined && existing.accessKeySecret !== credential.accessKeySecret) {
      throw new LiveOptionError(
        'credentials',
        `AccessKeyId ${credential.accessKeyId} is configured twice with different secrets`,
      );
    }
    table.set(credential.accessKeyId, credential);
  }
  return table;
}
