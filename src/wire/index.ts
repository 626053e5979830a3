/** The Alibaba Cloud RPC wire protocol: parameter encoding, V3 and V1 signing, server-side verification. */
export { percentEncode } from './percent-encode.js';
export { canonicalQuery } from './canonical-query.js';
export { canonicalHeaders, isSignedByDefault, type CanonicalHeaders, type HeaderMap } from './canonical-headers.js';
export { canonicalRequestV3, type CanonicalRequestV3Parts } from './canonical-request-v3.js';
export { contentSha256, sha256Hex, EMPTY_BODY_SHA256 } from './content-hash.js';
export { formatTimestamp, parseTimestamp } from './timestamp.js';
export { createNonce } from './nonce.js';
export type { Credentials } from './credentials.js';
export { ACS3_HMAC_SHA256, stringToSignV3 } from './string-to-sign-v3.js';
export { stringToSignV1 } from './string-to-sign-v1.js';
export { signV3, signatureV3, type SignV3Request } from './sign-v3.js';
export { signV1, signatureV1, type SignV1Request } from './sign-v1.js';
export {
  formatAuthorization,
  parseAuthorization,
  type Authorization,
  type AuthorizationParseResult,
} from './authorization-header.js';
export {
  toWireParams,
  fromWireParams,
  type WireOperation,
  type WireParam,
  type WireParamIssue,
  type DecodedParams,
} from './rpc-params.js';
export { PROTOCOL_PARAMS, operationParams } from './protocol-params.js';
export { detectSignatureVersion, type SignatureVersion } from './detect-signature-version.js';
export { DEFAULT_MAX_SKEW_MS, checkSigningWindow } from './signing-window.js';
export type {
  ReceivedRequest,
  VerifyOptions,
  VerifyResult,
  Verified,
  VerifyFailure,
  VerifyErrorCode,
} from './verify-result.js';
export { verifyV3 } from './verify-v3.js';
export { verifyV1 } from './verify-v1.js';
export { verifyRequest } from './verify-request.js';
