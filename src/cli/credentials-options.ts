import { homedir } from 'node:os';
import { defaultCredentialChain } from '../client/credentials/default-credential-chain.js';
import type { LiveCredentials } from '../client/credentials/live-credentials.js';
import { fromProfileFile, PROFILE_ENV } from '../client/credentials/profile-file-credentials.js';
import { LiveCredentialsError } from '../client/errors/live-credentials-error.js';
import type { GlobalOptions } from './global-options.js';

/**
 * The credentials a run signs with, from the first of: `--access-key-id`/`--access-key-secret`
 * (+ `--security-token`); `--profile NAME` from `~/.aliyun/config.json`; the client's default
 * chain (`ALIBABA_CLOUD_ACCESS_KEY_ID`/`_SECRET`/`ALIBABA_CLOUD_SECURITY_TOKEN`, then the
 * profile file's `$ALIBABA_CLOUD_PROFILE` or current profile). Throws
 * {@link LiveCredentialsError} naming what was tried; the error never holds a secret.
 */
export async function resolveCliCredentials(
  globals: GlobalOptions,
  env: Readonly<Record<string, string | undefined>>,
): Promise<LiveCredentials> {
  if (globals.accessKeyId !== undefined && globals.accessKeySecret !== undefined) {
    return globals.securityToken === undefined
      ? { accessKeyId: globals.accessKeyId, accessKeySecret: globals.accessKeySecret }
      : {
          accessKeyId: globals.accessKeyId,
          accessKeySecret: globals.accessKeySecret,
          securityToken: globals.securityToken,
        };
  }
  if (globals.profile !== undefined) {
    // An explicit --profile wins over the environment's variables, as with the aliyun CLI.
    const lookup = await fromProfileFile({ ...env, [PROFILE_ENV]: globals.profile }, homedir());
    if ('missing' in lookup) throw new LiveCredentialsError([`--profile ${globals.profile}: ${lookup.missing}`]);
    return lookup.found;
  }
  return defaultCredentialChain({ env: { ...env } })();
}
