import type { SampleArgument } from './sample-arguments.js';

/**
 * A call through the package's client: the method is the action with a lower-case first letter,
 * parameters keep their vendor names, arrays are arrays.
 */
export function typescriptSample(action: string, args: readonly SampleArgument[]): string {
  const method = action.charAt(0).toLowerCase() + action.slice(1);
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
