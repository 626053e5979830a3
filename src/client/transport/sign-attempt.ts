import { API_VERSION, type OperationName } from '../../../generated/operations.js';
import { type SignatureVersion, signatureScheme } from '../../wire/signature-schemes.js';
import type { ResolvedCredentials } from '../credentials/live-credentials.js';
import type { SignedAttempt } from './send-outcome.js';

/** Everything one attempt is signed over. */
export interface AttemptToSign {
  readonly signatureVersion: SignatureVersion;
  readonly method: 'GET' | 'POST';
  readonly host: string;
  readonly action: OperationName;
  /** The operation's parameters in wire form: what is signed and sent, in the query of `/`. */
  readonly params: Readonly<Record<string, string>>;
  readonly credentials: ResolvedCredentials;
  readonly userAgent: string;
  /** Previous attempts of this call and the wait before this one, sent as the official core does on retries. */
  readonly retry: { readonly attempts: number; readonly delayMs: number } | undefined;
}

/**
 * Signs one attempt the way the official core does, with a fresh date and nonce (so every retry is
 * signed anew), with the scheme `signatureVersion` names in the registry: every parameter in the
 * query of `/`, no body.
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
  const signed = signatureScheme(attempt.signatureVersion).sign({
    method: attempt.method,
    host: attempt.host,
    action: attempt.action,
    version: API_VERSION,
    params: attempt.params,
    headers,
    credentials,
  });
  return { method: attempt.method, path: signed.path, headers: signed.headers };
}
