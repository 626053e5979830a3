import { TASK_STATES, taskStateName } from '../rules/index.js';

type TaskStatus = (typeof TASK_STATES)[keyof typeof TASK_STATES];

const STATUSES: readonly number[] = Object.values(TASK_STATES);

/** `1` → `Running (1)`, as the walkthrough prints a TaskStatus. */
export function statusText(status: unknown): string {
  return typeof status === 'number' && STATUSES.includes(status)
    ? `${taskStateName(status as TaskStatus)} (${status})`
    : String(status);
}
