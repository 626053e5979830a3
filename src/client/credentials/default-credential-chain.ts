import { LiveCredentialsError } from '../errors/live-credentials-error.js';
import { fromEnvironment } from './environment-credentials.js';
import type { ResolvedCredentials } from './live-credentials.js';

/**
 * The credentials used when the `credentials` option is omitted, from the first source that has
 * them: the environment (`ALIBABA_CLOUD_ACCESS_KEY_ID`, …), then the aliyun CLI profile file
 * (`~/.aliyun/config.json`). Found credentials are kept for the client's lifetime; when no source
 * has any, every call throws {@link LiveCredentialsError} listing what was tried, and looks again
 * next time.
 */
export function defaultCredentialChain(context: {
  env: NodeJS.ProcessEnv;
  homeDir?: string;
}): () => Promise<ResolvedCredentials> {
  let found: Promise<ResolvedCredentials> | undefined;
  return () => {
    found ??= lookUp(context).catch((error: unknown) => {
      found = undefined;
      throw error;
    });
    return found;
  };
}

async function lookUp({ env, homeDir }: { env: NodeJS.ProcessEnv; homeDir?: string }): Promise<ResolvedCredentials> {
  const tried = ['credentials option: not given'];
  const fromEnv = fromEnvironment(env);
  if ('found' in fromEnv) return fromEnv.found;
  tried.push(fromEnv.missing);
  // The file reader (and node:fs, node:os) loads only when the environment has no credentials.
  const [{ fromProfileFile }, { homedir }] = await Promise.all([
    import('./profile-file-credentials.js'),
    import('node:os'),
  ]);
  const fromFile = await fromProfileFile(env, homeDir ?? homedir());
  if ('found' in fromFile) return fromFile.found;
  tried.push(fromFile.missing);
  throw new LiveCredentialsError(tried);
}
