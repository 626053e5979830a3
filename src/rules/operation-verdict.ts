import type { OperationName, TaskStatus } from './api-types.js';
import type { RuleIssue } from './rule-issue.js';
import { TASK_STATES, taskStateName } from './task-state.js';

/** The operations that name one existing task. */
export type TaskOperation = Exclude<OperationName, 'CreateLivePullToPush' | 'DescribeLivePullToPushList'>;

/**
 * What an operation does to a task in a given state. `proceed`: carry it out (for Update, then ask
 * `planUpdate` which parameters may change). `no-effect`: answer success and change nothing.
 * `refused`: answer the issue's error code.
 */
export type OperationVerdict =
  | { readonly outcome: 'proceed' }
  | { readonly outcome: 'no-effect'; readonly reason: string }
  | { readonly outcome: 'refused'; readonly issue: RuleIssue };

const PROCEED: OperationVerdict = { outcome: 'proceed' };

/**
 * Which operations each state allows (spec/decisions.md D-13, from the docs' §2.3):
 * - Describe: every state; an exited task stays readable.
 * - Update: every state; planUpdate says what an exited task accepts (only EndTime, without effect).
 * - Delete: every state but Exit.
 * - Stop: Running and Recovering; Idle or Offline is "not running" (`CodeTaskHasStopped`).
 * - Restart: Running, Recovering, Offline; before StartTime "the restart does not take effect",
 *   which the service answers with success.
 * - Exit refuses all but Describe with `CodeTaskNotExist`: to the API an exited task is deleted.
 */
export function operationVerdict(operation: TaskOperation, status: TaskStatus): OperationVerdict {
  // Update on an exited task is planUpdate's call: an EndTime there succeeds without effect.
  if (operation === 'DescribeLivePullToPush' || operation === 'UpdateLivePullToPush') return PROCEED;
  if (status === TASK_STATES.Exit) {
    return refuse(
      'CodeTaskNotExist',
      `TaskId names a task that has exited (TaskStatus -1); ${VERBS[operation]} it is no longer possible`,
    );
  }
  if (operation === 'StopLivePullToPush' && (status === TASK_STATES.Idle || status === TASK_STATES.Offline)) {
    return refuse(
      'CodeTaskHasStopped',
      `TaskId names a task that is not running (it is ${taskStateName(status)}); only a Running or Recovering task can be stopped`,
    );
  }
  if (operation === 'RestartLivePullToPush' && status === TASK_STATES.Idle) {
    return { outcome: 'no-effect', reason: 'the task has not reached its StartTime yet; it will start then' };
  }
  return PROCEED;
}

const VERBS: Readonly<Record<Exclude<TaskOperation, 'DescribeLivePullToPush' | 'UpdateLivePullToPush'>, string>> = {
  StopLivePullToPush: 'stopping',
  RestartLivePullToPush: 'restarting',
  DeleteLivePullToPush: 'deleting',
};

const refuse = (code: RuleIssue['code'], message: string): OperationVerdict => ({
  outcome: 'refused',
  issue: { param: 'TaskId', code, message },
});
