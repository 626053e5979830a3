import type { RuleIssue } from '../../rules/index.js';
import { ServiceError } from './service-error.js';

/**
 * Throws the ServiceError for broken rules: the first issue's code and parameter, and every
 * issue's message so one answer lists all that must be fixed.
 */
export function throwIfIssues(issues: readonly RuleIssue[]): void {
  const first = issues[0];
  if (first === undefined) return;
  throw new ServiceError(first.code, issues.map((issue) => issue.message).join('; '), first.param);
}
