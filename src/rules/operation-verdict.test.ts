import { describe, expect, it } from 'vitest';
import type { TaskStatus } from './api-types.js';
import { operationVerdict, type TaskOperation } from './operation-verdict.js';

/** Expected outcome per operation and state (Idle, Running, Recovering, Offline, Exit), by hand from §2.3. */
const EXPECTED: Record<TaskOperation, readonly string[]> = {
  DescribeLivePullToPush: ['proceed', 'proceed', 'proceed', 'proceed', 'proceed'],
  UpdateLivePullToPush: ['proceed', 'proceed', 'proceed', 'proceed', 'proceed'],
  StopLivePullToPush: ['CodeTaskHasStopped', 'proceed', 'proceed', 'CodeTaskHasStopped', 'CodeTaskNotExist'],
  RestartLivePullToPush: ['no-effect', 'proceed', 'proceed', 'proceed', 'CodeTaskNotExist'],
  DeleteLivePullToPush: ['proceed', 'proceed', 'proceed', 'proceed', 'CodeTaskNotExist'],
};
const STATES: readonly TaskStatus[] = [0, 1, 2, 3, -1];

const summary = (operation: TaskOperation, status: TaskStatus): string => {
  const verdict = operationVerdict(operation, status);
  return verdict.outcome === 'refused' ? verdict.issue.code : verdict.outcome;
};

describe('operationVerdict', () => {
  it.each(Object.entries(EXPECTED) as [TaskOperation, readonly string[]][])(
    '%s in Idle, Running, Recovering, Offline, Exit',
    (operation, row) => {
      expect(STATES.map((status) => summary(operation, status))).toEqual(row);
    },
  );

  it('explains a refused Stop in terms of the task state', () => {
    expect(operationVerdict('StopLivePullToPush', 3)).toEqual({
      outcome: 'refused',
      issue: {
        param: 'TaskId',
        code: 'CodeTaskHasStopped',
        message:
          'TaskId names a task that is not running (it is Offline); only a Running or Recovering task can be stopped',
      },
    });
  });

  it('says why a Restart before StartTime does nothing', () => {
    expect(operationVerdict('RestartLivePullToPush', 0)).toEqual({
      outcome: 'no-effect',
      reason: 'the task has not reached its StartTime yet; it will start then',
    });
  });

  it('names the operation refused on an exited task', () => {
    const verdict = operationVerdict('DeleteLivePullToPush', -1);
    expect(verdict.outcome === 'refused' && verdict.issue.message).toBe(
      'TaskId names a task that has exited (TaskStatus -1); deleting it is no longer possible',
    );
  });
});
