import { API_VERSION, type OperationName } from '../../../generated/operations.js';
import { canonicalQuery } from '../../wire/canonical-query.js';
import { signV1 } from '../../wire/sign-v1.js';
import { signV3 } from '../../wire/sign-v3.js';
import type { ResolvedCredentials } from '../credentials/live-credentials.js';
import type { SignedAttempt } from './send-outcome.js';

/** The signature schemes: `v3` ACS3-HMAC-SHA256 (headers), `v1` HMAC-SHA1 (`SignatureVersion=1.0`, query). */
export type SignatureVersion = 'v3' | 'v1';

/** The V1 `Format` exactly as the official openapi-core sends it (lower case). */
const OFFICIAL_FORMAT = 'json';

/** Everything one attempt is signed over. */
export interface AttemptToSign {
  readonly signatureVersion: SignatureVersion;
  readonly method: 'GET' | 'POST';
  readonly host: string;
  readonly action: OperationName;
  /** The operation's parameters in wire form. */
  readonly params: Readonly<Record<string, string>>;
  /** `canonicalQuery(params)`, when the caller already has it. */
  readonly query: string | undefined;
  readonly credentials: ResolvedCredentials;
  readonly userAgent: string;
  /** Previous attempts of this call and the wait before this one, sent as the official core does on retries. */
  readonly retry: { readonly attempts: number; readonly delayMs: number } | undefined;
}

/**
 * Signs one attempt the way the official core does, with a fresh date and nonce (so every retry is
 * signed anew): every parameter in the query of `/`, no body. V3 sends the action and version as
 * signed `x-acs-*` headers; V1 puts them, with the signature, in the query.
 */
export function signAttempt(attempt: AttemptToSign): SignedAttempt {
  const { credentials } = attempt;
  const headers: Record<string, string> = {
    'x-acs-credentials-provider': credentials.providerName,
    'user-agent': attempt.userAgent,
  };
  if (attempt.retry !== undefined) {
    headers['x-acs-retry-attempts'] = String(attempt.retry.attempts);
    headers['x-acs-retry-delay'] = String(attempt.retry.delayMs);
  }
  if (attempt.signatureVersion === 'v3') {
    headers['accept'] = 'application/json';
    const query = attempt.query ?? canonicalQuery(attempt.params);
    return {
      method: attempt.method,
      path: query === '' ? '/' : `/?${query}`,
      headers: signV3({
        method: attempt.method,
        host: attempt.host,
        action: attempt.action,
        version: API_VERSION,
        query: attempt.params,
        canonicalQuery: query,
        headers,
        credentials,
      }),
    };
  }
  headers['host'] = attempt.host;
  headers['x-acs-action'] = attempt.action;
  headers['x-acs-version'] = API_VERSION;
  const signed = signV1({
    method: attempt.method,
    action: attempt.action,
    version: API_VERSION,
    params: attempt.params,
    credentials,
    format: OFFICIAL_FORMAT,
  });
  return { method: attempt.method, path: `/?${canonicalQuery(signed)}`, headers };
}
