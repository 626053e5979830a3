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
 * The situations the Update doc distinguishes: before StartTime (Idle), running (Running, and
 * Recovering, "even if the task is in an abnormal retry state"), stopped (Offline), and ended
 * (Exit, while the task is still visible).
 */
export type UpdatePhase = 'not-started' | 'running' | 'stopped' | 'ended';

const PHASES: Readonly<Record<TaskStatus, UpdatePhase>> = {
  '0': 'not-started',
  '1': 'running',
  '2': 'running',
  '3': 'stopped',
  '-1': 'ended',
};

/**
 * When an accepted change takes effect. `immediately`: the task uses it from now on (for a task
 * not yet started, from its start). `next-restart`: stored now, used when RestartLivePullToPush
 * next starts the task. `next-event`: used from the next callback event on.
 */
export type ChangeTiming = 'immediately' | 'next-restart' | 'next-event';

/**
 * What the table says of a parameter in a phase: accepted with a timing, `no-effect` (answered
 * with success and left unchanged: the seed's "the update does not take effect"), or `refused`
 * (`CodeTaskHasStarted`; `CodeTaskNotExist` once the task has ended).
 */
export type UpdateRule = ChangeTiming | 'no-effect' | 'refused';

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
 *   lacks).
 * - StartTime once started and EndTime once ended: "the update does not take effect", so the
 *   call succeeds and the value stays as it was; every other change to an ended task is refused.
 * SourceUrls/Offset on a stopped task: the seed says "takes effect immediately", newer pages say
 * "after the task is restarted". For a stopped task both mean the same: only a restart runs it
 * again, so we say `next-restart`, as FileIndex's doc does.
 *
 * Rows follow the doc's parameter order, which is also the order of reported issues. `satisfies`
 * makes a parameter added to the spec a compile error here until it is placed.
 */
export const UPDATE_RULES = {
  Region: { 'not-started': 'immediately', running: 'refused', stopped: 'refused', ended: 'refused' },
  StartTime: { 'not-started': 'immediately', running: 'no-effect', stopped: 'no-effect', ended: 'refused' },
  EndTime: { 'not-started': 'immediately', running: 'refused', stopped: 'immediately', ended: 'no-effect' },
  SourceUrls: { 'not-started': 'immediately', running: 'refused', stopped: 'next-restart', ended: 'refused' },
  RepeatNumber: { 'not-started': 'immediately', running: 'immediately', stopped: 'immediately', ended: 'refused' },
  Offset: { 'not-started': 'immediately', running: 'refused', stopped: 'next-restart', ended: 'refused' },
  CallbackUrl: { 'not-started': 'next-event', running: 'next-event', stopped: 'next-event', ended: 'refused' },
  FileIndex: { 'not-started': 'immediately', running: 'refused', stopped: 'next-restart', ended: 'refused' },
} as const satisfies Record<UpdatableParam, Readonly<Record<UpdatePhase, UpdateRule>>>;

/** One parameter an Update changes and when the change takes effect. */
export interface UpdateChange {
  readonly param: UpdatableParam;
  readonly takesEffect: ChangeTiming;
}

/**
 * What an Update would do to a task in `status`: the accepted changes, the parameters accepted
 * without effect, and an issue per refused one.
 */
export interface UpdatePlan {
  readonly changes: readonly UpdateChange[];
  readonly ignored: readonly UpdatableParam[];
  readonly issues: readonly RuleIssue[];
}

const UPDATABLE = Object.keys(UPDATE_RULES) as UpdatableParam[];

/**
 * Sorts an Update's parameters into accepted changes, no-effect parameters and refusals for a
 * task in `status`. An ended task accepts only an EndTime (without effect); anything else, or
 * nothing at all, is one `CodeTaskNotExist` issue: to the API an exited task is gone.
 * A parameter that is absent or `undefined` is no change; neither is a Region equal to
 * `current.Region` (Region is required on every call to name the live center). Unknown keys are
 * the schema's business and are ignored.
 */
export function planUpdate(status: TaskStatus, params: object, current: Pick<TaskSnapshot, 'Region'>): UpdatePlan {
  const given = params as Readonly<Record<string, unknown>>;
  const phase = PHASES[status];
  const changes: UpdateChange[] = [];
  const ignored: UpdatableParam[] = [];
  const issues: RuleIssue[] = [];
  for (const param of UPDATABLE) {
    const value = given[param];
    if (value === undefined || (param === 'Region' && value === current.Region)) continue;
    const rule: UpdateRule = UPDATE_RULES[param][phase];
    if (rule === 'no-effect') ignored.push(param);
    else if (rule !== 'refused') changes.push({ param, takesEffect: rule });
    else if (status !== TASK_STATES.Exit) issues.push(startedIssue(param, status, value, current));
    else if (issues.length === 0) issues.push(exitedIssue(given['TaskId']));
  }
  if (status === TASK_STATES.Exit && (issues.length > 0 || ignored.length === 0)) {
    return { changes: [], ignored: [], issues: issues.length > 0 ? issues : [exitedIssue(given['TaskId'])] };
  }
  return { changes, ignored, issues };
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
  const accepted = UPDATABLE.filter((p) => !['refused', 'no-effect'].includes(UPDATE_RULES[p][phase]));
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
