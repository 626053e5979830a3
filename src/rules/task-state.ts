import {
  schemaEnumNames,
  type UpdatableParam,
  type UpdateOutcome,
  type UpdatePhase,
  type UpdatePhaseSpec,
  type UpdateTiming,
  updateRules,
} from '../../generated/operations.js';
import type { TaskStatus } from './api-types.js';
import { RULE_ERROR_CODES, type RuleErrorCode, type RuleIssue } from './rule-issue.js';
import type { TaskSnapshot } from './task-snapshot.js';

export type { UpdatableParam, UpdateOutcome, UpdatePhase };

/** The API's TaskStatus numbers by state name (the spec's `x-enum-varnames`), e.g. `Running` → 1. */
export const TASK_STATES = schemaEnumNames.TaskStatus satisfies Readonly<Record<string, TaskStatus>>;

export type TaskStateName = keyof typeof TASK_STATES;

const STATE_NAMES = new Map<TaskStatus, TaskStateName>(
  (Object.entries(TASK_STATES) as [TaskStateName, TaskStatus][]).map(([name, status]) => [status, name]),
);

/** `1` → `'Running'`. */
export const taskStateName = (status: TaskStatus): TaskStateName => {
  const name = STATE_NAMES.get(status);
  // The generator gives every TaskStatus value a name.
  if (name === undefined) throw new RangeError(`no name for TaskStatus ${status}`);
  return name;
};

/** When an accepted change takes effect (the spec's vocabulary, `x-acs-update-rules`). */
export type ChangeTiming = UpdateTiming;

/**
 * What the table says of a parameter in a phase: accepted with a timing, `no-effect` (answered
 * with success and left unchanged: the seed's "the update does not take effect"), or `refused`
 * with the phase's code.
 */
export type UpdateRule = UpdateOutcome;

/**
 * Which Update parameters each phase accepts and when each takes effect, as the spec's
 * `x-acs-update-rules` says (spec/decisions.md D-01); generated, never restated here.
 */
export const UPDATE_RULES = updateRules.params;

for (const phase of updateRules.phases) {
  if (!(RULE_ERROR_CODES as readonly string[]).includes(phase.refusal)) {
    throw new Error(
      `x-acs-update-rules: phase ${phase.name} refuses with ${phase.refusal}, which no rule answers with`,
    );
  }
}

const PHASES = new Map<TaskStatus, UpdatePhaseSpec>(
  updateRules.phases.flatMap((phase) => phase.statuses.map((status) => [status, phase] as const)),
);
const UPDATABLE = Object.keys(UPDATE_RULES) as UpdatableParam[];
const UNCHANGED_WHEN_EQUAL: ReadonlySet<string> = new Set(updateRules.unchangedWhenEqual);

/** One parameter an Update changes and when the change takes effect. */
export interface UpdateChange {
  readonly param: UpdatableParam;
  readonly takesEffect: ChangeTiming;
}

/**
 * What an Update would do to a task in `status`: the accepted changes, the parameters accepted
 * without effect (answered with success, value unchanged), and an issue per refused one.
 */
export interface UpdatePlan {
  readonly changes: readonly UpdateChange[];
  readonly ignored: readonly UpdatableParam[];
  readonly issues: readonly RuleIssue[];
}

/** The phase of the Update table a TaskStatus belongs to. */
export function updatePhase(status: TaskStatus): UpdatePhaseSpec {
  const phase = PHASES.get(status);
  // The generator refuses a table that leaves a TaskStatus out.
  if (phase === undefined) throw new RangeError(`no Update phase for TaskStatus ${status}`);
  return phase;
}

/**
 * Sorts an Update's parameters into accepted changes, no-effect parameters and refusals for a
 * task in `status`. A phase whose refusals are task-wide (an exited task: to the API it is gone)
 * answers one issue when anything is refused or nothing is accepted. A parameter that is absent
 * or `undefined` is no change; neither is a Region equal to `current.Region` (Region is required
 * on every call to name the live center). Unknown keys are the schema's business and are ignored.
 */
export function planUpdate(status: TaskStatus, params: object, current: Pick<TaskSnapshot, 'Region'>): UpdatePlan {
  const given = params as Readonly<Record<string, unknown>>;
  const phase = updatePhase(status);
  const changes: UpdateChange[] = [];
  const ignored: UpdatableParam[] = [];
  const refused: UpdatableParam[] = [];
  for (const param of UPDATABLE) {
    const value = given[param];
    if (value === undefined || (UNCHANGED_WHEN_EQUAL.has(param) && value === currentValue(current, param))) continue;
    const outcome: UpdateOutcome = UPDATE_RULES[param][phase.name];
    if (outcome === 'refused') refused.push(param);
    else if (outcome === 'no-effect') ignored.push(param);
    else changes.push({ param, takesEffect: outcome });
  }
  if (phase.refusalScope === 'task' && (refused.length > 0 || changes.length + ignored.length === 0)) {
    return { changes: [], ignored: [], issues: [goneIssue(phase, status, given['TaskId'])] };
  }
  const issues = refused.map((param) => refusedIssue(param, phase, status, given[param], current));
  return { changes, ignored, issues };
}

/**
 * The issues `planUpdate` finds: one per parameter the task's state refuses, or one for the whole
 * call when the state refuses task-wide. Empty when the Update may proceed.
 */
export function checkUpdateAllowed(
  status: TaskStatus,
  params: object,
  current: Pick<TaskSnapshot, 'Region'>,
): RuleIssue[] {
  return [...planUpdate(status, params, current).issues];
}

const currentValue = (current: Pick<TaskSnapshot, 'Region'>, param: string): unknown =>
  (current as Readonly<Record<string, unknown>>)[param];

function refusedIssue(
  param: UpdatableParam,
  phase: UpdatePhaseSpec,
  status: TaskStatus,
  value: unknown,
  current: Pick<TaskSnapshot, 'Region'>,
): RuleIssue {
  const accepted = UPDATABLE.filter((p) => !['refused', 'no-effect'].includes(UPDATE_RULES[p][phase.name]));
  const refused = UPDATABLE.filter((p) => UPDATE_RULES[p][phase.name] === 'refused');
  const word = phase.name.replace('-', ' ');
  // Say it the shorter way, as the vendor page does: "only …" or "all except …".
  const policy =
    accepted.length <= refused.length
      ? `a ${word} task accepts only ${listWords(accepted)}`
      : `a ${word} task accepts every parameter except ${listWords(refused)}`;
  const currentNote = UNCHANGED_WHEN_EQUAL.has(param)
    ? `; the task's ${param} is ${String(currentValue(current, param))}, got ${JSON.stringify(value)}`
    : '';
  return {
    param,
    code: phase.refusal as RuleErrorCode,
    message: `${param} cannot change after the task has started (it is ${taskStateName(status)}: ${policy}${currentNote})`,
  };
}

function goneIssue(phase: UpdatePhaseSpec, status: TaskStatus, taskId: unknown): RuleIssue {
  const named = typeof taskId === 'string' ? `TaskId ${JSON.stringify(taskId)}` : 'TaskId';
  return {
    param: 'TaskId',
    code: phase.refusal as RuleErrorCode,
    message: `${named} names a task that has exited (TaskStatus ${status}); it can no longer be updated`,
  };
}

const listWords = (words: readonly string[]): string =>
  words.length <= 1 ? words.join('') : `${words.slice(0, -1).join(', ')} and ${words.at(-1) ?? ''}`;
