import { type OperationName, operations } from '../../generated/operations.js';
import type { SchemaIssue } from '../../generated/validators.js';
import { schemaRule, unescapePointer } from './schema-rule.js';
import type { ValidationIssue } from './validation-issue.js';

/** Formats whose names mean little to a caller, in words. */
const FORMAT_WORDS: Readonly<Record<string, string>> = {
  'date-time': 'a valid date-time',
  int32: 'a 32-bit integer (-2147483648 to 2147483647)',
};

/**
 * Turns the generated request validator's Ajv errors into `{ param, message }` issues a caller can
 * act on: the vendor parameter name and a sentence stating the rule, e.g. `Region must be one of
 * cn-shanghai, …`, `CallbackUrl must be at most 2000 characters`, `TaskId is required`,
 * `Foo is not a parameter of UpdateLivePullToPush`. Items of an array are named `SourceUrls[0]`.
 *
 * Pure; order follows the validator's. A value that fails its `type` or `pattern` is not reported
 * again for its `format` (one fault, one issue); pattern and format rules quote the spec's example.
 */
export function schemaIssues(
  action: OperationName,
  errors: readonly SchemaIssue[] | null | undefined,
): ValidationIssue[] {
  if (!errors) return [];
  const shapeFailed = new Set(
    errors.filter((e) => e.keyword === 'type' || e.keyword === 'pattern').map((e) => e.instancePath),
  );
  const issues: ValidationIssue[] = [];
  const seen = new Set<string>();
  for (const error of errors) {
    if (error.keyword === 'format' && shapeFailed.has(error.instancePath)) continue;
    const issue = toIssue(action, error);
    const key = `${issue.param}\n${issue.message}`;
    if (seen.has(key)) continue;
    seen.add(key);
    issues.push(issue);
  }
  return issues;
}

function toIssue(action: OperationName, error: SchemaIssue): ValidationIssue {
  const path = error.instancePath.split('/').slice(1).map(unescapePointer);
  const [param, ...rest] = path;
  if (param === undefined) return rootIssue(action, error);
  const subject = param + rest.map((segment) => `[${segment}]`).join('');
  return {
    param,
    message: `${subject} ${schemaRule(error, { formatWords: FORMAT_WORDS, exampleSuffix: example(action, param) })}`,
  };
}

/** Errors about the parameter object itself: a missing or unknown parameter, or no object at all. */
function rootIssue(action: OperationName, error: SchemaIssue): ValidationIssue {
  const { params } = error;
  if (error.keyword === 'required' && typeof params['missingProperty'] === 'string') {
    return { param: params['missingProperty'], message: `${params['missingProperty']} is required` };
  }
  if (error.keyword === 'additionalProperties' && typeof params['additionalProperty'] === 'string') {
    const name = params['additionalProperty'];
    return { param: name, message: `${name} is not a parameter of ${action}` };
  }
  return { param: '(parameters)', message: `The parameters of ${action} ${error.message ?? 'are invalid'}` };
}

/** `, for example 2024-08-26T10:30:00Z` from the spec's example of a string parameter, if any. */
function example(action: OperationName, param: string): string {
  const value = operations[action].params.find((p) => p.name === param)?.example;
  return typeof value === 'string' ? ` (for example ${value})` : '';
}
