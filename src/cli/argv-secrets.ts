import { CREDENTIAL_ENV } from '../client/credentials/environment-credentials.js';
import { urlCredentials } from '../client/redaction/url-credentials.js';
import { RATE_LIMIT_REDIS_ENV } from './rate-limit-redis-env.js';

/**
 * Whether an option name carries a secret value: `--access-key-secret`, `--security-token`,
 * `--AccessKeySecret`, a misspelt `--acess-key-secret`, … (but not `--access-key-secret-file`,
 * whose value is a path).
 */
export function isSecretFlag(name: string): boolean {
  const key = name.toLowerCase().replace(/[-_]/g, '');
  return /secret|token|password/.test(key) && !key.endsWith('file');
}

/**
 * Every value a command line may hold a secret in, found word by word before any parsing, so that
 * whatever a parse error quotes (an "unexpected argument", a value taken by a mistyped flag) can be
 * masked: the word after (or the `=value` of) each secret-bearing flag, and the userinfo of any URL.
 */
export function secretsInArgv(argv: readonly string[]): string[] {
  const secrets: string[] = [];
  for (let i = 0; i < argv.length; i++) {
    const word = argv[i]!;
    secrets.push(...urlCredentials(word));
    if (!word.startsWith('-')) continue;
    const equals = word.indexOf('=');
    if (!isSecretFlag(word.slice(0, equals === -1 ? undefined : equals).replace(/^-+/, ''))) continue;
    if (equals !== -1) secrets.push(word.slice(equals + 1));
    else if (i + 1 < argv.length) secrets.push(argv[i + 1]!);
  }
  return secrets;
}

/** The secrets the CLI reads from its environment: the AccessKey secret, STS token, Redis password. */
export function secretsInEnv(env: Readonly<Record<string, string | undefined>>): string[] {
  return [
    env[CREDENTIAL_ENV.accessKeySecret],
    env[CREDENTIAL_ENV.securityToken],
    ...urlCredentials(env[RATE_LIMIT_REDIS_ENV] ?? ''),
  ].filter((value): value is string => value !== undefined && value !== '');
}
