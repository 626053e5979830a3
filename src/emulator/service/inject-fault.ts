import { failRelay, isRelayUp } from '../lifecycle/transitions.js';
import { findTask } from './find-task.js';
import { ServiceError } from './service-error.js';
import type { TaskRuntime } from './task-runtime.js';
import type { InjectedFault } from './task-service.js';

const FAULT_REASONS: ReadonlySet<string> = new Set(['PullStreamFailed', 'PushStreamFailed']);

/**
 * Fails a Running or Recovering task at task time `nowMs` (the emulator's control route; the
 * real service has no such operation). The retries then run from the schedule.
 * @throws ServiceError InvalidParameter, CodeTaskNotExist or CodeTaskHasStopped
 */
export function injectFault(runtime: TaskRuntime, fault: InjectedFault, nowMs: number): void {
  checkFault(fault);
  const { task } = findTask(runtime, 'DescribeLivePullToPush', fault.TaskId, undefined);
  const named = `TaskId ${JSON.stringify(fault.TaskId)}`;
  if (task.exit !== undefined)
    throw new ServiceError('CodeTaskNotExist', `${named} names a task that has exited`, 'TaskId');
  if (!isRelayUp(task)) {
    throw new ServiceError(
      'CodeTaskHasStopped',
      `${named} names a task that is not running (TaskStatus ${task.status}); only a Running or Recovering task can fail`,
      'TaskId',
    );
  }
  const recover = fault.RecoverAfterRetries;
  const announce = failRelay(task, {
    reason: fault.Reason,
    sinceMs: nowMs,
    retriesDone: 0,
    ...(recover === undefined ? {} : { recoverAfterRetries: recover }),
  });
  runtime.commit(task, announce, nowMs);
}

function checkFault(fault: InjectedFault): void {
  if (!FAULT_REASONS.has(fault.Reason)) {
    throw new ServiceError(
      'InvalidParameter',
      `Reason must be PullStreamFailed or PushStreamFailed (got ${JSON.stringify(fault.Reason)})`,
      'Reason',
    );
  }
  const recover = fault.RecoverAfterRetries;
  if (recover !== undefined && !(Number.isInteger(recover) && recover >= 1)) {
    throw new ServiceError(
      'InvalidParameter',
      `RecoverAfterRetries must be an integer >= 1 (got ${String(recover)})`,
      'RecoverAfterRetries',
    );
  }
}
