import { createRequire } from 'node:module';

/**
 * `live-relay/<version> Node.js/<version>`, then the `userAgent` option after a space, as the
 * official core appends its `userAgent`.
 */
export function userAgent(suffix: string | undefined): string {
  const base = `live-relay/${packageVersion()} Node.js/${process.version}`;
  return suffix ? `${base} ${suffix}` : base;
}

let version: string | undefined;

/**
 * The package's version. Resolved through the package's own name (its `exports` list
 * `./package.json`), so it works from `src/`, `dist/` and the single-file bundle alike.
 */
function packageVersion(): string {
  return (version ??= (createRequire(import.meta.url)('live-relay/package.json') as { version: string }).version);
}
