import { createRequire } from 'node:module';

let version: string | undefined;

/**
 * The package's version. Resolved through the package's own name (its `exports` list
 * `./package.json`), so it works from `src/`, `dist/` and the single-file bundle alike.
 */
export function packageVersion(): string {
  version ??= (createRequire(import.meta.url)('live-relay/package.json') as { version: string }).version;
  return version;
}
