import { type OperationName, operations } from '../../../generated/operations.js';

/**
 * The spec's default for an integer parameter, read once at start-up so no default is restated
 * here. A missing default is a spec bug and fails loudly at import.
 */
export function integerDefault(action: OperationName, name: string): number {
  const value = operations[action].params.find((param) => param.name === name)?.default;
  if (typeof value !== 'number')
    throw new Error(`spec/openapi.yaml gives ${action} parameter ${name} no integer default`);
  return value;
}
