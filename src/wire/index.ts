/** The Alibaba Cloud RPC wire protocol: parameter encoding, V3 and V1 signing, server-side verification. */

export {
  type Authorization,
  type AuthorizationParseResult,
  formatAuthorization,
  parseAuthorization,
} from './authorization-header.js';
export { type CanonicalHeaders, canonicalHeaders, type HeaderMap, isSignedByDefault } from './canonical-headers.js';
export { canonicalQuery } from './canonical-query.js';
export { type CanonicalRequestV3Parts, canonicalRequestV3 } from './canonical-request-v3.js';
export { contentSha256, EMPTY_BODY_SHA256, sha256Hex } from './content-hash.js';
export type { Credentials } from './credentials.js';
export { createNonce } from './nonce.js';
export { percentEncode } from './percent-encode.js';
export { operationParams, PROTOCOL_PARAMS } from './protocol-params.js';
export {
  type DecodedParams,
  fromWireParams,
  toWireParams,
  type WireOperation,
  type WireParam,
  type WireParamIssue,
} from './rpc-params.js';
export { type SignV1Request, signatureV1, signV1 } from './sign-v1.js';
export { type SignV3Request, signatureV3, signV3 } from './sign-v3.js';
export type { CallToSign, SignatureEvidence, SignatureScheme, SignedCall } from './signature-scheme.js';
export {
  DEFAULT_SIGNATURE_VERSION,
  detectSignatureScheme,
  isSignatureVersion,
  type RegisteredScheme,
  type SignatureVersion,
  signatureScheme,
  signatureSchemes,
  signatureVersions,
} from './signature-schemes.js';
export { checkSigningWindow, DEFAULT_MAX_SKEW_MS } from './signing-window.js';
export { stringToSignV1 } from './string-to-sign-v1.js';
export { ACS3_HMAC_SHA256, stringToSignV3 } from './string-to-sign-v3.js';
export { formatTimestamp, parseTimestamp } from './timestamp.js';
export { verifyRequest } from './verify-request.js';
export type {
  ReceivedRequest,
  Verified,
  VerifyErrorCode,
  VerifyFailure,
  VerifyOptions,
  VerifyResult,
} from './verify-result.js';
export { verifyV1 } from './verify-v1.js';
export { verifyV3 } from './verify-v3.js';
