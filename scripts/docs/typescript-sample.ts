import type { OperationName } from '../../generated/operations.js';
import { methodName } from '../../src/client/operation-types.js';
import type { SampleArgument } from './sample-arguments.js';

/**
 * A call through the package's client: the method is named as the client names it, parameters
 * keep their vendor names, arrays are arrays.
 */
export function typescriptSample(action: OperationName, args: readonly SampleArgument[]): string {
  const method = methodName(action);
  const fields = args.map(({ name, value }) => `  ${name}: ${literal(value)},\n`).join('');
  return [
    `import { createLiveClient } from 'live-relay';`,
    ``,
    `const client = createLiveClient();`,
    `const res = await client.${method}({${fields === '' ? '' : `\n${fields}`}});`,
    ``,
  ].join('\n');
}

function literal(value: unknown): string {
  if (typeof value === 'string') return `'${value.replace(/[\\']/g, '\\$&').replace(/\n/g, '\\n')}'`;
  if (typeof value === 'number' || typeof value === 'boolean') return String(value);
  if (Array.isArray(value)) return `[${value.map(literal).join(', ')}]`;
  throw new Error(`no TypeScript literal for example ${JSON.stringify(value)}`);
}
