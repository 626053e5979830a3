import type { Difference } from './difference.js';
import type { OperationProse, PageCoverage, ParamProse, Stated, StateRule, UpdateRows } from './doc-model.js';
import { BULLET_PHASES } from './page-prose.js';

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
 * update; the QPS limit; each state bullet. The vendor side names the sentence it was read from.
 * A rule the spec has and the page does not state is a difference too ("not stated"), where the
 * page shows the place for it: the QPS section, a parameter's notes, the description's bullets.
 */
export function compareProse(vendor: OperationProse, spec: SpecProse, report: Add): void {
  const add = onceEach(report);
  const specQps = spec.prose.qpsLimit?.value;
  if (vendor.qpsLimit !== undefined && vendor.qpsLimit.value !== specQps) {
    add({ subject: 'operation', parameter: null, field: 'qps', ...sides(vendor.qpsLimit, specQps) });
  }
  const page = vendor.page;
  if (vendor.qpsLimit === undefined && page !== undefined && specQps !== undefined) {
    add({ subject: 'operation', parameter: null, field: 'qps', ...notStated(page.unreadQps, specQps) });
  }
  for (const [name, theirs] of [...Object.entries(vendor.params), ...Object.entries(page?.itemParams ?? {})]) {
    const mine = spec.prose.params[name];
    if (mine === undefined) continue;
    compareParam(theirs, mine, spec.updateRows?.[name], (field, s) =>
      add({ subject: 'parameter', parameter: name, field, ...s }),
    );
  }
  if (page !== undefined) compareSilence(vendor, page, spec, add);
  if (spec.updateRows !== undefined) {
    for (const rule of vendor.stateRules) compareStateRule(rule, spec.updateRows, add);
  }
}

/** `add` that passes on one difference per rule and vendor value (an item row repeats its array's notes). */
function onceEach(add: Add): Add {
  const seen = new Set<string>();
  return (d) => {
    const key = JSON.stringify([d.subject, d.parameter, d.field, d.vendorValue ?? null]);
    if (seen.has(key)) return;
    seen.add(key);
    add(d);
  };
}

/**
 * The rules the spec has that the page leaves out: in the notes of a parameter it describes (a
 * limit, a default, a count or protocols per SourceType, when a change takes effect), the time
 * window in no parameter's notes, a task phase with no bullet.
 */
function compareSilence(vendor: OperationProse, page: PageCoverage, spec: SpecProse, add: Add): void {
  for (const name of page.described) {
    const mine = spec.prose.params[name];
    if (mine === undefined) continue;
    const theirs = vendor.params[name] ?? {};
    const param = (field: string, value: unknown) =>
      add({ subject: 'parameter', parameter: name, field, ...notStated(undefined, value) });
    for (const field of ['maxLength', 'minimum', 'default'] as const) {
      const ours = mine[field]?.value;
      if (ours !== undefined && theirs[field] === undefined) param(field, ours);
    }
    for (const [type, ours] of Object.entries(mine.maxItemsBySourceType ?? {}))
      if (theirs.maxItemsBySourceType?.[type] === undefined) param(`maxItems.${type}`, ours.value);
    for (const [type, ours] of Object.entries(mine.protocolsBySourceType ?? {}))
      if (theirs.protocolsBySourceType?.[type] === undefined) param(`protocols.${type}`, ours.value);
    const row = spec.updateRows?.[name];
    const effects = row === undefined ? [] : effectTokens(row);
    if (effects.length > 0 && theirs.effect === undefined) param('effect', effects);
  }
  const days = Object.values(spec.prose.params).find((p) => p.maxTaskDays !== undefined)?.maxTaskDays?.value;
  const stated = [...Object.values(vendor.params), ...Object.values(page.itemParams)].some(
    (p) => p.maxTaskDays !== undefined,
  );
  if (days !== undefined && !stated) {
    add({ subject: 'operation', parameter: null, field: 'maxTaskDays', ...notStated(undefined, days) });
  }
  if (spec.updateRows === undefined) return;
  const others = page.otherBullets.map((bullet) => `"${bullet}"`).join('; ');
  for (const phase of BULLET_PHASES) {
    if (vendor.stateRules.some((rule) => rule.phase === phase)) continue;
    const ours = specPhase(spec.updateRows, phase);
    add({
      subject: 'task state',
      parameter: phase,
      field: 'state-rule',
      vendor: `not stated${others === '' ? '' : ` (no bullet for this state; the others: ${others})`}`,
      spec: ours.words,
      specValue: ours.value,
    });
  }
}

/** The vendor side of a rule the page does not state, with the text where it was looked for. */
function notStated(text: string | undefined, spec: unknown): Sides {
  return { vendor: `not stated${text === undefined ? '' : ` ("${text}")`}`, spec: show(spec), specValue: spec };
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
  const { value: mine, words: specWords } = specPhase(rows, rule.phase);
  const ours = mine.params;
  const timings = mine.effect;
  const timingDiffers = rule.effect !== undefined && !(timings.length === 1 && timings[0] === rule.effect);
  if (sameSet(theirs, ours) && !timingDiffers) return;
  const vendorValue = {
    accepts: rule.accepts,
    params: [...rule.params],
    ...(rule.effect === undefined ? {} : { effect: rule.effect }),
  };
  const words = rule.params.includes('unread')
    ? 'unread'
    : rule.accepts === 'all'
      ? 'all parameters'
      : `${rule.accepts} ${rule.params.join(', ')}`;
  add({
    subject: 'task state',
    parameter: rule.phase,
    field: 'state-rule',
    vendor: `${words}${rule.effect === undefined ? '' : `, ${rule.effect}`} ("${rule.sentence ?? ''}")`,
    spec: specWords,
    vendorValue,
    specValue: mine,
  });
}

/** The parameters the spec lets a phase change and their timings, as data and in words. */
function specPhase(rows: UpdateRows, phase: string) {
  const params = Object.keys(rows).filter((p) => TIMINGS.has(rows[p]?.[phase] ?? ''));
  const effect = [...new Set(params.map((p) => rows[p]?.[phase] ?? ''))].sort();
  return {
    value: { accepts: 'only', params, effect },
    words: `${params.length === 0 ? 'none' : params.join(', ')} (${effect.join(', ') || 'no change'})`,
  };
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
