/**
 * `npm run docs:check -- FILE`: compares a vendor document with spec/openapi.yaml.
 *
 * FILE is either an API reference page saved from the browser as plain text (its `:<Action>` title
 * line names the operation), or Alibaba Cloud's vendor metadata JSON (every operation in it).
 * Prints one line per difference and exits 1 when a difference is not accepted by a record in
 * spec/decisions.md (or the record's values no longer describe it), 0 when every difference is
 * accepted, 2 when the input cannot be read.
 */
import { readFile } from 'node:fs/promises';
import { join, relative, resolve } from 'node:path';
import { parseArgs } from 'node:util';
import { REPO_ROOT } from './docs/repo-root.js';
import { formatReport } from './docs-check/report.js';
import { readSource, review } from './docs-check/review.js';
import { loadSpecOperations } from './docs-check/spec-reader.js';

const USAGE = 'usage: npm run docs:check -- FILE [--spec spec/openapi.yaml] [--decisions spec/decisions.md]';

async function main(): Promise<number> {
  const { values, positionals } = parseArgs({
    allowPositionals: true,
    options: {
      spec: { type: 'string', default: join(REPO_ROOT, 'spec', 'openapi.yaml') },
      decisions: { type: 'string', default: join(REPO_ROOT, 'spec', 'decisions.md') },
    },
  });
  const [file] = positionals;
  if (file === undefined || positionals.length > 1) {
    console.error(USAGE);
    return 2;
  }
  // `npm run` starts scripts in the package root; a relative FILE means the caller's directory.
  const callerDir = process.env['INIT_CWD'] ?? process.cwd();
  const spec = await loadSpecOperations(resolve(callerDir, values.spec));
  const source = readSource(file, await readFile(resolve(callerDir, file), 'utf8'), spec);
  const { differences: reviewed, notes } = review(
    source,
    spec,
    await readFile(resolve(callerDir, values.decisions), 'utf8'),
  );
  const report = {
    source: source.label,
    spec: relative(callerDir, resolve(callerDir, values.spec)),
    differences: reviewed,
    notes,
  };
  console.log(formatReport(report).join('\n'));
  return reviewed.some((d) => d.decision === undefined) ? 1 : 0;
}

main().then(
  (code) => {
    process.exitCode = code;
  },
  (error: unknown) => {
    console.error(`docs:check: ${error instanceof Error ? error.message : String(error)}`);
    console.error(USAGE);
    process.exitCode = 2;
  },
);
