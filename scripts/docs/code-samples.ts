import { cliSample } from './cli-sample.js';
import type { SampleOperation } from './sample-arguments.js';
import { sampleArguments } from './sample-arguments.js';
import { typescriptSample } from './typescript-sample.js';

/**
 * The sample languages, in display order. Redoc shows an operation's `x-codeSamples` entry only
 * when its `label` is one of these (the page's `codeSamples.languages` option).
 */
export const CODE_SAMPLE_LANGUAGES = [
  { lang: 'TypeScript', label: 'TypeScript' },
  { lang: 'Shell', label: 'CLI' },
] as const;

interface CodeSample {
  readonly lang: string;
  readonly label: string;
  readonly source: string;
}

/** The `x-codeSamples` of one operation: the TypeScript client call and the CLI command. */
export function codeSamples(operation: SampleOperation): CodeSample[] {
  const args = sampleArguments(operation);
  const [typescript, cli] = CODE_SAMPLE_LANGUAGES;
  return [
    { ...typescript, source: typescriptSample(operation.action, args) },
    { ...cli, source: cliSample(operation.action, args) },
  ];
}

const METHODS = ['get', 'post', 'put', 'patch', 'delete'] as const;

/**
 * A copy of a bundled OpenAPI document with `x-codeSamples` on every operation of the table
 * (matched by `operationId`). Throws when an operation of the document or of the table has no
 * counterpart, so a stale table cannot publish wrong samples.
 */
export function withCodeSamples(document: unknown, operations: readonly SampleOperation[]): unknown {
  const copy = structuredClone(document) as { paths?: Record<string, Record<string, unknown>> };
  const pending = new Map<string, SampleOperation>(operations.map((op) => [op.action, op]));
  for (const [path, item] of Object.entries(copy.paths ?? {})) {
    for (const method of METHODS) {
      const operation = item[method] as { operationId?: string; 'x-codeSamples'?: CodeSample[] } | undefined;
      if (operation === undefined) continue;
      const table = operation.operationId === undefined ? undefined : pending.get(operation.operationId);
      if (table === undefined) throw new Error(`${method.toUpperCase()} ${path}: not in the operation table`);
      operation['x-codeSamples'] = codeSamples(table);
      pending.delete(table.action);
    }
  }
  if (pending.size > 0) throw new Error(`not in the spec: ${[...pending.keys()].join(', ')}`);
  return copy;
}
