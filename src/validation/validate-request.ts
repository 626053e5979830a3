import type { OperationName } from '../../generated/operations.js';
import { requestValidators } from '../../generated/validators.js';
import { checkRequest } from '../rules/check-request.js';
import { schemaIssues } from './schema-issues.js';
import type { ValidationIssue } from './validation-issue.js';

/**
 * Every reason the typed parameters of `action` would be refused, as far as the request alone can
 * tell: first the generated schema validator's issues (see {@link schemaIssues}), then the
 * cross-field rules of `src/rules` evaluated at `now`. Empty when the request is valid.
 * What depends on the stored task (its state) only the service can judge.
 */
export function validateRequest(
  action: OperationName,
  params: unknown,
  context: { readonly now: Date },
): ValidationIssue[] {
  const validate = requestValidators[action];
  const issues = validate(params) ? [] : schemaIssues(action, validate.errors);
  for (const { param, message } of checkRequest(action, params as Parameters<typeof checkRequest>[1], context)) {
    issues.push({ param, message });
  }
  return issues;
}
