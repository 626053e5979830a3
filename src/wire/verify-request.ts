import { detectSignatureVersion } from './detect-signature-version.js';
import { failure, type ReceivedRequest, type VerifyOptions, type VerifyResult } from './verify-result.js';
import { verifyV1 } from './verify-v1.js';
import { verifyV3 } from './verify-v3.js';

/** Detects the signature scheme and verifies with {@link verifyV3} or {@link verifyV1}; an unsigned request gives `MissingSignature`. */
export function verifyRequest(request: ReceivedRequest, options: VerifyOptions): VerifyResult {
  switch (detectSignatureVersion(request)) {
    case 'v3':
      return verifyV3(request, options);
    case 'v1':
      return verifyV1(request, options);
    default:
      return failure(
        'MissingSignature',
        'the request is not signed: send an "Authorization: ACS3-HMAC-SHA256 …" header or a Signature parameter',
        'Signature',
      );
  }
}
