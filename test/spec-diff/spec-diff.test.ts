/** `npm run spec:diff` end to end: the real script, on git revisions and on edited copies of the spec. */
import { execFileSync } from 'node:child_process';
import { mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, describe, expect, it } from 'vitest';
import { parseDocument } from 'yaml';
import { repoRoot } from '../docs/paths.js';
import { runScript } from '../docs/run-script.js';

const SLOW = { timeout: 120_000 };
const work = mkdtempSync(join(tmpdir(), 'live-relay-spec-diff-'));
afterAll(() => rmSync(work, { recursive: true, force: true }));
const SPEC = join(repoRoot, 'spec', 'openapi.yaml');

/** The first commit that has spec/, or undefined in a clone without that history. */
function firstSpecCommit(): string | undefined {
  try {
    const ids = execFileSync('git', ['log', '--reverse', '--format=%H', '--', 'spec/'], {
      cwd: repoRoot,
      encoding: 'utf8',
    });
    return ids.split('\n')[0] || undefined;
  } catch {
    return undefined;
  }
}

/** A copy of the spec with `edit` applied through the YAML document. */
function editedSpec(name: string, edit: (doc: ReturnType<typeof parseDocument>) => void): string {
  const doc = parseDocument(readFileSync(SPEC, 'utf8'));
  edit(doc);
  const file = join(work, name);
  writeFileSync(file, doc.toString({ lineWidth: 0 }));
  return file;
}

const first = firstSpecCommit();

describe.concurrent('spec:diff', SLOW, () => {
  it.skipIf(first === undefined)(
    'lists the changes since the first commit of spec/, breaking ones marked',
    async () => {
      const result = await runScript('scripts/spec-diff.ts', [first ?? '']);
      expect(result.code).toBe(0);
      expect(result.stdout).toMatch(/^### API changes: [0-9a-f]{40} \([0-9a-f]+\) → spec\/openapi\.yaml$/m);
      expect(result.stdout).toContain('#### Breaking for users of the generated client (');
      expect(result.stdout).toContain('- `UpdateLivePullToPush`: HTTP method POST accepted');
      expect(result.stdout).toContain(
        '- **BREAKING** `CreateLivePullToPush`: x-acs-max-task-days 7 (a limit now stated in the spec)',
      );
      expect(result.stdout).toMatch(/^Documentation only \(descriptions, summaries, examples\): \d+ change\(s\)\.$/m);
    },
  );

  it('reports no change between a revision and itself', async () => {
    const result = await runScript('scripts/spec-diff.ts', [SPEC, SPEC]);
    expect(result.stdout).toContain('#### Breaking for users of the generated client (0)\n\nNone.');
    expect(result.stdout).toContain('#### Not breaking (0)\n\nNone.');
  });

  it('classifies each kind of change for a user of the generated client', async () => {
    const after = editedSpec('after.yaml', (doc) => {
      const update = ['paths', '/UpdateLivePullToPush', 'get'];
      const params = doc.getIn([...update, 'parameters']) as { items: { get(k: string): unknown }[] };
      params.items = params.items.filter((p) => p.get('name') !== 'Offset');
      const fileIndex = params.items.find((p) => p.get('name') === 'FileIndex') as unknown as {
        setIn(path: string[], v: unknown): void;
      };
      fileIndex.setIn(['schema', 'type'], 'string');
      fileIndex.setIn(['schema', 'format'], undefined);
      doc.addIn(
        [...update, 'parameters'],
        doc.createNode({
          name: 'Priority',
          in: 'query',
          required: true,
          description: 'p',
          schema: { type: 'integer' },
        }),
      );
      doc.addIn(
        [...update, 'parameters'],
        doc.createNode({ name: 'Label', in: 'query', required: false, description: 'l', schema: { type: 'string' } }),
      );
      doc.setIn(['components', 'schemas', 'Region', 'enum'], doc.createNode(['cn-shanghai', 'cn-beijing']));
      doc.setIn([...update, 'x-acs-methods'], doc.createNode(['GET']));
      doc.setIn([...update, 'x-acs-max-task-days'], 3);
      doc.setIn([...update, 'x-acs-update-rules', 'params', 'CallbackUrl', 'running'], 'refused');
      doc.setIn([...update, 'x-acs-update-rules', 'params', 'EndTime', 'running'], 'immediately');
      doc.setIn(['components', 'schemas', 'SourceUrls', 'x-acs-max-items-by-source-type', 'vod'], 10);
    });
    const result = await runScript('scripts/spec-diff.ts', [SPEC, after]);
    const breaking = [
      '`UpdateLivePullToPush`: query parameter `Offset` removed',
      '`UpdateLivePullToPush`: query parameter `Priority` added',
      '`UpdateLivePullToPush`: query parameter `FileIndex` type `"integer"` → `"string"`',
      '`UpdateLivePullToPush`: query parameter `Region` enum `"ap-northeast-1"` removed',
      '`UpdateLivePullToPush`: HTTP method POST no longer accepted',
      '`UpdateLivePullToPush`: x-acs-max-task-days 7 → 3',
      '`UpdateLivePullToPush`: task state running, `CallbackUrl`: next-event → refused',
      '`UpdateLivePullToPush`: query parameter `SourceUrls`: most entries for vod 30 → 10',
    ];
    for (const line of breaking) expect(result.stdout).toContain(`- **BREAKING** ${line}`);
    expect(result.stdout).toContain('- `UpdateLivePullToPush`: query parameter `Label` added');
    expect(result.stdout).toContain('- `UpdateLivePullToPush`: task state running, `EndTime`: refused → immediately');
    expect(result.code).toBe(0);
  });

  it('exits 2 naming a version it cannot read', async () => {
    const result = await runScript('scripts/spec-diff.ts', ['no-such-revision-or-file']);
    expect(result.stderr).toContain('no-such-revision-or-file is neither a file nor a git revision');
    expect(result.code).toBe(2);
  });
});
