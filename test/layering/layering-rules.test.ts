/**
 * The layering rules (.dependency-cruiser.cjs, run by `npm run lint:layers` in `npm test`) catch
 * what they promise: a throwaway tree with one import per rule, some allowed and some not, is
 * cruised with the repository's own configuration, and exactly the forbidden ones are reported,
 * each under its rule's name.
 */
import { execFile } from 'node:child_process';
import { mkdirSync, mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { dirname, join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { afterAll, describe, expect, it } from 'vitest';

const ROOT = fileURLToPath(new URL('../../', import.meta.url));
const DEPCRUISE = join(ROOT, 'node_modules', 'dependency-cruiser', 'bin', 'dependency-cruise.mjs');
const CONFIG = join(ROOT, '.dependency-cruiser.cjs');

/** Each file of the throwaway tree, and what it imports. */
const TREE: Readonly<Record<string, readonly string[]>> = {
  'generated/operations.ts': [],
  'generated/leak.ts': ['../src/wire/pure.js'],
  'src/wire/pure.ts': ['../../generated/operations.js', './other.js'],
  'src/wire/other.ts': [],
  'src/wire/leak.ts': ['../client/client.js'],
  'src/rules/leak.ts': ['../wire/pure.js'],
  'src/rules/loop-a.ts': ['./loop-b.js'],
  'src/rules/loop-b.ts': ['./loop-a.js'],
  'src/client/client.ts': ['../wire/pure.js', '../../generated/operations.js'],
  'src/client/leak.ts': ['../emulator/server.js'],
  'src/emulator/server.ts': ['../wire/pure.js'],
  'src/emulator/leak.ts': ['../client/client.js'],
  'src/events/leak.ts': ['../cli/run.js'],
  'src/cli/run.ts': ['../client/client.js', '../emulator/server.js'],
  'src/demo/main.ts': ['../cli/run.js', '../client/client.js'],
  'src/index.ts': ['./demo/main.js'],
  'bench/main.ts': ['../src/client/client.js'],
  'scripts/leak.ts': ['../bench/main.js'],
  'scripts/generate/leak.ts': ['../../src/wire/pure.js'],
  'scripts/docs/page.ts': ['../../src/rules/loop-a.js'],
  'test/cli.test.ts': ['../src/cli/run.js', '../src/emulator/server.js'],
};

const EXPECTED = [
  'generated-is-a-leaf: generated/leak.ts → src/wire/pure.ts',
  'wire-and-rules-are-pure: src/wire/leak.ts → src/client/client.ts',
  'wire-and-rules-are-pure: src/rules/leak.ts → src/wire/pure.ts',
  'client-stays-a-client: src/client/leak.ts → src/emulator/server.ts',
  'emulator-stays-a-service: src/emulator/leak.ts → src/client/client.ts',
  'only-entry-points-import-the-cli: src/events/leak.ts → src/cli/run.ts',
  'nothing-imports-demo-or-bench: src/index.ts → src/demo/main.ts',
  'nothing-imports-demo-or-bench: scripts/leak.ts → bench/main.ts',
  'generation-reads-only-the-spec: scripts/generate/leak.ts → src/wire/pure.ts',
  'no-import-loops: src/rules/loop-a.ts → src/rules/loop-b.ts',
];

const work = mkdtempSync(join(tmpdir(), 'live-relay-layers-'));
afterAll(() => rmSync(work, { recursive: true, force: true }));

function writeTree(): void {
  for (const [file, imports] of Object.entries(TREE)) {
    const path = join(work, file);
    mkdirSync(dirname(path), { recursive: true });
    const lines = imports.map((target, i) => `import * as m${i} from '${target}';\nexport const x${i} = m${i};`);
    writeFileSync(path, `${lines.join('\n')}\nexport const here = 1;\n`);
  }
}

function cruise(): Promise<{ code: number; output: string }> {
  return new Promise((resolve) => {
    execFile(
      process.execPath,
      [DEPCRUISE, '--config', CONFIG, '--no-progress', 'src', 'generated', 'scripts', 'test', 'bench'],
      { cwd: work, timeout: 60_000 },
      (error, stdout, stderr) =>
        resolve({ code: error === null ? 0 : Number(error.code ?? 1), output: stdout + stderr }),
    );
  });
}

describe('layering rules', () => {
  it('report exactly the forbidden imports, each naming its rule, and fail', async () => {
    writeTree();
    // A loop prints as `a →⏎ b →⏎ a`; its first step is enough to name it.
    const { code, output } = await cruise();
    const reported = [...output.matchAll(/^\s*error ([\w-]+): (\S+) →\s+(\S+)/gm)].map(
      ([, rule, from, to]) => `${rule}: ${from} → ${to}`,
    );
    expect(reported.sort(), output).toEqual([...EXPECTED].sort());
    expect(code).not.toBe(0);
  }, 90_000);
});
