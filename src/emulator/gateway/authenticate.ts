import { errorCodes } from '../../../generated/operations.js';
import { verifyRequest } from '../../wire/verify-request.js';
import type { ReceivedRequest, Verified, VerifyFailure } from '../../wire/verify-result.js';
import type { AccessKeys } from './access-keys.js';
import { type Refusal, refuse } from './refusal.js';
import { sameToken } from './same-token.js';

/** Largest distance between a request's signing time and real wall-clock time, either way: 15 minutes, in ms. */
export const TIMESTAMP_TOLERANCE_MS = 15 * 60 * 1000;

/**
 * Checks the signature (V3 or V1, detected from the request), the AccessKeyId, the signing time
 * against real wall-clock time and, for STS credentials, the security token. Replay and
 * throttling come after, once the caller is known.
 */
export function authenticate(request: ReceivedRequest, keys: AccessKeys, now: Date): Verified | Refusal {
  const result = verifyRequest(request, {
    lookupSecret: (id) => keys.get(id)?.accessKeySecret,
    now,
    maxSkewMs: TIMESTAMP_TOLERANCE_MS,
  });
  if (!result.ok) return fromVerifyFailure(result);
  const expectedToken = keys.get(result.accessKeyId)?.securityToken;
  if (
    expectedToken !== undefined &&
    (result.securityToken === undefined || !sameToken(result.securityToken, expectedToken))
  ) {
    // The spec has no InvalidSecurityToken.* code; an STS key only exists together with its token.
    return refuse(
      'InvalidAccessKeyId.NotFound',
      undefined,
      result.securityToken === undefined
        ? `AccessKeyId ${result.accessKeyId} is an STS key; send its SecurityToken (x-acs-security-token in V3)`
        : `the SecurityToken does not belong to AccessKeyId ${result.accessKeyId}`,
    );
  }
  return result;
}

/**
 * Maps the wire verifier's codes onto the spec's table: `Missing<Name>` codes the spec does not
 * list become `MissingParameter` naming the parameter; any other unlisted code becomes
 * `IncompleteSignature`, the spec's catch-all for a request that is not signed as the protocol
 * requires.
 */
function fromVerifyFailure(failure: VerifyFailure): Refusal {
  const { code, message, param } = failure;
  if (Object.hasOwn(errorCodes, code)) {
    if (code === 'MissingParameter' && param !== undefined) return refuse(code, param);
    return refuse(code, undefined, message);
  }
  if (code.startsWith('Missing')) return refuse('MissingParameter', param ?? code.slice('Missing'.length));
  return refuse('IncompleteSignature', undefined, message);
}
