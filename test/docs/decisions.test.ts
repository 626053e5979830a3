import { describe, expect, it } from 'vitest';
import type { DecisionRecord } from '../../scripts/docs-check/decisions.js';
import { DecisionsError, findDecision, readDecisions, staleness } from '../../scripts/docs-check/decisions.js';

const MARKDOWN = [
  '# Decisions',
  '',
  '## D-01 Something',
  '```yaml',
  '- {id: D-01, kind: doc-difference, operation: UpdateLivePullToPush, parameter: RegionId, field: present, spec: present, source: null}',
  '- {id: D-01, kind: metadata-difference, operation: UpdateLivePullToPush, parameter: null, field: methods}',
  '```',
  '',
  'Prose with an unrelated block:',
  '```ts',
  'const notYaml = true;',
  '```',
  '',
  '## D-02 Everywhere',
  '```yaml',
  "- {id: D-02, kind: metadata-difference, operation: '*', parameter: TaskId, field: minLength}",
  '- {id: D-02, kind: doc-difference, operation: StopLivePullToPush, field: errors}',
  '```',
  '',
].join('\n');

describe('readDecisions', () => {
  const records = readDecisions(MARKDOWN);

  it('collects the records of every `yaml` block and nothing else', () => {
    expect(records.map((r) => `${r.id} ${r.kind} ${r.operation} ${r.parameter} ${r.field}`)).toEqual([
      'D-01 doc-difference UpdateLivePullToPush RegionId present',
      'D-01 metadata-difference UpdateLivePullToPush null methods',
      'D-02 metadata-difference * TaskId minLength',
      'D-02 doc-difference StopLivePullToPush null errors',
    ]);
  });

  it('matches kind, operation, parameter and field exactly', () => {
    const key = {
      kind: 'doc-difference',
      operation: 'UpdateLivePullToPush',
      parameter: 'RegionId',
      field: 'present',
    } as const;
    expect(findDecision(records, key)?.id).toBe('D-01');
    expect(findDecision(records, { ...key, kind: 'metadata-difference' })).toBeUndefined();
    expect(findDecision(records, { ...key, operation: 'CreateLivePullToPush' })).toBeUndefined();
    expect(findDecision(records, { ...key, parameter: 'Region' })).toBeUndefined();
    expect(findDecision(records, { ...key, field: 'required' })).toBeUndefined();
  });

  it("lets `'*'` stand for every operation", () => {
    const key = { kind: 'metadata-difference', parameter: 'TaskId', field: 'minLength' } as const;
    expect(findDecision(records, { ...key, operation: 'DeleteLivePullToPush' })?.id).toBe('D-02');
  });

  it('matches an operation-level record only with a null parameter', () => {
    const key = { kind: 'metadata-difference', operation: 'UpdateLivePullToPush', field: 'methods' } as const;
    expect(findDecision(records, { ...key, parameter: null })?.id).toBe('D-01');
    expect(findDecision(records, { ...key, parameter: 'methods' })).toBeUndefined();
  });

  it.each([
    ['a block that is not a list', '```yaml\nid: D-09\n```\n', /yaml block 1: expected a list/],
    ['a record without id', '```yaml\n- {kind: doc-difference, operation: X, field: present}\n```\n', /record 1: `id`/],
    [
      'an unknown kind',
      '```yaml\n- {id: D-09, kind: sdk-difference, operation: X, field: present}\n```\n',
      /D-09.*`kind`/,
    ],
  ])('refuses %s', (_, markdown, message) => {
    expect(() => readDecisions(markdown)).toThrow(DecisionsError);
    expect(() => readDecisions(markdown)).toThrow(message);
  });
});

describe('staleness', () => {
  const record = (spec: unknown, source: unknown): DecisionRecord => ({
    id: 'D-22',
    kind: 'metadata-difference',
    operation: '*',
    parameter: 'Offset',
    field: 'minimum',
    spec,
    source,
  });
  const key = {
    kind: 'metadata-difference',
    operation: 'CreateLivePullToPush',
    parameter: 'Offset',
    field: 'minimum',
  } as const;

  it('accepts a record whose values still describe the difference (null: not stated)', () => {
    expect(staleness(record(1, null), { ...key, specValue: 1 })).toBeUndefined();
  });

  it('names the side that moved away from the record', () => {
    expect(staleness(record(1, null), { ...key, specValue: 0 })).toBe('D-22 records spec 1, source null; spec now 0');
    expect(staleness(record(1, null), { ...key, specValue: 1, vendorValue: 5 })).toBe(
      'D-22 records spec 1, source null; source now 5',
    );
  });

  it('compares lists as sets, ignoring case, and reads an empty list as none', () => {
    expect(staleness(record(['b', 'A'], []), { ...key, specValue: ['a', 'B'] })).toBeUndefined();
    expect(staleness(record(['a', 'b'], []), { ...key, specValue: ['a'] })).toMatch(/spec now \[a\]/);
  });

  it('reads text as prose and does not check it', () => {
    expect(
      staleness(record('see the table', 'four or five values'), { ...key, specValue: 3, vendorValue: [1] }),
    ).toBeUndefined();
  });

  it('does not check a side the record leaves out', () => {
    const { spec: _, source: __, ...bare } = record(1, null);
    expect(staleness(bare, { ...key, specValue: 7, vendorValue: 8 })).toBeUndefined();
  });
});
