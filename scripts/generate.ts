/**
 * spec/openapi.yaml -> generated/: types (api.d.ts), Ajv standalone validators and the operation
 * table. The output is deterministic.
 *
 *   npx tsx scripts/generate.ts            write generated/
 *   npx tsx scripts/generate.ts --check    exit 1 (listing the files) if generated/ is out of date
 *   --out-dir <dir>                        use <dir> instead of generated/
 *   --spec <file>                          use <file> instead of spec/openapi.yaml
 */
import { dirname, join, relative, resolve } from 'node:path';
import { fileURLToPath } from 'node:url';
import { parseArgs } from 'node:util';
import { findDrift, renderAll, writeAll } from './generate/pipeline.js';

const repoRoot = resolve(dirname(fileURLToPath(import.meta.url)), '..');

async function main(): Promise<number> {
  const { values } = parseArgs({
    options: {
      check: { type: 'boolean', default: false },
      'out-dir': { type: 'string', default: join(repoRoot, 'generated') },
      spec: { type: 'string', default: join(repoRoot, 'spec', 'openapi.yaml') },
    },
  });
  const outDir = resolve(values['out-dir']);
  const files = await renderAll(resolve(values.spec));
  const shown = (name: string) => relative(process.cwd(), join(outDir, name));

  if (!values.check) {
    writeAll(files, outDir);
    console.log(`wrote ${[...files.keys()].map(shown).join(', ')}`);
    return 0;
  }
  const drifted = findDrift(files, outDir);
  for (const name of drifted) console.error(`out of date: ${shown(name)}`);
  if (drifted.length > 0) {
    console.error('The generated files do not match the spec; run `npm run generate`.');
    return 1;
  }
  console.log(`${relative(process.cwd(), outDir) || '.'}: ${files.size} files up to date.`);
  return 0;
}

main().then(
  (code) => {
    process.exitCode = code;
  },
  (error: unknown) => {
    console.error(error instanceof Error ? error.message : error);
    process.exitCode = 2;
  },
);
