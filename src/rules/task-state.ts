import type { TaskStatus, UpdateParams } from './api-types.js';
import type { RuleIssue } from './rule-issue.js';
import type { TaskSnapshot } from './task-snapshot.js';

/** The state names of the callback doc for the API's TaskStatus numbers. */
export const TASK_STATES = {
  Idle: 0,
  Running: 1,
  Recovering: 2,
  Offline: 3,
  Exit: -1,
} as const satisfies Record<string, TaskStatus>;

export type TaskStateName = keyof typeof TASK_STATES;

const STATE_NAMES: Readonly<Record<TaskStatus, TaskStateName>> = {
  '0': 'Idle',
  '1': 'Running',
  '2': 'Recovering',
  '3': 'Offline',
  '-1': 'Exit',
};

/** `1` → `'Running'`. */
export const taskStateName = (status: TaskStatus): TaskStateName => STATE_NAMES[status];

/**
 * The three situations the Update doc distinguishes: before StartTime (Idle), running (Running,
 * and Recovering, "even if the task is in an abnormal retry state"), and stopped (Offline).
 */
export type UpdatePhase = 'not-started' | 'running' | 'stopped';

const PHASES: Readonly<Record<Exclude<TaskStatus, -1>, UpdatePhase>> = {
  '0': 'not-started',
  '1': 'running',
  '2': 'running',
  '3': 'stopped',
};

/**
 * When an accepted change takes effect. `immediately`: the task uses it from now on (for a task
 * not yet started, from its start). `next-restart`: stored now, used when RestartLivePullToPush
 * next starts the task. `next-event`: used from the next callback event on.
 */
export type ChangeTiming = 'immediately' | 'next-restart' | 'next-event';

/** Parameters that name the task and the endpoint; sending them changes nothing. */
type IdentifyingParam = 'TaskId' | 'RegionId';

/** Update parameters that change the task. `Region` counts only when it differs from the task's. */
export type UpdatableParam = Exclude<keyof UpdateParams, IdentifyingParam>;

/**
 * Which Update parameters each phase accepts and when each takes effect; `refused` answers
 * `CodeTaskHasStarted`. From the seed doc (UpdateLivePullToPush, 2025-05-13; spec/decisions.md D-01):
 * - before StartTime: every parameter. The doc names SourceType, Region and DstUrl; Update has
 *   none but Region, and nothing has run yet that a change could disturb.
 * - running: "only the CallbackUrl and RepeatTime parameters" (RepeatTime is RepeatNumber).
 * - stopped: everything except Region (the doc also names SourceType and DstUrl, which Update
 *   lacks) and StartTime, whose doc says "if the task has already started, the update does not
 *   take effect": refusing says so instead of succeeding silently.
 * SourceUrls/Offset on a stopped task: the seed says "takes effect immediately", newer pages say
 * "after the task is restarted". For a stopped task both mean the same: only a restart runs it
 * again, so we say `next-restart`, as FileIndex's doc does.
 *
 * Rows follow the doc's parameter order, which is also the order of reported issues. `satisfies`
 * makes a parameter added to the spec a compile error here until it is placed.
 */
export const UPDATE_RULES = {
  Region: { 'not-started': 'immediately', running: 'refused', stopped: 'refused' },
  StartTime: { 'not-started': 'immediately', running: 'refused', stopped: 'refused' },
  EndTime: { 'not-started': 'immediately', running: 'refused', stopped: 'immediately' },
  SourceUrls: { 'not-started': 'immediately', running: 'refused', stopped: 'next-restart' },
  RepeatNumber: { 'not-started': 'immediately', running: 'immediately', stopped: 'immediately' },
  Offset: { 'not-started': 'immediately', running: 'refused', stopped: 'next-restart' },
  CallbackUrl: { 'not-started': 'next-event', running: 'next-event', stopped: 'next-event' },
  FileIndex: { 'not-started': 'immediately', running: 'refused', stopped: 'next-restart' },
} as const satisfies Record<UpdatableParam, Readonly<Record<UpdatePhase, ChangeTiming | 'refused'>>>;

/** One parameter an Update changes and when the change takes effect. */
export interface UpdateChange {
  readonly param: UpdatableParam;
  readonly takesEffect: ChangeTiming;
}

/** What an Update would do to a task in `status`: the accepted changes, and an issue per refused one. */
export interface UpdatePlan {
  readonly changes: readonly UpdateChange[];
  readonly issues: readonly RuleIssue[];
}

const UPDATABLE = Object.keys(UPDATE_RULES) as UpdatableParam[];

/**
 * Sorts an Update's parameters into accepted changes and refusals for a task in `status`.
 * Exit refuses everything with one `CodeTaskNotExist` issue: to the API an exited task is gone.
 * A parameter that is absent or `undefined` is no change; neither is a Region equal to
 * `current.Region` (Region is required on every call to name the live center). Unknown keys are
 * the schema's business and are ignored.
 */
export function planUpdate(status: TaskStatus, params: object, current: Pick<TaskSnapshot, 'Region'>): UpdatePlan {
  const given = params as Readonly<Record<string, unknown>>;
  if (status === TASK_STATES.Exit) {
    return { changes: [], issues: [exitedIssue(given['TaskId'])] };
  }
  const phase = PHASES[status];
  const changes: UpdateChange[] = [];
  const issues: RuleIssue[] = [];
  for (const param of UPDATABLE) {
    const value = given[param];
    if (value === undefined || (param === 'Region' && value === current.Region)) continue;
    const rule = UPDATE_RULES[param][phase];
    if (rule === 'refused') issues.push(startedIssue(param, status, value, current));
    else changes.push({ param, takesEffect: rule });
  }
  return { changes, issues };
}

/**
 * The issues `planUpdate` finds: `CodeTaskHasStarted` per parameter the task's state refuses, or
 * one `CodeTaskNotExist` for an exited task. Empty when the Update may proceed.
 */
export function checkUpdateAllowed(
  status: TaskStatus,
  params: object,
  current: Pick<TaskSnapshot, 'Region'>,
): RuleIssue[] {
  return [...planUpdate(status, params, current).issues];
}

function startedIssue(
  param: UpdatableParam,
  status: Exclude<TaskStatus, -1>,
  value: unknown,
  current: Pick<TaskSnapshot, 'Region'>,
): RuleIssue {
  const phase = PHASES[status];
  const accepted = UPDATABLE.filter((p) => UPDATE_RULES[p][phase] !== 'refused');
  const refused = UPDATABLE.filter((p) => UPDATE_RULES[p][phase] === 'refused');
  const policy =
    phase === 'running'
      ? `a running task accepts only ${listWords(accepted)}`
      : `a stopped task accepts every parameter except ${listWords(refused)}`;
  const regionNote = param === 'Region' ? `; the task runs in ${current.Region}, got ${JSON.stringify(value)}` : '';
  return {
    param,
    code: 'CodeTaskHasStarted',
    message: `${param} cannot change after the task has started (it is ${taskStateName(status)}: ${policy}${regionNote})`,
  };
}

function exitedIssue(taskId: unknown): RuleIssue {
  const named = typeof taskId === 'string' ? `TaskId ${JSON.stringify(taskId)}` : 'TaskId';
  return {
    param: 'TaskId',
    code: 'CodeTaskNotExist',
    message: `${named} names a task that has exited (TaskStatus -1); it can no longer be updated`,
  };
}

const listWords = (words: readonly string[]): string =>
  words.length <= 1 ? words.join('') : `${words.slice(0, -1).join(', ')} and ${words.at(-1) ?? ''}`;
