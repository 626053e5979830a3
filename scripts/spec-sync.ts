/**
 * `npm run spec:sync -- FILE [--write]`: brings spec/openapi.yaml in line with a vendor document.
 *
 * FILE is vendor metadata JSON or a saved reference page, as for docs:check. Prints the edits the
 * spec needs (parameters added or removed, type, required flag, enumeration, bounds, wire style,
 * accepted methods, new error codes with status and message, limits stated in a page's prose),
 * the differences a decision in spec/decisions.md accepts (left alone), and those that need a
 * person. With --write the edits are made in place through the YAML document, so comments, key
 * order and formatting of everything untouched are kept. Exit 0 when done (or nothing to do),
 * 2 when the input cannot be read. Run `npm run generate` afterwards.
 */
import { readFile, writeFile } from 'node:fs/promises';
import { relative } from 'node:path';
import { describeDifference } from './docs-check/report.js';
import { readSource, review } from './docs-check/review.js';
import { loadSpecOperations } from './docs-check/spec-reader.js';
import { readVendorArgs } from './docs-check/vendor-args.js';
import { planChanges } from './spec-sync/plan-changes.js';
import { EditableSpec } from './spec-sync/spec-document.js';

const USAGE = 'usage: npm run spec:sync -- FILE [--write] [--spec spec/openapi.yaml] [--decisions spec/decisions.md]';

async function main(): Promise<number> {
  const args = readVendorArgs({ allowWrite: true });
  if (args === undefined) {
    console.error(USAGE);
    return 2;
  }
  const { callerDir, specPath } = args;
  const operations = await loadSpecOperations(specPath);
  const source = readSource(args.file, await readFile(args.file, 'utf8'), operations);
  const { differences } = review(source, operations, await readFile(args.decisionsPath, 'utf8'));
  const spec = new EditableSpec(await readFile(specPath, 'utf8'));
  const plan = planChanges(differences, source);

  const lines = [`spec:sync ${source.label} into ${relative(callerDir, specPath)}`];
  if (plan.changes.length > 0) {
    lines.push('', `${args.write ? 'Changed' : 'Would change (run with --write)'} (${plan.changes.length}):`);
    lines.push(...plan.changes.map((c) => `  ${c.summary}`));
  }
  if (plan.kept.length > 0) {
    lines.push('', `Left alone, a recorded decision (${plan.kept.length}):`);
    lines.push(...plan.kept.map((d) => `  ${d.decision ?? ''} ${describeDifference(d)}`));
  }
  if (plan.manual.length > 0) {
    lines.push('', `Needs a hand edit (${plan.manual.length}):`);
    lines.push(...plan.manual.map((m) => `  ${describeDifference(m.difference)}: ${m.reason}`));
  }
  if (plan.changes.length === 0) lines.push('', 'Nothing to change.');
  if (args.write && plan.changes.length > 0) {
    for (const change of plan.changes) change.apply(spec);
    await writeFile(specPath, spec.toString());
    lines.push('', `Wrote ${relative(callerDir, specPath)}; now run \`npm run generate\` and review the new items.`);
  }
  console.log(lines.join('\n'));
  return 0;
}

main().then(
  (code) => {
    process.exitCode = code;
  },
  (error: unknown) => {
    console.error(`spec:sync: ${error instanceof Error ? error.message : String(error)}`);
    console.error(USAGE);
    process.exitCode = 2;
  },
);
