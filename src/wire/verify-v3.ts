import { parseAuthorization } from './authorization-header.js';
import { canonicalHeaders, type HeaderMap } from './canonical-headers.js';
import { canonicalQuery } from './canonical-query.js';
import { canonicalRequestV3 } from './canonical-request-v3.js';
import { contentSha256 } from './content-hash.js';
import { operationParams } from './protocol-params.js';
import { safeEqual } from './safe-equal.js';
import { signatureV3 } from './sign-v3.js';
import { checkSigningWindow } from './signing-window.js';
import { ACS3_HMAC_SHA256, stringToSignV3 } from './string-to-sign-v3.js';
import { parseTimestamp } from './timestamp.js';
import { failure, type ReceivedRequest, type VerifyOptions, type VerifyResult } from './verify-result.js';

/** Headers every V3 request must carry, in the order they are checked. */
const REQUIRED_HEADERS = [
  'host',
  'x-acs-action',
  'x-acs-version',
  'x-acs-date',
  'x-acs-signature-nonce',
  'x-acs-content-sha256',
] as const;

/**
 * Verifies an ACS3-HMAC-SHA256 request the way the gateway does: strict `Authorization` parse,
 * required headers, SignedHeaders covering `host` and every `x-acs-*` header sent, known
 * AccessKeyId, `x-acs-date` format and window, body hash, then the signature recomputed over
 * exactly the listed headers and the re-encoded decoded query, compared in constant time.
 * Nonce replay is the caller's job (the nonce is returned).
 */
export function verifyV3(request: ReceivedRequest, options: VerifyOptions): VerifyResult<'v3'> {
  const { headers } = request;
  const authorization = single(headers, 'authorization');
  if (authorization === undefined)
    return failure('MissingParameter', 'the Authorization header is mandatory for ACS3 signatures', 'authorization');
  const parsed = parseAuthorization(authorization);
  if (!parsed.ok) return failure('IncompleteSignature', `Authorization header: ${parsed.reason}`);
  const auth = parsed.value;
  if (auth.algorithm !== ACS3_HMAC_SHA256) {
    return failure(
      'InvalidSignatureMethod',
      `signature algorithm ${auth.algorithm} is not supported; use ${ACS3_HMAC_SHA256}`,
    );
  }
  for (const name of REQUIRED_HEADERS) {
    if (single(headers, name) === undefined)
      return failure('MissingParameter', `the ${name} header is mandatory for ACS3 signatures`, name);
  }
  for (const name of Object.keys(headers)) {
    const lower = name.toLowerCase();
    if (
      (lower === 'host' || lower.startsWith('x-acs-')) &&
      headers[name] !== undefined &&
      !inSortedList(auth.signedHeaders, lower)
    ) {
      return failure('IncompleteSignature', `header ${lower} is sent but not listed in SignedHeaders`);
    }
  }
  for (const name of auth.signedHeaders) {
    if (headers[name] === undefined)
      return failure('IncompleteSignature', `SignedHeaders lists ${name}, which the request does not carry`);
  }

  const secret = options.lookupSecret(auth.accessKeyId);
  if (secret === undefined)
    return failure('InvalidAccessKeyId.NotFound', `AccessKeyId ${auth.accessKeyId} is not found`);

  const date = single(headers, 'x-acs-date')!;
  const signedAt = parseTimestamp(date);
  if (signedAt === undefined)
    return failure('InvalidTimeStamp.Format', `x-acs-date "${date}" is not yyyy-MM-ddTHH:mm:ssZ`);
  const late = checkSigningWindow(signedAt, options, 'x-acs-date');
  if (late !== undefined) return late;

  const payloadHash = single(headers, 'x-acs-content-sha256')!;
  if (payloadHash !== contentSha256(request.rawBody)) {
    return failure('SignatureDoesNotMatch', 'x-acs-content-sha256 is not the SHA-256 of the request body');
  }

  const canonical = canonicalHeaders(headers, auth.signedHeaders);
  const stringToSign = stringToSignV3(
    canonicalRequestV3({
      method: request.method,
      pathname: request.pathname ?? '/',
      canonicalQuery: canonicalQuery(request.query),
      canonicalHeaders: canonical.canonicalHeaders,
      signedHeaders: canonical.signedHeaders,
      payloadHash,
    }),
  );
  if (!safeEqual(auth.signature, signatureV3(secret, stringToSign))) {
    return failure(
      'SignatureDoesNotMatch',
      'the request signature does not match the signature computed by the server',
    );
  }

  const securityToken = single(headers, 'x-acs-security-token');
  return {
    ok: true,
    signatureVersion: 'v3',
    accessKeyId: auth.accessKeyId,
    ...(securityToken === undefined ? {} : { securityToken }),
    nonce: single(headers, 'x-acs-signature-nonce')!,
    signedAt,
    action: single(headers, 'x-acs-action')!,
    version: single(headers, 'x-acs-version')!,
    params: operationParams(request.query, request.form),
  };
}

/** Whether `name` is in `list`, which {@link parseAuthorization} guarantees sorted and duplicate-free. */
function inSortedList(list: readonly string[], name: string): boolean {
  let low = 0;
  let high = list.length - 1;
  while (low <= high) {
    const mid = (low + high) >>> 1;
    const entry = list[mid]!;
    if (entry === name) return true;
    if (entry < name) low = mid + 1;
    else high = mid - 1;
  }
  return false;
}

/** One header value; repeated values (which Node joins for most names) come back joined with `,`. */
function single(headers: HeaderMap, name: string): string | undefined {
  const value = headers[name];
  if (value === undefined) return undefined;
  return typeof value === 'string' ? value.trim() : value.map((v) => v.trim()).join(',');
}
