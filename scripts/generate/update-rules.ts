/**
 * `x-acs-update-rules` of the Update operation → the table generated/operations.js exports as
 * `updateRules`: which parameters each task phase accepts, the code of a refusal, and when an
 * accepted change takes effect. Every Update parameter that can change gets a row; one the spec
 * does not list gets the `unlisted` row, so a parameter added to the spec is placed without a
 * hand edit.
 */
import type { OperationModel } from './operation-model.js';
import { child, isObject, type Json, type JsonObject } from './spec-document.js';

/** When an accepted change takes effect. */
export const UPDATE_TIMINGS = [
  'immediately',
  'after-current-video',
  'next-restart',
  'next-event',
  'first-video-only',
] as const;
/** Every value a cell may take: a timing, accepted without effect, or refused with the phase's code. */
export const UPDATE_OUTCOMES = [...UPDATE_TIMINGS, 'no-effect', 'refused'] as const;

/**
 * The table as data; throws naming the rule it breaks. `taskStatuses` are the values of the
 * spec's `TaskStatus` enumeration: every one must belong to exactly one phase.
 */
export function readUpdateRules(
  op: OperationModel,
  raw: Json | undefined,
  errorCodes: ReadonlySet<string>,
  taskStatuses: readonly Json[],
): JsonObject {
  const where = `${op.action} x-acs-update-rules`;
  const STATUSES: ReadonlySet<Json> = new Set(taskStatuses);
  if (!isObject(raw)) throw new Error(`${where}: expected a mapping`);
  const phasesRaw = raw['phases'];
  if (!Array.isArray(phasesRaw) || phasesRaw.length === 0) throw new Error(`${where}: phases must be a list`);
  const seenStatus = new Set<Json>();
  const phases = phasesRaw.map((p, i): JsonObject => {
    if (!isObject(p)) throw new Error(`${where}: phases[${i}] is not a mapping`);
    const { name, statuses, title, refusal, refusalScope } = p;
    if (typeof name !== 'string' || typeof title !== 'string')
      throw new Error(`${where}: phases[${i}] needs name and title`);
    if (!Array.isArray(statuses) || statuses.some((s) => !STATUSES.has(s) || seenStatus.has(s))) {
      throw new Error(`${where}: phase ${name}: statuses must be distinct TaskStatus values`);
    }
    for (const s of statuses) seenStatus.add(s);
    if (typeof refusal !== 'string' || !errorCodes.has(refusal)) {
      throw new Error(`${where}: phase ${name}: refusal must be an error code of ${op.action}`);
    }
    const scope = refusalScope ?? 'parameter';
    if (scope !== 'parameter' && scope !== 'task') throw new Error(`${where}: phase ${name}: bad refusalScope`);
    return { name, statuses, title, refusal, refusalScope: scope };
  });
  if (seenStatus.size !== STATUSES.size) throw new Error(`${where}: every TaskStatus must belong to a phase`);
  const phaseNames = phases.map((p) => p.name as string);
  const identifying = names(raw['identifying'], `${where}: identifying`);
  const unchangedWhenEqual = names(raw['unchangedWhenEqual'], `${where}: unchangedWhenEqual`);
  const unlisted = row(raw['unlisted'], phaseNames, `${where}: unlisted`);
  const listed = child(raw, 'params');
  const declared = op.params.map((p) => p.name);
  for (const name of [...Object.keys(listed), ...identifying, ...unchangedWhenEqual]) {
    if (!declared.includes(name)) throw new Error(`${where}: ${name} is not a parameter of ${op.action}`);
  }
  const params: JsonObject = {};
  for (const name of declared) {
    if (identifying.includes(name)) continue;
    params[name] = listed[name] === undefined ? unlisted : row(listed[name], phaseNames, `${where}: ${name}`);
  }
  return { phases, identifying, unchangedWhenEqual, unlisted, params };
}

function names(value: Json | undefined, where: string): string[] {
  if (value === undefined) return [];
  if (!Array.isArray(value) || !value.every((v) => typeof v === 'string')) throw new Error(`${where}: expected names`);
  return value as string[];
}

function row(value: Json | undefined, phases: readonly string[], where: string): JsonObject {
  if (!isObject(value)) throw new Error(`${where}: expected a mapping of phase to outcome`);
  const out: JsonObject = {};
  for (const phase of phases) {
    const cell = value[phase];
    if (typeof cell !== 'string' || !(UPDATE_OUTCOMES as readonly string[]).includes(cell)) {
      throw new Error(`${where}: ${phase} must be one of ${UPDATE_OUTCOMES.join(', ')}`);
    }
    out[phase] = cell;
  }
  const extra = Object.keys(value).filter((k) => !phases.includes(k));
  if (extra.length > 0) throw new Error(`${where}: unknown phase ${extra.join(', ')}`);
  return out;
}
