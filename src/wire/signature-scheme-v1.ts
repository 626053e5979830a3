import { canonicalQuery } from './canonical-query.js';
import { signV1 } from './sign-v1.js';
import type { SignatureScheme } from './signature-scheme.js';
import { verifyV1 } from './verify-v1.js';

/** The V1 `Format` exactly as the official openapi-core sends it (lower case). */
const OFFICIAL_FORMAT = 'json';

/**
 * HMAC-SHA1 (`SignatureVersion=1.0`, the SDKs' "v2"): the signature and its envelope are
 * parameters. The official core also sends the action and version as (unsigned) `x-acs-*` headers.
 */
export const signatureSchemeV1: SignatureScheme<'v1'> = {
  name: 'v1',
  summary: 'HMAC-SHA1 in the query (SignatureVersion 1.0)',
  envelope: 'params',
  detect: (request) => request.query['Signature'] !== undefined || request.form?.['Signature'] !== undefined,
  sign(call) {
    const signed = signV1({
      method: call.method,
      action: call.action,
      version: call.version,
      params: call.params,
      credentials: call.credentials,
      format: OFFICIAL_FORMAT,
    });
    return {
      path: `/?${canonicalQuery(signed)}`,
      headers: { ...call.headers, host: call.host, 'x-acs-action': call.action, 'x-acs-version': call.version },
    };
  },
  verify: verifyV1,
};
