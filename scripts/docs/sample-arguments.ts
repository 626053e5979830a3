import type { OperationName } from '../../generated/operations.js';

/** The part of a `generated/operations.js` parameter that a code sample needs. */
export interface SampleParam {
  readonly name: string;
  readonly type: 'string' | 'integer' | 'array';
  readonly required: boolean;
  readonly example?: unknown;
}

/** The part of a `generated/operations.js` operation that a code sample needs. */
export interface SampleOperation {
  readonly action: OperationName;
  readonly params: readonly SampleParam[];
}

/** One argument of a sample call: a vendor parameter name and its example value. */
export interface SampleArgument {
  readonly name: string;
  readonly value: unknown;
}

/**
 * The arguments a sample passes: every required parameter, plus every array parameter so that each
 * sample shows how arrays are written; in the operation table's order, with the spec's examples.
 * Throws when one of them has no example: the spec must give one.
 */
export function sampleArguments(operation: SampleOperation): SampleArgument[] {
  return operation.params
    .filter((param) => param.required || param.type === 'array')
    .map((param) => {
      if (param.example === undefined) {
        throw new Error(
          `${operation.action}: parameter ${param.name} has no example in the spec, so no code sample can show it`,
        );
      }
      return { name: param.name, value: param.example };
    });
}
