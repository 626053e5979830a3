import type { CredentialLookup } from './live-credentials.js';

/** The variables the official SDKs and CLI read, in the names they use. */
export const CREDENTIAL_ENV = {
  accessKeyId: 'ALIBABA_CLOUD_ACCESS_KEY_ID',
  accessKeySecret: 'ALIBABA_CLOUD_ACCESS_KEY_SECRET',
  securityToken: 'ALIBABA_CLOUD_SECURITY_TOKEN',
} as const;

/**
 * Credentials from `ALIBABA_CLOUD_ACCESS_KEY_ID` and `ALIBABA_CLOUD_ACCESS_KEY_SECRET`, with
 * `ALIBABA_CLOUD_SECURITY_TOKEN` when set (STS). Empty values count as unset.
 */
export function fromEnvironment(env: NodeJS.ProcessEnv): CredentialLookup {
  const accessKeyId = env[CREDENTIAL_ENV.accessKeyId];
  const accessKeySecret = env[CREDENTIAL_ENV.accessKeySecret];
  if (!accessKeyId && !accessKeySecret) {
    return { missing: `environment: ${CREDENTIAL_ENV.accessKeyId} and ${CREDENTIAL_ENV.accessKeySecret} are not set` };
  }
  if (!accessKeyId)
    return { missing: `environment: ${CREDENTIAL_ENV.accessKeyId} is not set (${CREDENTIAL_ENV.accessKeySecret} is)` };
  if (!accessKeySecret)
    return { missing: `environment: ${CREDENTIAL_ENV.accessKeySecret} is not set (${CREDENTIAL_ENV.accessKeyId} is)` };
  const securityToken = env[CREDENTIAL_ENV.securityToken];
  return {
    found: securityToken
      ? { accessKeyId, accessKeySecret, securityToken, providerName: 'env' }
      : { accessKeyId, accessKeySecret, providerName: 'env' },
  };
}
