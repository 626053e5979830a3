import { detectSignatureScheme, type SignatureVersion, signatureSchemes } from './signature-schemes.js';
import { failure, type ReceivedRequest, type VerifyOptions, type VerifyResult } from './verify-result.js';

/** Detects the signature scheme and verifies with it; an unsigned request gives `MissingSignature`. */
export function verifyRequest(request: ReceivedRequest, options: VerifyOptions): VerifyResult<SignatureVersion> {
  const scheme = detectSignatureScheme(request);
  if (scheme !== undefined) return scheme.verify(request, options);
  return failure(
    'MissingSignature',
    `the request is not signed: sign it with ${signatureSchemes.map((scheme) => scheme.summary).join(', or ')}`,
    'Signature',
  );
}
