import type { Difference } from './difference.js';
import type { OperationProse, ParamProse, Stated, StateRule, UpdateRows } from './doc-model.js';

/** What the spec says that a page's prose can be compared with. */
export interface SpecProse {
  readonly prose: OperationProse;
  readonly updateRows?: UpdateRows;
}

type Add = (difference: Omit<Difference, 'operation'>) => void;

const TIMINGS: ReadonlySet<string> = new Set([
  'immediately',
  'after-current-video',
  'next-restart',
  'next-event',
  'first-video-only',
]);

/**
 * One difference per prose rule the page states and the spec says otherwise: a parameter's
 * limits, default, counts and protocols per SourceType, the time window and the effect of an
 * update; the QPS limit; each state bullet. What the page does not state is not compared. The
 * vendor side names the sentence it was read from.
 */
export function compareProse(vendor: OperationProse, spec: SpecProse, add: Add): void {
  if (vendor.qpsLimit !== undefined && vendor.qpsLimit.value !== spec.prose.qpsLimit?.value) {
    add({ subject: 'operation', parameter: null, field: 'qps', ...sides(vendor.qpsLimit, spec.prose.qpsLimit?.value) });
  }
  for (const [name, theirs] of Object.entries(vendor.params)) {
    const mine = spec.prose.params[name];
    if (mine === undefined) continue;
    compareParam(theirs, mine, spec.updateRows?.[name], (field, s) =>
      add({ subject: 'parameter', parameter: name, field, ...s }),
    );
  }
  if (spec.updateRows !== undefined) {
    for (const rule of vendor.stateRules) compareStateRule(rule, spec.updateRows, add);
  }
}

type Sides = Pick<Difference, 'vendor' | 'spec' | 'vendorValue' | 'specValue'>;

function compareParam(
  theirs: ParamProse,
  mine: ParamProse,
  row: Readonly<Record<string, string>> | undefined,
  param: (field: string, sides: Sides) => void,
): void {
  for (const field of ['maxLength', 'minimum', 'default', 'maxTaskDays'] as const) {
    const stated = theirs[field];
    if (stated !== undefined && stated.value !== mine[field]?.value) param(field, sides(stated, mine[field]?.value));
  }
  for (const [type, stated] of Object.entries(theirs.maxItemsBySourceType ?? {})) {
    const ours = mine.maxItemsBySourceType?.[type]?.value;
    if (stated.value !== ours) param(`maxItems.${type}`, sides(stated, ours));
  }
  for (const [type, stated] of Object.entries(theirs.protocolsBySourceType ?? {})) {
    const ours = mine.protocolsBySourceType?.[type]?.value;
    if (!sameSet(stated.value, ours)) param(`protocols.${type}`, sides(stated, ours));
  }
  if (theirs.effect !== undefined && row !== undefined) {
    const ours = effectTokens(row);
    if (!sameSet(theirs.effect.value, ours)) param('effect', sides(theirs.effect, ours));
  }
}

/**
 * The spec's row as the tokens the pages' notes use, for the phases the notes speak of (running,
 * stopped, ended; before the start nothing runs, so the notes are silent about it).
 */
export function effectTokens(row: Readonly<Record<string, string>>): string[] {
  const tokens = new Set<string>();
  for (const phase of ['running', 'stopped', 'ended']) {
    const outcome = row[phase];
    if (outcome !== undefined && TIMINGS.has(outcome)) tokens.add(outcome);
  }
  if (row['running'] === 'refused' && TIMINGS.has(row['stopped'] ?? '')) tokens.add('only-when-stopped');
  if (row['running'] === 'no-effect' || row['stopped'] === 'no-effect') tokens.add('no-effect-after-start');
  if (row['ended'] === 'no-effect') tokens.add('no-effect-after-end');
  return [...tokens].sort();
}

/**
 * A state bullet against the spec's phase: the parameters it lets change (the page's "only …",
 * "all except …", resolved against the spec's updatable parameters) and the timing it states.
 */
function compareStateRule(rule: StateRule, rows: UpdateRows, add: Add): void {
  const updatable = Object.keys(rows);
  const theirs =
    rule.accepts === 'all'
      ? updatable
      : rule.accepts === 'only'
        ? updatable.filter((p) => rule.params.includes(p))
        : updatable.filter((p) => !rule.params.includes(p));
  const ours = updatable.filter((p) => TIMINGS.has(rows[p]?.[rule.phase] ?? ''));
  const timings = [...new Set(ours.map((p) => rows[p]?.[rule.phase] ?? ''))].sort();
  const timingDiffers = rule.effect !== undefined && !(timings.length === 1 && timings[0] === rule.effect);
  if (sameSet(theirs, ours) && !timingDiffers) return;
  const vendorValue = {
    accepts: rule.accepts,
    params: [...rule.params],
    ...(rule.effect === undefined ? {} : { effect: rule.effect }),
  };
  const words = rule.accepts === 'all' ? 'all parameters' : `${rule.accepts} ${rule.params.join(', ')}`;
  add({
    subject: 'task state',
    parameter: rule.phase,
    field: 'state-rule',
    vendor: `${words}${rule.effect === undefined ? '' : `, ${rule.effect}`} ("${rule.sentence ?? ''}")`,
    spec: `${ours.length === 0 ? 'none' : ours.join(', ')} (${timings.join(', ') || 'no change'})`,
    vendorValue,
    specValue: { accepts: 'only', params: ours, effect: timings },
  });
}

function sides(stated: Stated<unknown>, spec: unknown): Sides {
  return {
    vendor: `${show(stated.value)}${stated.sentence === undefined ? '' : ` ("${stated.sentence}")`}`,
    spec: show(spec),
    vendorValue: stated.value,
    ...(spec === undefined ? {} : { specValue: spec }),
  };
}

function show(value: unknown): string {
  if (value === undefined || value === null) return 'none';
  return Array.isArray(value) ? value.join(', ') : String(value);
}

function sameSet(a: readonly string[] | undefined, b: readonly string[] | undefined): boolean {
  const left = [...(a ?? [])].map((s) => s.toLowerCase()).sort();
  const right = [...(b ?? [])].map((s) => s.toLowerCase()).sort();
  return left.length === right.length && left.every((v, i) => v === right[i]);
}
