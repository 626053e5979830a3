/**
 * `npm run spec:sync` end to end: the real scripts in child processes, on copies of the spec (the
 * real one is never written), with the real vendor metadata history and a page with a new error.
 */
import { execFile } from 'node:child_process';
import { copyFileSync, mkdirSync, mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { promisify } from 'node:util';
import { afterAll, describe, expect, it } from 'vitest';
import { operationNames } from '../../generated/operations.js';
import { repoRoot, seedPage, vendorMetadata } from '../docs/paths.js';
import { runScript } from '../docs/run-script.js';
import { copyRepo } from './repo-copy.js';

const SLOW = { timeout: 240_000 };
const work = mkdtempSync(join(tmpdir(), 'live-relay-spec-sync-'));
afterAll(() => rmSync(work, { recursive: true, force: true }));

const SPEC = join(repoRoot, 'spec', 'openapi.yaml');
const specText = readFileSync(SPEC, 'utf8');
const edition = (date: string) =>
  join(repoRoot, 'test', 'spec-sync', 'fixtures', `live-2016-11-01-pull-to-push.${date}.json`);
const FIRST = edition('2025-02-15');
const LATER = edition('2025-07-27');

let copies = 0;
/** A fresh copy of spec/openapi.yaml to edit. */
function specCopy(): string {
  copies += 1;
  const file = join(work, `openapi-${copies}.yaml`);
  copyFileSync(SPEC, file);
  return file;
}

/** A copy of the seed page, edited, under `name` in the temp dir. */
function pageCopy(name: string, edit: (seed: string) => string): string {
  const page = join(work, name);
  writeFileSync(page, edit(readFileSync(seedPage, 'utf8')));
  return page;
}

const driftLines = (stdout: string): string[] =>
  stdout
    .split('\n')
    .filter((line) => line.startsWith('  DRIFT '))
    .map((line) => line.trim());

describe.concurrent('the vendor metadata history, edition by edition', SLOW, () => {
  it('docs:check names exactly the real changes from the first edition (2025-02-15) to the current one', async () => {
    const result = await runScript('scripts/docs-check.ts', [FIRST]);
    expect(driftLines(result.stdout).sort()).toEqual(
      [
        ...operationNames.map(
          (action) => `DRIFT ${action} parameter RegionId [present]: vendor: absent; spec: present`,
        ),
        'DRIFT CreateLivePullToPush [methods]: vendor: GET; spec: GET, POST',
      ].sort(),
    );
    expect(result.code).toBe(1);
  });

  it('docs:check and spec:sync find nothing between the 2025-07-27 edition and the current one', async () => {
    const [check, sync] = await Promise.all([
      runScript('scripts/docs-check.ts', [LATER]),
      runScript('scripts/spec-sync.ts', [LATER, '--spec', specCopy()]),
    ]);
    expect(driftLines(check.stdout)).toEqual([]);
    expect(check.code).toBe(0);
    expect(sync.stdout).toContain('Nothing to change.');
    expect(sync.code).toBe(0);
  });

  it('spec:sync takes the spec back to the first edition and forward again, byte for byte', async () => {
    const file = specCopy();
    const back = await runScript('scripts/spec-sync.ts', [FIRST, '--spec', file, '--write']);
    expect(back.code).toBe(0);
    expect(back.stdout).toContain('Changed (8):');
    // The spec built for the first edition: the first edition agrees with it, the current one does not.
    const older = readFileSync(file, 'utf8');
    expect(older).not.toContain("$ref: '#/components/parameters/RegionId'");
    expect(older).toContain('x-acs-methods: [GET]\n');
    const [oldCheck, newCheck] = await Promise.all([
      runScript('scripts/docs-check.ts', [FIRST, '--spec', file]),
      runScript('scripts/docs-check.ts', [vendorMetadata, '--spec', file]),
    ]);
    expect(oldCheck.code).toBe(0);
    expect(driftLines(newCheck.stdout)).toHaveLength(8);

    const forward = await runScript('scripts/spec-sync.ts', [vendorMetadata, '--spec', file, '--write']);
    expect(forward.stdout).toContain('UpdateLivePullToPush parameter RegionId: add (string, optional)');
    expect(forward.stdout).toContain('CreateLivePullToPush: x-acs-methods GET → GET, POST');
    expect(readFileSync(file, 'utf8')).toBe(specText);
  });
});

describe.concurrent('spec:sync and recorded decisions', SLOW, () => {
  it('leaves every difference a decision accepts alone and changes nothing', async () => {
    const file = specCopy();
    const [metadata, page] = await Promise.all([
      runScript('scripts/spec-sync.ts', [vendorMetadata, '--spec', file, '--write']),
      runScript('scripts/spec-sync.ts', [seedPage, '--spec', file, '--write']),
    ]);
    for (const result of [metadata, page]) {
      expect(result.stdout).toContain('Nothing to change.');
      expect(result.code).toBe(0);
    }
    expect(metadata.stdout).toMatch(/^ {2}D-21 UpdateLivePullToPush \[methods\]: vendor: GET; spec: GET, POST$/m);
    expect(page.stdout).toMatch(/^ {2}D-23 UpdateLivePullToPush parameter FileIndex \[default\]/m);
    expect(readFileSync(file, 'utf8')).toBe(specText);
  });

  it('adds a new error code of a page with its status and message, and the spec still lints and generates', async () => {
    const file = specCopy();
    const page = pageCopy('new-error.txt', (seed) =>
      seed.replace(
        'cannot be updated.\n',
        'cannot be updated.\n400CodeTaskIsBusyThe task is busy.The task is busy now.\n',
      ),
    );
    const sync = await runScript('scripts/spec-sync.ts', [page, '--spec', file, '--write']);
    expect(sync.stdout).toContain(
      'UpdateLivePullToPush error CodeTaskIsBusy: add error code (HTTP 400, "The task is busy.")',
    );
    const out = join(work, 'generated-error');
    mkdirSync(out);
    const [generate, check, lint] = await Promise.all([
      runScript('scripts/generate.ts', ['--spec', file, '--out-dir', out]),
      runScript('scripts/docs-check.ts', [page, '--spec', file]),
      promisify(execFile)(join(repoRoot, 'node_modules', '.bin', 'redocly'), ['lint', file], { cwd: repoRoot }),
    ]);
    expect(generate.code).toBe(0);
    expect(readFileSync(join(out, 'operations.js'), 'utf8')).toMatch(
      /"code": "CodeTaskIsBusy",\s+"status": 400,\s+"message": "The task is busy.",\s+"description": "The task is busy now. \(From the vendor page new-error.txt; awaiting review/,
    );
    expect(check.code).toBe(0);
    expect(lint.stdout + lint.stderr).toContain('Your API description is valid');
  });

  it("writes a page's changed prose limits and a new parameter's, leaves its QPS to a person, and the spec still generates", async () => {
    const file = specCopy();
    const page = pageCopy('new-limits.txt', (seed) =>
      seed
        .replaceAll('cannot exceed seven days', 'cannot exceed three days')
        .replaceAll('you can specify up to 30 IDs', 'you can specify up to 50 IDs')
        .replace('up to 2,000 characters', 'up to 1,000 characters')
        .replace('up to 10 times per second', 'up to 20 times per second')
        .replace(
          '\n\nResponse parameters\n',
          [
            '\nPriorityintegerNo\n\nThe task priority. Valid values: positive numbers. Default value: 5.\n\nNote',
            '  • You can modify this parameter only if the task is stopped. The update takes effect after you restart the task.',
            '\n5\n\nResponse parameters\n',
          ].join('\n'),
        ),
    );
    const sync = await runScript('scripts/spec-sync.ts', [page, '--spec', file, '--write']);
    expect(sync.stdout).toContain('Changed (5):');
    // The new parameter is written whole in one run: its notes' minimum and default too.
    expect(readFileSync(file, 'utf8')).toMatch(
      /- name: Priority\n {10}in: query\n {10}required: false\n.*\n {10}schema:\n {12}type: integer\n {12}format: int32\n {12}minimum: 1\n {12}default: 5\n/,
    );
    for (const edit of [
      'UpdateLivePullToPush parameter Priority: add (integer, optional)',
      'UpdateLivePullToPush: x-acs-max-task-days 7 → 3',
      'UpdateLivePullToPush parameter SourceUrls: x-acs-max-items-by-source-type.vod 30 → 50',
      'UpdateLivePullToPush parameter SourceUrls: x-acs-max-items-by-source-type.url 30 → 50',
      'UpdateLivePullToPush parameter CallbackUrl: maxLength 2000 → 1000',
    ])
      expect(sync.stdout).toContain(edit);
    expect(sync.stdout).toMatch(
      /Needs a hand edit \(1\):\n {2}UpdateLivePullToPush \[qps\]: vendor: 20 .*one per-account limit/,
    );
    const out = join(work, 'generated-limits');
    mkdirSync(out);
    const [generate, check] = await Promise.all([
      runScript('scripts/generate.ts', ['--spec', file, '--out-dir', out]),
      runScript('scripts/docs-check.ts', [page, '--spec', file]),
    ]);
    expect(generate.code, generate.stderr).toBe(0);
    expect(driftLines(check.stdout)).toEqual([
      'DRIFT UpdateLivePullToPush [qps]: vendor: 20 ("You can call this operation up to 20 times per second per account."); spec: 10',
    ]);
  });
});

describe('spec:sync --write, then npm run generate, in a copy of the repository', SLOW, () => {
  it('types, validates, sends, accepts and documents a new optional integer parameter of UpdateLivePullToPush', async () => {
    const repo = copyRepo();
    try {
      const metadata = JSON.parse(readFileSync(vendorMetadata, 'utf8')) as {
        apis: Record<string, { parameters: unknown[] }>;
      };
      metadata.apis['UpdateLivePullToPush']?.parameters.push({
        name: 'Priority',
        in: 'query',
        schema: { type: 'integer', format: 'int32', required: false },
      });
      writeFileSync(join(repo.dir, 'metadata.json'), JSON.stringify(metadata, null, 2));
      const run = (script: string, args: string[] = []) => runScript(join(repo.dir, script), args, repo.dir);

      const sync = await run('scripts/spec-sync.ts', ['metadata.json', '--write']);
      expect(sync.stdout).toContain('UpdateLivePullToPush parameter Priority: add (integer, optional)');
      expect(sync.stdout).toContain('Changed (1):');
      const spec = readFileSync(join(repo.dir, 'spec', 'openapi.yaml'), 'utf8');
      expect(spec).toContain(
        'description: From the vendor metadata metadata.json, awaiting review (added by `npm run spec:sync`)',
      );
      expect((await run('scripts/generate.ts')).code).toBe(0);

      const lint = await promisify(execFile)(join(repo.dir, 'node_modules', '.bin', 'redocly'), ['lint'], {
        cwd: repo.dir,
      });
      expect(lint.stdout + lint.stderr).toContain('Your API description is valid');
      const types = readFileSync(join(repo.dir, 'generated', 'api.d.ts'), 'utf8');
      expect(types).toMatch(/UpdateLivePullToPush: \{[\s\S]*?query: \{[\s\S]*?Priority\?: number;/);

      // The client's method type takes it (and refuses a string), with no hand edit.
      mkdirSync(join(repo.dir, 'test', 'spec-sync'), { recursive: true });
      const typed = (value: string) =>
        `import type { LiveClient } from '../../src/index.js';\nexport const call = (c: LiveClient) => c.updateLivePullToPush({ TaskId: 't', Region: 'cn-shanghai', Priority: ${value} });\n`;
      writeFileSync(join(repo.dir, 'test', 'spec-sync', 'typed.ts'), typed('5'));
      writeFileSync(join(repo.dir, 'test', 'spec-sync', 'mistyped.ts'), typed("'5'"));
      const tsc = (file: string) => {
        writeFileSync(
          join(repo.dir, 'tsconfig.probe.json'),
          JSON.stringify({ extends: './tsconfig.json', include: [file] }),
        );
        return promisify(execFile)(join(repo.dir, 'node_modules', '.bin', 'tsc'), ['-p', 'tsconfig.probe.json'], {
          cwd: repo.dir,
        }).then(
          () => '',
          (error: { stdout?: string }) => error.stdout ?? 'failed',
        );
      };
      expect(await tsc('test/spec-sync/typed.ts')).toBe('');
      expect(await tsc('test/spec-sync/mistyped.ts')).toContain("Type 'string' is not assignable to type 'number'");

      // The client validates and sends it; the emulator accepts it and places it in the task-state table.
      copyFileSync(
        join(repoRoot, 'test', 'spec-sync', 'new-param-probe.ts'),
        join(repo.dir, 'test', 'spec-sync', 'new-param-probe.ts'),
      );
      const probe = await run('test/spec-sync/new-param-probe.ts', ['Priority', '5']);
      expect(probe.stderr).toBe('');
      expect(JSON.parse(probe.stdout)).toEqual({
        accepted: { RequestId: expect.any(String), RetCode: 0, Description: 'OK' },
        whileRunning: { code: 'CodeTaskHasStarted' },
        notAnInteger: { issues: [{ param: 'Priority', message: 'Priority must be an integer' }] },
        sent: [expect.stringMatching(/[?&]Priority=5(&|$)/)],
      });

      // The published page shows it, with its provenance.
      const docs = await run('scripts/docs.ts');
      expect(docs.stderr).toBe('');
      expect(docs.code).toBe(0);
      const html = readFileSync(join(repo.dir, 'build', 'docs', 'index.html'), 'utf8');
      expect(html).toContain('"name":"Priority"');
      expect(html).toContain('awaiting review');
    } finally {
      repo.remove();
    }
  });
});
