import { readFileSync } from 'node:fs';

let version: string | undefined;

/**
 * The package's version, from its package.json one directory above this module: `src/`, `dist/`
 * and both bundles sit directly under the package root. Read as a file rather than resolved
 * through the package's own name, which costs a CLI call about 4 ms (Node's `module` and ES
 * resolution machinery) for one string.
 */
export function packageVersion(): string {
  version ??= (JSON.parse(readFileSync(new URL('../package.json', import.meta.url), 'utf8')) as { version: string })
    .version;
  return version;
}
