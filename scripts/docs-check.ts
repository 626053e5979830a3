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
import { basename, join, relative, resolve } from 'node:path';
import { parseArgs } from 'node:util';
import { REPO_ROOT } from './docs/repo-root.js';
import type { Aspect } from './docs-check/compare.js';
import { compare } from './docs-check/compare.js';
import type { DecisionKind } from './docs-check/decisions.js';
import { findDecision, readDecisions, staleness } from './docs-check/decisions.js';
import type { OperationDoc } from './docs-check/doc-model.js';
import type { ReviewedDifference } from './docs-check/report.js';
import { formatReport } from './docs-check/report.js';
import type { SpecOperation } from './docs-check/spec-reader.js';
import { loadSpecOperations } from './docs-check/spec-reader.js';
import { readVendorMetadata } from './docs-check/vendor-metadata.js';
import { parseVendorPage } from './docs-check/vendor-page.js';

const USAGE = 'usage: npm run docs:check -- FILE [--spec spec/openapi.yaml] [--decisions spec/decisions.md]';

/** What a page states: no bounds, styles or methods in its tables, but rules in its prose. */
const PAGE_ASPECTS: ReadonlySet<Aspect> = new Set(['params', 'response', 'errors', 'lastUpdated', 'prose']);
/** What the metadata states: request side only, but every operation. */
const METADATA_ASPECTS: ReadonlySet<Aspect> = new Set(['operations', 'params', 'bounds', 'style', 'methods']);

interface VendorSource {
  readonly label: string;
  readonly kind: DecisionKind;
  readonly operations: readonly OperationDoc[];
  readonly aspects: ReadonlySet<Aspect>;
}

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
  const records = readDecisions(await readFile(resolve(callerDir, values.decisions), 'utf8'));
  const { differences, notes } = compare(source.operations, spec, source.aspects);
  const reviewed = differences.map((d): ReviewedDifference => {
    const key = { kind: source.kind, ...d };
    const decision = findDecision(records, key);
    if (decision === undefined) return d;
    const stale = staleness(decision, key);
    return stale === undefined ? { ...d, decision: decision.id } : { ...d, stale };
  });
  const report = {
    source: source.label,
    spec: relative(callerDir, resolve(callerDir, values.spec)),
    differences: reviewed,
    notes,
  };
  console.log(formatReport(report).join('\n'));
  return reviewed.some((d) => d.decision === undefined) ? 1 : 0;
}

function readSource(file: string, text: string, spec: readonly SpecOperation[]): VendorSource {
  if (text.trimStart().startsWith('{')) {
    const metadata = readVendorMetadata(text);
    return {
      label: `vendor metadata ${basename(file)} (${metadata.product} ${metadata.version}, ${metadata.operations.length} operations)`,
      kind: 'metadata-difference',
      operations: metadata.operations,
      aspects: METADATA_ASPECTS,
    };
  }
  const knownErrorCodes = [...new Set(spec.flatMap((op) => op.errors.map((e) => e.code)))];
  const page = parseVendorPage(text, { knownErrorCodes });
  return {
    label: `vendor page ${basename(file)} (${page.action}, last updated ${page.lastUpdated ?? 'unknown'})`,
    kind: 'doc-difference',
    operations: [page],
    aspects: PAGE_ASPECTS,
  };
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
