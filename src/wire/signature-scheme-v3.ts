import { canonicalQuery } from './canonical-query.js';
import { signV3 } from './sign-v3.js';
import type { SignatureScheme } from './signature-scheme.js';
import { verifyV3 } from './verify-v3.js';

/** ACS3-HMAC-SHA256: the signature, the signed headers and the body hash in the `Authorization` header. */
export const signatureSchemeV3: SignatureScheme<'v3'> = {
  name: 'v3',
  summary: 'ACS3-HMAC-SHA256 in the Authorization header',
  envelope: 'headers',
  detect(request) {
    const authorization = request.headers['authorization'];
    return typeof authorization === 'string' && authorization.startsWith('ACS3-');
  },
  sign(call) {
    const query = canonicalQuery(call.params);
    return {
      path: query === '' ? '/' : `/?${query}`,
      headers: signV3({
        method: call.method,
        host: call.host,
        action: call.action,
        version: call.version,
        query: call.params,
        canonicalQuery: query,
        headers: { ...call.headers, accept: 'application/json' },
        credentials: call.credentials,
      }),
    };
  },
  verify: verifyV3,
};
