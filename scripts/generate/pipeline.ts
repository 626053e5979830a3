/** The whole spec -> generated/ step as functions, so tests can run it without a child process. */
import { existsSync, mkdirSync, readFileSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { renderApiTypes } from './api-types.js';
import { readAllErrors, readOperations, readWebhooks } from './operation-model.js';
import { renderOperationTable } from './operation-table.js';
import { loadSpec } from './spec-document.js';
import { renderValidators } from './validators.js';

/** Renders every generated file in memory, keyed by file name, in a fixed order. */
export async function renderAll(specPath: string): Promise<Map<string, string>> {
  const spec = loadSpec(specPath);
  const operations = readOperations(spec);
  const webhooks = readWebhooks(spec);
  const validators = renderValidators(spec, operations, webhooks);
  const table = renderOperationTable(spec, operations, readAllErrors(spec), webhooks);
  return new Map([
    ['api.d.ts', await renderApiTypes(specPath)],
    ['operations.d.ts', table.dts],
    ['operations.js', table.js],
    ['validators.d.ts', validators.dts],
    ['validators.js', validators.js],
  ]);
}

/** The names of the files in `outDir` that are missing or differ from `files`. */
export function findDrift(files: ReadonlyMap<string, string>, outDir: string): string[] {
  return [...files]
    .filter(([name, content]) => {
      const path = join(outDir, name);
      return !existsSync(path) || readFileSync(path, 'utf8') !== content;
    })
    .map(([name]) => name);
}

export function writeAll(files: ReadonlyMap<string, string>, outDir: string): void {
  mkdirSync(outDir, { recursive: true });
  for (const [name, content] of files) writeFileSync(join(outDir, name), content);
}
