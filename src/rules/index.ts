/**
 * The rules JSON Schema cannot express, shared by the client (before it sends) and the emulator
 * (before it answers): cross-field checks on a request, and what each task state allows.
 */
export type { RuleErrorCode, RuleIssue } from './rule-issue.js';
export type { TaskSnapshot } from './task-snapshot.js';
export { checkRequest, type RuleContext } from './check-request.js';
export {
  TASK_STATES,
  UPDATE_RULES,
  checkUpdateAllowed,
  planUpdate,
  taskStateName,
  type ChangeTiming,
  type TaskStateName,
  type UpdatableParam,
  type UpdateChange,
  type UpdatePhase,
  type UpdatePlan,
} from './task-state.js';
export { operationVerdict, type OperationVerdict, type TaskOperation } from './operation-verdict.js';
export { MAX_TASK_WINDOW_MS } from './time-window.js';
export { SOURCE_URLS_LIMIT } from './source-urls.js';
export { formatUtcTimestamp, parseUtcTimestamp, type ParsedTimestamp } from './utc-timestamp.js';
