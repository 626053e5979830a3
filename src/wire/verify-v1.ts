import { operationParams } from './protocol-params.js';
import { safeEqual } from './safe-equal.js';
import { signatureV1 } from './sign-v1.js';
import { checkSigningWindow } from './signing-window.js';
import { stringToSignV1 } from './string-to-sign-v1.js';
import { parseTimestamp } from './timestamp.js';
import { failure, type ReceivedRequest, type VerifyOptions, type VerifyResult } from './verify-result.js';

/** Parameters every V1 request must carry, in the order they are checked. */
const REQUIRED_PARAMS = [
  'Signature',
  'SignatureMethod',
  'SignatureVersion',
  'SignatureNonce',
  'Timestamp',
  'AccessKeyId',
  'Action',
  'Version',
] as const;

/**
 * Verifies an HMAC-SHA1 (`SignatureVersion=1.0`) request the way the gateway does: required
 * parameters, method and version, known AccessKeyId, `Timestamp` format and window, then the
 * signature recomputed over query ∪ form body (minus `Signature`), re-encoded from the decoded
 * values, with the real HTTP method, compared in constant time. Nonce replay is the caller's job.
 */
export function verifyV1(request: ReceivedRequest, options: VerifyOptions): VerifyResult<'v1'> {
  const all = mergeParams(request.query, request.form);
  for (const name of REQUIRED_PARAMS) {
    if (all[name] === undefined) return failure(`Missing${name}`, `${name} is mandatory for this action.`, name);
  }
  const received = all['Signature']!;
  delete all['Signature'];
  if (all['SignatureMethod'] !== 'HMAC-SHA1') {
    return failure(
      'InvalidSignatureMethod',
      `SignatureMethod "${all['SignatureMethod']}" is not supported; use HMAC-SHA1`,
    );
  }
  if (all['SignatureVersion'] !== '1.0') {
    return failure(
      'InvalidSignatureVersion',
      `SignatureVersion "${all['SignatureVersion']}" is not supported; use 1.0`,
    );
  }
  const accessKeyId = all['AccessKeyId']!;
  const secret = options.lookupSecret(accessKeyId);
  if (secret === undefined) return failure('InvalidAccessKeyId.NotFound', `AccessKeyId ${accessKeyId} is not found`);

  const timestamp = all['Timestamp']!;
  const signedAt = parseTimestamp(timestamp);
  if (signedAt === undefined)
    return failure('InvalidTimeStamp.Format', `Timestamp "${timestamp}" is not yyyy-MM-ddTHH:mm:ssZ`);
  const late = checkSigningWindow(signedAt, options, 'Timestamp');
  if (late !== undefined) return late;

  if (!safeEqual(received, signatureV1(secret, stringToSignV1(request.method, all)))) {
    return failure(
      'SignatureDoesNotMatch',
      'the request signature does not match the signature computed by the server',
    );
  }

  const securityToken = all['SecurityToken'];
  const format = all['Format'];
  return {
    ok: true,
    signatureVersion: 'v1',
    accessKeyId,
    ...(securityToken === undefined ? {} : { securityToken }),
    nonce: all['SignatureNonce']!,
    signedAt,
    action: all['Action']!,
    version: all['Version']!,
    ...(format === undefined ? {} : { format }),
    params: operationParams(request.query, request.form),
  };
}

/** Query ∪ form body (the body wins, as in the official cores), copied key by key into a null-prototype record. */
function mergeParams(
  query: Readonly<Record<string, string>>,
  form: Readonly<Record<string, string>> | undefined,
): Record<string, string> {
  const all: Record<string, string> = Object.create(null);
  for (const name of Object.keys(query)) all[name] = query[name]!;
  if (form !== undefined) for (const name of Object.keys(form)) all[name] = form[name]!;
  return all;
}
