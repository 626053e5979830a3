import { createHash } from 'node:crypto';

/** Lower-case hex SHA-256 of the empty body: the `x-acs-content-sha256` of every bodiless request. */
export const EMPTY_BODY_SHA256 = 'e3b0c44298fc1c149afbf4c8996fb92427ae41e4649b934ca495991b7852b855';

/** Lower-case hex SHA-256 of a string (as UTF-8) or of raw bytes. */
export function sha256Hex(data: string | Uint8Array): string {
  return createHash('sha256').update(data).digest('hex');
}

/** `x-acs-content-sha256` for a request body; `undefined` and empty bodies give {@link EMPTY_BODY_SHA256}. */
export function contentSha256(body: string | Uint8Array | undefined): string {
  return body === undefined || body.length === 0 ? EMPTY_BODY_SHA256 : sha256Hex(body);
}
