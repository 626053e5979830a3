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
import { relative } from 'node:path';
import { formatReport } from './docs-check/report.js';
import { readSource, review } from './docs-check/review.js';
import { loadSpecOperations } from './docs-check/spec-reader.js';
import { readVendorArgs } from './docs-check/vendor-args.js';

const USAGE = 'usage: npm run docs:check -- FILE [--spec spec/openapi.yaml] [--decisions spec/decisions.md]';

async function main(): Promise<number> {
  const args = readVendorArgs({ allowWrite: false });
  if (args === undefined) {
    console.error(USAGE);
    return 2;
  }
  const spec = await loadSpecOperations(args.specPath);
  const source = readSource(args.file, await readFile(args.file, 'utf8'), spec);
  const { differences: reviewed, notes } = review(source, spec, await readFile(args.decisionsPath, 'utf8'));
  const report = {
    source: source.label,
    spec: relative(args.callerDir, args.specPath),
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
