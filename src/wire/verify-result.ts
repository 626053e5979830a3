import type { HeaderMap } from './canonical-headers.js';

/** A received request, as the server's HTTP layer decoded it. */
export interface ReceivedRequest {
  /** The HTTP method as received (`GET`, `POST`). */
  readonly method: string;
  /** Canonical URI. Default: `/`. */
  readonly pathname?: string | undefined;
  /** URL query parameters, percent-decoded. */
  readonly query: Readonly<Record<string, string>>;
  /** Fields of an `application/x-www-form-urlencoded` body, decoded (`+` is a space). */
  readonly form?: Readonly<Record<string, string>> | undefined;
  /** Request headers with lower-case names, e.g. Node's `IncomingMessage.headers`. */
  readonly headers: HeaderMap;
  /** The exact body bytes (V3 hashes them). Default: empty. */
  readonly rawBody?: Uint8Array | undefined;
}

/** What the verifier needs besides the request. */
export interface VerifyOptions {
  /** The AccessKeySecret for an AccessKeyId, or `undefined` when the id is unknown. */
  readonly lookupSecret: (accessKeyId: string) => string | undefined;
  /** The server's current time. */
  readonly now: Date;
  /** Largest allowed distance between the signing time and `now`, either way, in milliseconds. Default: 900000 (15 min). */
  readonly maxSkewMs?: number | undefined;
}

/** The gateway error codes a verification failure can carry. */
export type VerifyErrorCode =
  | 'IncompleteSignature'
  | 'InvalidSignatureMethod'
  | 'InvalidSignatureVersion'
  | 'MissingParameter'
  | `Missing${string}`
  | 'InvalidAccessKeyId.NotFound'
  | 'InvalidTimeStamp.Format'
  | 'InvalidTimeStamp.Expired'
  | 'SignatureDoesNotMatch';

/** A request whose signature checked out. Replay (nonce reuse) is not checked here. */
export interface Verified<Version extends string = string> {
  readonly ok: true;
  /** The name of the scheme that signed it (see `signature-schemes.ts`). */
  readonly signatureVersion: Version;
  readonly accessKeyId: string;
  /** STS token (`SecurityToken` / `x-acs-security-token`), when sent. */
  readonly securityToken?: string;
  /** The signature nonce, for the caller's replay cache. */
  readonly nonce: string;
  /** `Timestamp` / `x-acs-date`. */
  readonly signedAt: Date;
  /** `Action` / `x-acs-action`. */
  readonly action: string;
  /** `Version` / `x-acs-version`. */
  readonly version: string;
  /** V1 `Format` as sent (the response format); absent in V3. */
  readonly format?: string;
  /** The operation's parameters: query and form body merged, envelope parameters removed, still strings. */
  readonly params: Record<string, string>;
}

/** Why a request was refused; `message` names the offending part and never contains a secret. */
export interface VerifyFailure {
  readonly ok: false;
  readonly code: VerifyErrorCode;
  readonly message: string;
  /** For `MissingParameter` and `Missing<Name>`: the missing header (lower-case) or parameter. */
  readonly param?: string;
}

export type VerifyResult<Version extends string = string> = Verified<Version> | VerifyFailure;

/** Builds a {@link VerifyFailure}. */
export function failure(code: VerifyErrorCode, message: string, param?: string): VerifyFailure {
  return param === undefined ? { ok: false, code, message } : { ok: false, code, message, param };
}
