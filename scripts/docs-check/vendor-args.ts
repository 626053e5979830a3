import { join, resolve } from 'node:path';
import { parseArgs } from 'node:util';
import { REPO_ROOT } from '../docs/repo-root.js';

/** The command line docs:check and spec:sync share: `FILE [--spec FILE] [--decisions FILE]`, paths resolved. */
export interface VendorArgs {
  readonly file: string;
  readonly specPath: string;
  readonly decisionsPath: string;
  /** The directory relative paths are read from (the caller's, not the package root `npm run` starts in). */
  readonly callerDir: string;
  /** spec:sync's `--write`. */
  readonly write: boolean;
}

/** The parsed arguments, or undefined when they are not one FILE and known options (print the usage). */
export function readVendorArgs(options: { allowWrite: boolean }): VendorArgs | undefined {
  const { values, positionals } = parseArgs({
    allowPositionals: true,
    options: {
      spec: { type: 'string', default: join(REPO_ROOT, 'spec', 'openapi.yaml') },
      decisions: { type: 'string', default: join(REPO_ROOT, 'spec', 'decisions.md') },
      ...(options.allowWrite ? { write: { type: 'boolean', default: false } } : {}),
    },
  });
  const [file] = positionals;
  if (file === undefined || positionals.length > 1) return undefined;
  // `npm run` starts scripts in the package root; a relative path means the caller's directory.
  const callerDir = process.env['INIT_CWD'] ?? process.cwd();
  return {
    file: resolve(callerDir, file),
    specPath: resolve(callerDir, String(values.spec)),
    decisionsPath: resolve(callerDir, String(values.decisions)),
    callerDir,
    write: values.write === true,
  };
}
