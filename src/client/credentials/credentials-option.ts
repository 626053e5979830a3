import { LiveCredentialsError } from '../errors/live-credentials-error.js';
import { safeError } from '../redaction/safe-error.js';
import { defaultCredentialChain } from './default-credential-chain.js';
import type { LiveCredentials, LiveCredentialsProvider, ResolvedCredentials } from './live-credentials.js';

/** Resolves the credentials for one call; a fixed pair answers synchronously. */
export type ResolveCredentials = () => ResolvedCredentials | Promise<ResolvedCredentials>;

/**
 * The `credentials` client option as a resolver: a fixed pair is checked once and reused; a
 * function is called for every call and its answer checked; no option means the default chain
 * (environment, then the aliyun CLI profile file).
 */
export function resolveCredentialsOption(
  option: LiveCredentials | LiveCredentialsProvider | undefined,
): ResolveCredentials {
  if (option === undefined) return defaultCredentialChain({ env: process.env });
  if (typeof option === 'function') {
    return async () => {
      let credentials: LiveCredentials;
      try {
        credentials = await option();
      } catch (cause) {
        throw new LiveCredentialsError(['credentials option: the function threw (see cause)'], {
          cause: safeError(cause),
        });
      }
      return checked(credentials, 'custom', 'the function returned');
    };
  }
  let resolved: ResolvedCredentials | undefined;
  return () => (resolved ??= checked(option, option.securityToken ? 'static_sts' : 'static_ak', 'the object has'));
}

function checked(credentials: LiveCredentials, providerName: string, what: string): ResolvedCredentials {
  const missing = (['accessKeyId', 'accessKeySecret'] as const).filter(
    (field) => typeof credentials?.[field] !== 'string' || credentials[field] === '',
  );
  if (missing.length > 0)
    throw new LiveCredentialsError([`credentials option: ${what} no ${missing.join(' and no ')}`]);
  const { accessKeyId, accessKeySecret, securityToken } = credentials;
  return securityToken
    ? { accessKeyId, accessKeySecret, securityToken, providerName }
    : { accessKeyId, accessKeySecret, providerName };
}
