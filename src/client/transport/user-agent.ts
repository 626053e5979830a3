import { packageVersion } from '../../package-version.js';

/**
 * `live-relay/<version> Node.js/<version>`, then the `userAgent` option after a space, as the
 * official core appends its `userAgent`.
 */
export function userAgent(suffix: string | undefined): string {
  const base = `live-relay/${packageVersion()} Node.js/${process.version}`;
  return suffix ? `${base} ${suffix}` : base;
}
