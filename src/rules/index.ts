/**
 * The rules JSON Schema cannot express, shared by the client (before it sends) and the emulator
 * (before it answers): cross-field checks on a request, and what each task state allows.
 */

export { checkRequest, type RuleContext } from './check-request.js';
export { type OperationVerdict, operationVerdict, type TaskOperation } from './operation-verdict.js';
export type { RuleErrorCode, RuleIssue } from './rule-issue.js';
export { SOURCE_URLS_LIMIT } from './source-urls.js';
export type { TaskSnapshot } from './task-snapshot.js';
export {
  type ChangeTiming,
  checkUpdateAllowed,
  planUpdate,
  TASK_STATES,
  type TaskStateName,
  taskStateName,
  UPDATE_RULES,
  type UpdatableParam,
  type UpdateChange,
  type UpdateOutcome,
  type UpdatePhase,
  type UpdatePlan,
  type UpdateRule,
  updatePhase,
} from './task-state.js';
export { MAX_TASK_WINDOW_MS } from './time-window.js';
export { formatUtcTimestamp, type ParsedTimestamp, parseUtcTimestamp } from './utc-timestamp.js';
