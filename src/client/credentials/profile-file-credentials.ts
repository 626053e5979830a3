import { readFile } from 'node:fs/promises';
import { join } from 'node:path';
import type { CredentialLookup } from './live-credentials.js';

/** Selects the profile instead of the file's `current`, as the aliyun CLI and official SDKs do. */
export const PROFILE_ENV = 'ALIBABA_CLOUD_PROFILE';

/** The part of one `profiles[]` entry of `~/.aliyun/config.json` read here. */
interface CliProfile {
  readonly name?: unknown;
  readonly mode?: unknown;
  readonly access_key_id?: unknown;
  readonly access_key_secret?: unknown;
  readonly sts_token?: unknown;
}

/** Where the aliyun CLI keeps its profiles: `<home>/.aliyun/config.json`. */
export function profileFilePath(homeDir: string): string {
  return join(homeDir, '.aliyun', 'config.json');
}

/**
 * Credentials from the aliyun CLI profile file `<home>/.aliyun/config.json`: the profile named by
 * `ALIBABA_CLOUD_PROFILE`, else the file's `current`. Modes `AK` (`access_key_id`,
 * `access_key_secret`) and `StsToken` (plus `sts_token`) are supported; other modes (RamRoleArn,
 * EcsRamRole, …) need a credentials function.
 */
export async function fromProfileFile(env: NodeJS.ProcessEnv, homeDir: string): Promise<CredentialLookup> {
  const path = profileFilePath(homeDir);
  const where = `profile file ${path}`;
  let text: string;
  try {
    text = await readFile(path, 'utf8');
  } catch (error) {
    const code = (error as NodeJS.ErrnoException).code;
    return {
      missing: code === 'ENOENT' ? `${where}: does not exist` : `${where}: cannot be read (${code ?? 'unknown error'})`,
    };
  }
  let config: { current?: unknown; profiles?: unknown };
  try {
    config = JSON.parse(text) as typeof config;
  } catch {
    return { missing: `${where}: is not valid JSON` };
  }
  const name = env[PROFILE_ENV] || (typeof config.current === 'string' && config.current) || 'default';
  const chosenBy = env[PROFILE_ENV] ? `${PROFILE_ENV}=${name}` : `profile "${name}"`;
  const profiles: readonly CliProfile[] = Array.isArray(config.profiles) ? (config.profiles as CliProfile[]) : [];
  const profile = profiles.find((p) => p.name === name);
  if (profile === undefined) return { missing: `${where}: has no profile named "${name}" (${chosenBy})` };

  const mode = profile.mode;
  if (mode !== 'AK' && mode !== 'StsToken') {
    return { missing: `${where}: ${chosenBy} has mode ${String(mode)}; only AK and StsToken profiles are supported` };
  }
  const absent = ['access_key_id', 'access_key_secret', ...(mode === 'StsToken' ? ['sts_token'] : [])].filter(
    (field) => !nonEmpty(profile[field as keyof CliProfile]),
  );
  if (absent.length > 0) return { missing: `${where}: ${chosenBy} (mode ${mode}) has no ${absent.join(', ')}` };
  const accessKeyId = profile.access_key_id as string;
  const accessKeySecret = profile.access_key_secret as string;
  return {
    found:
      mode === 'StsToken'
        ? { accessKeyId, accessKeySecret, securityToken: profile.sts_token as string, providerName: 'cli_profile' }
        : { accessKeyId, accessKeySecret, providerName: 'cli_profile' },
  };
}

const nonEmpty = (value: unknown): boolean => typeof value === 'string' && value !== '';
