import { createHmac } from 'node:crypto';
import type { Credentials } from './credentials.js';
import { createNonce } from './nonce.js';
import { stringToSignV1 } from './string-to-sign-v1.js';
import { formatTimestamp } from './timestamp.js';

/** One attempt of an RPC call to sign with HMAC-SHA1 (`SignatureVersion=1.0`, the SDKs' "v2"). */
export interface SignV1Request {
  /** The real upper-case HTTP method; the signature depends on it. */
  readonly method: string;
  /** e.g. `UpdateLivePullToPush`. */
  readonly action: string;
  /** e.g. `2016-11-01`. */
  readonly version: string;
  /** API parameters already in wire form (see `toWireParams`). Default: none. */
  readonly params?: Readonly<Record<string, string>> | undefined;
  readonly credentials: Credentials;
  /** Signing time, sent as `Timestamp` at second precision. Default: now. */
  readonly date?: Date | undefined;
  /** Sent as `SignatureNonce`. Default: a fresh {@link createNonce}. */
  readonly nonce?: string | undefined;
  /** Response format. Default: `JSON` (the service's own default is XML). */
  readonly format?: string | undefined;
}

/** The base64 HMAC-SHA1 V1 signature of a string to sign; the key is the secret plus `&`. */
export function signatureV1(accessKeySecret: string, stringToSign: string): string {
  return createHmac('sha1', `${accessKeySecret}&`).update(stringToSign).digest('base64');
}

/**
 * Signs one attempt and returns the complete parameter set (decoded values): the API
 * parameters plus `Action`, `Version`, `Format`, `Timestamp`, `SignatureNonce`,
 * `SignatureMethod=HMAC-SHA1`, `SignatureVersion=1.0`, `AccessKeyId`, `SecurityToken` with STS,
 * and `Signature`. Send it as the URL query (GET) or the form body (POST), encoded with
 * `canonicalQuery`.
 */
export function signV1(request: SignV1Request): Record<string, string> {
  const { credentials } = request;
  // Copied key by key: adding properties to an object made by spread is a slow path in V8.
  const params: Record<string, string> = Object.create(null);
  const api = request.params;
  if (api !== undefined) for (const name of Object.keys(api)) params[name] = api[name]!;
  params['Action'] = request.action;
  params['Version'] = request.version;
  params['Format'] = request.format ?? 'JSON';
  params['Timestamp'] = formatTimestamp(request.date ?? new Date());
  params['SignatureNonce'] = request.nonce ?? createNonce();
  params['SignatureMethod'] = 'HMAC-SHA1';
  params['SignatureVersion'] = '1.0';
  params['AccessKeyId'] = credentials.accessKeyId;
  if (credentials.securityToken !== undefined) params['SecurityToken'] = credentials.securityToken;
  // A caller's stray Signature must not be signed over.
  if (params['Signature'] !== undefined) delete params['Signature'];
  params['Signature'] = signatureV1(credentials.accessKeySecret, stringToSignV1(request.method, params));
  return params;
}
