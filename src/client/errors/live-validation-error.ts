import type { OperationName } from '../../../generated/operations.js';
import { LiveError } from '../../errors/live-error.js';
import type { ValidationIssue } from '../../validation/validation-issue.js';

/**
 * Thrown by a client method before any network I/O when its parameters break the API's rules:
 * first every schema violation (the generated validators: unknown parameter, missing required
 * parameter, enum, length, range, pattern), then every cross-field rule (`src/rules`: the time
 * window, SourceUrls against SourceType, SourceProtocol for live sources).
 *
 * `issues` lists all of them, not just the first, each naming the vendor parameter and the rule.
 * Nothing was sent, so nothing needs undoing and a retry with the same parameters fails the same way.
 */
export class LiveValidationError extends LiveError {
  override readonly name = 'LiveValidationError';
  /** The operation that was called, e.g. `UpdateLivePullToPush`. */
  readonly action: OperationName;
  /** Every violation, schema issues first; `param` is the vendor name, `message` a full sentence. */
  readonly issues: readonly ValidationIssue[];

  constructor(action: OperationName, issues: readonly ValidationIssue[]) {
    const count = issues.length === 1 ? '1 invalid parameter' : `${issues.length} invalid parameters`;
    super(`${action}: ${count}: ${issues.map((issue) => issue.message).join('; ')}`);
    this.action = action;
    this.issues = issues;
  }
}
