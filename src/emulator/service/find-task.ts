import { operationVerdict, type TaskOperation } from '../../rules/index.js';
import type { TaskRecord } from '../lifecycle/task-record.js';
import { throwIfIssues } from './rule-issues.js';
import { ServiceError } from './service-error.js';
import type { TaskRuntime } from './task-runtime.js';

/** What an operation found: the task, and whether the operation changes it. */
export interface FoundTask {
  task: TaskRecord;
  /** False when the rules say the operation succeeds without effect (Restart before StartTime). */
  proceed: boolean;
}

/**
 * The task `taskId` names in live center `region`, if the task's state allows `operation`.
 * A task lives in one Region: asking another live center for it finds nothing, as it would on the
 * service, where each Region is a separate live center (Update is the exception; see update-task.ts).
 * @throws ServiceError CodeTaskNotExist (unknown, purged, other Region, or exited for anything
 *   but Describe) or the state rule's code (CodeTaskHasStopped for Stop on a stopped task)
 */
export function findTask(
  runtime: TaskRuntime,
  operation: TaskOperation,
  taskId: string,
  region: string | undefined,
): FoundTask {
  const task = runtime.store.get(taskId);
  if (task === undefined || (region !== undefined && task.region !== region)) {
    const where = region === undefined ? '' : ` in Region ${region}`;
    throw new ServiceError('CodeTaskNotExist', `TaskId ${JSON.stringify(taskId)} names no task${where}`, 'TaskId');
  }
  const verdict = operationVerdict(operation, task.status);
  if (verdict.outcome === 'refused') throwIfIssues([verdict.issue]);
  return { task, proceed: verdict.outcome === 'proceed' };
}
