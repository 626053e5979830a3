import { basename } from 'node:path';
import type { Aspect, Difference } from './compare.js';
import { compare } from './compare.js';
import type { DecisionKind, DecisionRecord } from './decisions.js';
import { findDecision, readDecisions, staleness } from './decisions.js';
import type { OperationDoc } from './doc-model.js';
import type { ReviewedDifference } from './report.js';
import type { SpecOperation } from './spec-reader.js';
import { readVendorMetadata } from './vendor-metadata.js';
import { parseVendorPage } from './vendor-page.js';

/** What a page states: no bounds, styles or methods in its tables, but rules in its prose. */
const PAGE_ASPECTS: ReadonlySet<Aspect> = new Set(['params', 'response', 'errors', 'lastUpdated', 'prose']);
/** What the metadata states: request side only, but every operation. */
const METADATA_ASPECTS: ReadonlySet<Aspect> = new Set(['operations', 'params', 'bounds', 'style', 'methods']);

/** A vendor document read: what it is, which decisions apply to it, and what it states. */
export interface VendorSource {
  readonly label: string;
  /** `vendor metadata` or `vendor page`, for messages. */
  readonly what: string;
  readonly kind: DecisionKind;
  readonly operations: readonly OperationDoc[];
  readonly aspects: ReadonlySet<Aspect>;
  /** A page's error descriptions by code. */
  readonly errorDescriptions?: Readonly<Record<string, string>>;
}

/** Reads FILE's text as vendor metadata (JSON) or a saved reference page. */
export function readSource(file: string, text: string, spec: readonly SpecOperation[]): VendorSource {
  if (text.trimStart().startsWith('{')) {
    const metadata = readVendorMetadata(text);
    return {
      label: `vendor metadata ${basename(file)} (${metadata.product} ${metadata.version}, ${metadata.operations.length} operations)`,
      what: `vendor metadata ${basename(file)}`,
      kind: 'metadata-difference',
      operations: metadata.operations,
      aspects: METADATA_ASPECTS,
    };
  }
  const knownErrorCodes = [...new Set(spec.flatMap((op) => op.errors.map((e) => e.code)))];
  const page = parseVendorPage(text, { knownErrorCodes });
  return {
    label: `vendor page ${basename(file)} (${page.action}, last updated ${page.lastUpdated ?? 'unknown'})`,
    what: `vendor page ${basename(file)}`,
    kind: 'doc-difference',
    operations: [page],
    aspects: PAGE_ASPECTS,
    errorDescriptions: page.errorDescriptions,
  };
}

/**
 * Every difference between the source and the spec, each with the decision of decisions.md that
 * accepts it, or why the decision recorded for it no longer holds.
 */
export function review(
  source: VendorSource,
  spec: readonly SpecOperation[],
  decisionsMarkdown: string,
): { differences: ReviewedDifference[]; notes: readonly string[] } {
  const records = readDecisions(decisionsMarkdown);
  const { differences, notes } = compare(source.operations, spec, source.aspects);
  const reviewed = differences.map((d: Difference): ReviewedDifference => {
    const key = { kind: source.kind, ...d };
    const decision = findDecision(records, key);
    if (decision === undefined) return d;
    const stale = staleness(decision, key);
    return stale === undefined ? { ...d, decision: decision.id } : { ...d, stale };
  });
  return { differences: [...reviewed, ...vanished(records, source, differences)], notes };
}

/**
 * Decisions that record a value of this source (data, not words) for one of its operations, where
 * the source and the spec no longer differ: the source stopped saying it (a page dropping the
 * default the spec leaves out on purpose, say), so the decision is stale.
 */
function vanished(
  records: readonly DecisionRecord[],
  source: VendorSource,
  differences: readonly Difference[],
): ReviewedDifference[] {
  const actions = new Set(source.operations.map((op) => op.action));
  return records
    .filter((r) => r.kind === source.kind && actions.has(r.operation) && isData(r.source))
    .filter(
      (r) =>
        !differences.some((d) => d.operation === r.operation && d.parameter === r.parameter && d.field === r.field),
    )
    .map((r) => ({
      operation: r.operation,
      subject: subjectOf(r),
      parameter: r.parameter,
      field: r.field,
      vendor: 'no different from the spec now',
      spec: r.spec === undefined || r.spec === null ? 'none' : String(r.spec),
      stale: `${r.id} records source ${JSON.stringify(r.source)}; the source no longer says so`,
    }));
}

const isData = (value: unknown): boolean =>
  typeof value === 'number' || typeof value === 'boolean' || (typeof value === 'object' && value !== null);

/** The subject a record's field belongs to, in the vocabulary of {@link Difference}. */
function subjectOf(r: DecisionRecord): Difference['subject'] {
  if (r.field === 'state-rule') return 'task state';
  if (r.parameter === null) return 'operation';
  if (r.field.startsWith('response.')) return 'response field';
  if (['errors', 'status', 'message'].includes(r.field)) return 'error';
  return 'parameter';
}
