import { defaultCredentialChain } from '../client/credentials/default-credential-chain.js';
import type { LiveCredentials } from '../client/credentials/live-credentials.js';
import { LiveCredentialsError } from '../client/errors/live-credentials-error.js';
import type { GlobalOptions } from './global-options.js';
import type { MaskedIo } from './masked-io.js';

/**
 * The credentials a run signs with, from the first of: `--access-key-id` with `--access-key-secret`
 * or `--access-key-secret-file` (+ `--security-token` or `--security-token-file`); `--profile NAME` from `~/.aliyun/config.json`; the client's default
 * chain (`ALIBABA_CLOUD_ACCESS_KEY_ID`/`_SECRET`/`ALIBABA_CLOUD_SECURITY_TOKEN`, then the
 * profile file's `$ALIBABA_CLOUD_PROFILE` or current profile). Throws
 * {@link LiveCredentialsError} naming what was tried; the error never holds a secret. A secret read
 * from a file is added to `io.secrets`, so that no later message can show it.
 */
export async function resolveCliCredentials(globals: GlobalOptions, io: MaskedIo): Promise<LiveCredentials> {
  const { env } = io;
  if (globals.accessKeyId !== undefined) {
    const accessKeySecret =
      globals.accessKeySecret ?? (await fromFile('--access-key-secret-file', globals.accessKeySecretFile, io)) ?? '';
    const securityToken =
      globals.securityToken ?? (await fromFile('--security-token-file', globals.securityTokenFile, io));
    return securityToken === undefined
      ? { accessKeyId: globals.accessKeyId, accessKeySecret }
      : { accessKeyId: globals.accessKeyId, accessKeySecret, securityToken };
  }
  if (globals.profile !== undefined) {
    // An explicit --profile wins over the environment's variables, as with the aliyun CLI.
    // The file reader (and node:fs/promises, node:os) loads only here, as in the default chain.
    const [{ fromProfileFile, PROFILE_ENV }, { homedir }] = await Promise.all([
      import('../client/credentials/profile-file-credentials.js'),
      import('node:os'),
    ]);
    const lookup = await fromProfileFile({ ...env, [PROFILE_ENV]: globals.profile }, homedir());
    if ('missing' in lookup) throw new LiveCredentialsError([`--profile ${globals.profile}: ${lookup.missing}`]);
    return lookup.found;
  }
  return defaultCredentialChain({ env: { ...env } })();
}

async function fromFile(flag: string, path: string | undefined, io: MaskedIo): Promise<string | undefined> {
  if (path === undefined) return undefined;
  // Loaded only for a secret file: node:fs/promises costs every other run a few milliseconds.
  const { readSecretFile } = await import('./secret-file.js');
  const secret = await readSecretFile(flag, path, io.stdin);
  io.secrets.add(secret);
  return secret;
}
