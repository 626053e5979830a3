import { createHmac, createSecretKey, type KeyObject } from 'node:crypto';
import { authorizationValue } from './authorization-header.js';
import { canonicalHeaders } from './canonical-headers.js';
import { canonicalQuery } from './canonical-query.js';
import { canonicalRequestV3 } from './canonical-request-v3.js';
import { contentSha256 } from './content-hash.js';
import type { Credentials } from './credentials.js';
import { createNonce } from './nonce.js';
import { ACS3_HMAC_SHA256, stringToSignV3 } from './string-to-sign-v3.js';
import { formatTimestamp } from './timestamp.js';

/** One attempt of an RPC call to sign with ACS3-HMAC-SHA256. */
export interface SignV3Request {
  /** Upper-case HTTP method, e.g. `GET`. */
  readonly method: string;
  /** The `host` header: the endpoint authority, port included (`127.0.0.1:8080`). */
  readonly host: string;
  /** Sent as `x-acs-action`, e.g. `UpdateLivePullToPush`. */
  readonly action: string;
  /** Sent as `x-acs-version`, e.g. `2016-11-01`. */
  readonly version: string;
  /** API parameters for the URL query, already in wire form (see `toWireParams`). Default: none. */
  readonly query?: Readonly<Record<string, string>> | undefined;
  /** `canonicalQuery(query)`, when the caller has already built it for the URL (saves a second pass). */
  readonly canonicalQuery?: string | undefined;
  /**
   * Extra headers to send, e.g. `content-type`, `x-acs-credentials-provider`,
   * `x-acs-retry-attempts`. `host`, `content-type` and `x-acs-*` among them are signed.
   */
  readonly headers?: Readonly<Record<string, string>> | undefined;
  /** The exact body bytes (a string is sent as UTF-8). Default: no body. */
  readonly body?: string | Uint8Array | undefined;
  readonly credentials: Credentials;
  /** Signing time, sent as `x-acs-date` at second precision. Default: now. */
  readonly date?: Date | undefined;
  /** Sent as `x-acs-signature-nonce`. Default: a fresh {@link createNonce}. */
  readonly nonce?: string | undefined;
  /** Canonical URI. Default: `/` (every RPC call). */
  readonly pathname?: string | undefined;
}

// A client signs every call with the same secret: keeping its key object saves re-importing it.
let lastSecret: string | undefined;
let lastKey: KeyObject | undefined;

function hmacKey(accessKeySecret: string): KeyObject {
  if (lastKey === undefined || lastSecret !== accessKeySecret) {
    lastKey = createSecretKey(accessKeySecret, 'utf8');
    lastSecret = accessKeySecret;
  }
  return lastKey;
}

// Signing times have second precision: format each second once.
let stampSecond = Number.NaN;
let stampText = '';

function currentTimestamp(): string {
  const second = Math.floor(Date.now() / 1000);
  if (second !== stampSecond) {
    stampText = formatTimestamp(new Date(second * 1000));
    stampSecond = second;
  }
  return stampText;
}

/** The lower-case hex HMAC-SHA256 V3 signature of a string to sign. */
export function signatureV3(accessKeySecret: string, stringToSign: string): string {
  return createHmac('sha256', hmacKey(accessKeySecret)).update(stringToSign).digest('hex');
}

/**
 * Signs one attempt and returns every header the official core sends for it (names lower-case):
 * the extra `headers`, then `host`, `x-acs-action`, `x-acs-version`, `x-acs-date`,
 * `x-acs-signature-nonce`, `x-acs-content-sha256`, with STS `x-acs-accesskey-id` and
 * `x-acs-security-token`, and `authorization`. Call it again for a retry: a retry needs a new
 * date and nonce.
 */
export function signV3(request: SignV3Request): Record<string, string> {
  const { credentials } = request;
  const headers: Record<string, string> = {};
  if (request.headers !== undefined) {
    for (const name of Object.keys(request.headers)) headers[name.toLowerCase()] = request.headers[name]!;
  }
  headers['host'] = request.host;
  headers['x-acs-action'] = request.action;
  headers['x-acs-version'] = request.version;
  headers['x-acs-date'] = request.date === undefined ? currentTimestamp() : formatTimestamp(request.date);
  headers['x-acs-signature-nonce'] = request.nonce ?? createNonce();
  const payloadHash = contentSha256(request.body);
  headers['x-acs-content-sha256'] = payloadHash;
  if (credentials.securityToken !== undefined) {
    headers['x-acs-accesskey-id'] = credentials.accessKeyId;
    headers['x-acs-security-token'] = credentials.securityToken;
  }
  const canonical = canonicalHeaders(headers);
  const stringToSign = stringToSignV3(
    canonicalRequestV3({
      method: request.method,
      pathname: request.pathname ?? '/',
      canonicalQuery: request.canonicalQuery ?? (request.query === undefined ? '' : canonicalQuery(request.query)),
      canonicalHeaders: canonical.canonicalHeaders,
      signedHeaders: canonical.signedHeaders,
      payloadHash,
    }),
  );
  headers['authorization'] = authorizationValue(
    ACS3_HMAC_SHA256,
    credentials.accessKeyId,
    canonical.signedHeaders,
    signatureV3(credentials.accessKeySecret, stringToSign),
  );
  return headers;
}
