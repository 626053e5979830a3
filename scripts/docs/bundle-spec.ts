import { join, resolve } from 'node:path';
import { bundle, loadConfig } from '@redocly/openapi-core';
import { REPO_ROOT } from './repo-root.js';

/**
 * The spec as one in-memory document, with every external file inlined, by Redocly's own bundler
 * (in process: starting the CLI costs seconds). With `dereferenced`, local `$ref`s are replaced by
 * their targets too; targets are then shared objects, and a recursive schema makes a cycle.
 */
export async function bundleSpec(specPath: string, options: { dereferenced?: boolean } = {}): Promise<unknown> {
  const config = await loadConfig({ configPath: join(REPO_ROOT, 'redocly.yaml') });
  const result = await bundle({ ref: resolve(specPath), config, dereference: options.dereferenced === true });
  const errors = result.problems.filter((problem) => problem.severity === 'error');
  if (errors.length > 0) {
    throw new Error(`${specPath} cannot be bundled:\n${errors.map((problem) => `  ${problem.message}`).join('\n')}`);
  }
  return result.bundle.parsed;
}
