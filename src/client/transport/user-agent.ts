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

/** The package's version; this file sits three levels below the package root in `src/` and `dist/` alike. */
function packageVersion(): string {
  return (version ??= (createRequire(import.meta.url)('../../../package.json') as { version: string }).version);
}
