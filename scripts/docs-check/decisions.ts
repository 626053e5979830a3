import { parseYaml } from '@redocly/openapi-core';

/** Which vendor source a decision departs from. */
export type DecisionKind = 'doc-difference' | 'metadata-difference';

/**
 * One machine-readable record of spec/decisions.md: the spec deliberately differs from a vendor
 * source on `field` of `parameter` (a request parameter, an error code, a response field, or
 * null for the operation itself) of `operation` (an action, or `*` for all of them). `spec` and
 * `source` are the values on each side as recorded (null: that side does not state it); a key
 * left out of the record is undefined.
 */
export interface DecisionRecord {
  readonly id: string;
  readonly kind: DecisionKind;
  readonly operation: string;
  readonly parameter: string | null;
  readonly field: string;
  readonly spec?: unknown;
  readonly source?: unknown;
}

/** What a difference is, in the records' vocabulary, and the actual value on each side. */
export interface DecisionKey {
  readonly kind: DecisionKind;
  readonly operation: string;
  readonly parameter: string | null;
  readonly field: string;
  /** The spec's value now; undefined when the spec does not state it. */
  readonly specValue?: unknown;
  /** The vendor source's value now; undefined when the source does not state it. */
  readonly vendorValue?: unknown;
}

/** Thrown when a record is malformed; the message names the block and the record. */
export class DecisionsError extends Error {
  override readonly name = 'DecisionsError';
}

/** A fenced block whose info string is exactly `yaml`: the file's only machine-readable parts. */
const YAML_BLOCK = /^```yaml[ \t]*\n([\s\S]*?)^```[ \t]*$/gm;

/** Collects every record from every `yaml` block of decisions.md. */
export function readDecisions(markdown: string): DecisionRecord[] {
  const records: DecisionRecord[] = [];
  let block = 0;
  for (const [, body] of markdown.matchAll(YAML_BLOCK)) {
    block += 1;
    const parsed: unknown = parseYaml(body ?? '');
    if (!Array.isArray(parsed)) throw new DecisionsError(`yaml block ${block}: expected a list of records`);
    for (const [i, record] of parsed.entries())
      records.push(readRecord(record, `yaml block ${block}, record ${i + 1}`));
  }
  return records;
}

function readRecord(value: unknown, where: string): DecisionRecord {
  const record = (typeof value === 'object' && value !== null ? value : {}) as Record<string, unknown>;
  const { id, kind, operation, field } = record;
  // An operation-level record may leave `parameter` out instead of writing `null`.
  const parameter = record['parameter'] ?? null;
  if (typeof id !== 'string') throw new DecisionsError(`${where}: \`id\` must be a string`);
  if (kind !== 'doc-difference' && kind !== 'metadata-difference') {
    throw new DecisionsError(`${where} (${id}): \`kind\` must be doc-difference or metadata-difference`);
  }
  if (typeof operation !== 'string') throw new DecisionsError(`${where} (${id}): \`operation\` must be a string`);
  if (parameter !== null && typeof parameter !== 'string') {
    throw new DecisionsError(`${where} (${id}): \`parameter\` must be a string or null`);
  }
  if (typeof field !== 'string') throw new DecisionsError(`${where} (${id}): \`field\` must be a string`);
  return {
    id,
    kind,
    operation,
    parameter,
    field,
    ...('spec' in record ? { spec: record['spec'] } : {}),
    ...('source' in record ? { source: record['source'] } : {}),
  };
}

/** The record about a difference: same kind, operation (or `*`), parameter and field. */
export function findDecision(records: readonly DecisionRecord[], key: DecisionKey): DecisionRecord | undefined {
  return records.find(
    (r) =>
      r.kind === key.kind &&
      (r.operation === key.operation || r.operation === '*') &&
      r.parameter === key.parameter &&
      r.field === key.field,
  );
}

/**
 * Why a record no longer describes a difference, or undefined when it still does. A recorded
 * value is checked when it is data (a number, boolean, list or null); text is read as prose and
 * not checked. Lists compare as sets, ignoring case; an empty list means "none", like null.
 */
export function staleness(record: DecisionRecord, key: DecisionKey): string | undefined {
  const changed = [
    record.spec !== undefined && !sameValue(record.spec, key.specValue) ? `spec now ${show(key.specValue)}` : undefined,
    record.source !== undefined && !sameValue(record.source, key.vendorValue)
      ? `source now ${show(key.vendorValue)}`
      : undefined,
  ].filter((part) => part !== undefined);
  if (changed.length === 0) return undefined;
  return `${record.id} records spec ${show(record.spec)}, source ${show(record.source)}; ${changed.join(', ')}`;
}

function sameValue(recorded: unknown, actual: unknown): boolean {
  if (typeof recorded === 'string') return true;
  return canonical(recorded) === canonical(actual);
}

function canonical(value: unknown): string {
  return JSON.stringify(normalised(value));
}

/** Lists as sorted lower-case sets (empty = none), mappings with sorted keys, at any depth. */
function normalised(value: unknown): unknown {
  if (value === undefined || value === null || (Array.isArray(value) && value.length === 0)) return null;
  if (Array.isArray(value)) return value.map((v) => String(v).toLowerCase()).sort();
  if (typeof value === 'object') {
    return Object.fromEntries(
      Object.entries(value)
        .sort(([a], [b]) => a.localeCompare(b))
        .map(([k, v]) => [k, normalised(v)]),
    );
  }
  return value;
}

function show(value: unknown): string {
  if (value === undefined || value === null) return 'null';
  if (Array.isArray(value)) return `[${value.join(', ')}]`;
  return typeof value === 'object' ? JSON.stringify(value) : String(value);
}
