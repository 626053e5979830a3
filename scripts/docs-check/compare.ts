import { compareProse } from './compare-prose.js';
import type { Difference } from './difference.js';
import type { ErrorDoc, FieldDoc, OperationDoc, ParamDoc } from './doc-model.js';
import type { SpecOperation } from './spec-reader.js';

export type { Difference } from './difference.js';

/** What a vendor source states; an aspect it does not state is never compared. */
export type Aspect =
  | 'operations'
  | 'params'
  | 'bounds'
  | 'style'
  | 'methods'
  | 'response'
  | 'errors'
  | 'lastUpdated'
  | 'prose';

export interface Comparison {
  readonly differences: readonly Difference[];
  /** Things that could not be compared, for the report. */
  readonly notes: readonly string[];
}

/**
 * Compares each vendor operation with the spec's operation of the same action. With the
 * `operations` aspect (the source lists every operation), spec operations the source lacks are
 * differences too.
 */
export function compare(
  vendor: readonly OperationDoc[],
  spec: readonly SpecOperation[],
  aspects: ReadonlySet<Aspect>,
): Comparison {
  const differences: Difference[] = [];
  const notes: string[] = [];
  const specByAction = new Map(spec.map((op) => [op.action, op]));
  for (const source of vendor) {
    const ours = specByAction.get(source.action);
    if (ours === undefined) {
      differences.push(operationPresence(source.action, true, undefined));
      continue;
    }
    const add = (d: Omit<Difference, 'operation'>): void => void differences.push({ operation: source.action, ...d });
    if (aspects.has('params') && source.params !== undefined) compareParams(source.params, ours.params, aspects, add);
    if (aspects.has('methods') && source.methods !== undefined) compareMethods(source.methods, ours.methods, add);
    if (aspects.has('response') && source.responseFields !== undefined)
      compareFields(source.responseFields, ours.responseFields, add);
    if (aspects.has('errors') && source.errors !== undefined) compareErrors(source.errors, ours.errors, add);
    if (aspects.has('prose') && source.prose !== undefined) compareProse(source.prose, ours, add);
    if (aspects.has('lastUpdated') && source.lastUpdated !== undefined) {
      const note = compareDates(source.lastUpdated, ours.lastUpdated, add);
      if (note !== undefined) notes.push(`${source.action}: ${note}`);
    }
  }
  if (aspects.has('operations')) {
    const listed = new Set(vendor.map((op) => op.action));
    for (const op of spec) if (!listed.has(op.action)) differences.push(operationPresence(op.action, undefined, true));
  }
  return { differences, notes };
}

type Add = (difference: Omit<Difference, 'operation'>) => void;

function operationPresence(operation: string, vendorValue: true | undefined, specValue: true | undefined): Difference {
  return { operation, subject: 'operation', parameter: null, field: 'present', ...presence(vendorValue, specValue) };
}

/** Words and values for "listed on one side only". */
function presence(vendorValue: true | undefined, specValue: true | undefined) {
  return {
    vendor: vendorValue === true ? 'present' : 'absent',
    spec: specValue === true ? 'present' : 'absent',
    ...(vendorValue === undefined ? {} : { vendorValue }),
    ...(specValue === undefined ? {} : { specValue }),
  };
}

/** Words for each side plus the raw values, leaving out a value that is undefined. */
function values(vendor: string, spec: string, vendorValue: unknown, specValue: unknown) {
  return {
    vendor,
    spec,
    ...(vendorValue === undefined ? {} : { vendorValue }),
    ...(specValue === undefined ? {} : { specValue }),
  };
}

function compareParams(
  vendor: readonly ParamDoc[],
  spec: readonly ParamDoc[],
  aspects: ReadonlySet<Aspect>,
  add: Add,
): void {
  const ours = new Map(spec.map((p) => [p.name, p]));
  for (const theirs of vendor) {
    const mine = ours.get(theirs.name);
    const param: AddParam = (field, sides) => add({ subject: 'parameter', parameter: theirs.name, field, ...sides });
    if (mine === undefined) {
      param('present', presence(true, undefined));
      continue;
    }
    if (theirs.type !== undefined && theirs.type !== mine.type) {
      param('type', values(theirs.type, mine.type ?? 'no type', theirs.type, mine.type));
    }
    if (theirs.itemType !== undefined && theirs.itemType !== mine.itemType) {
      param('items.type', values(theirs.itemType, mine.itemType ?? 'no item type', theirs.itemType, mine.itemType));
    }
    if (theirs.required !== undefined && theirs.required !== mine.required) {
      param(
        'required',
        values(requiredWord(theirs.required), requiredWord(mine.required), theirs.required, mine.required === true),
      );
    }
    compareEnum(theirs.enum, mine.enum, param);
    if (aspects.has('bounds')) {
      if (theirs.minimum !== mine.minimum)
        param('minimum', values(bound(theirs.minimum), bound(mine.minimum), theirs.minimum, mine.minimum));
      if (theirs.maximum !== mine.maximum)
        param('maximum', values(bound(theirs.maximum), bound(mine.maximum), theirs.maximum, mine.maximum));
    }
    const [theirStyle, myStyle] = [theirs.style ?? 'plain', mine.style ?? 'plain'];
    if (aspects.has('style') && theirStyle !== myStyle)
      param('style', values(styleWord(theirStyle), styleWord(myStyle), theirStyle, myStyle));
  }
  const listed = new Set(vendor.map((p) => p.name));
  for (const mine of spec) {
    if (!listed.has(mine.name))
      add({ subject: 'parameter', parameter: mine.name, field: 'present', ...presence(undefined, true) });
  }
}

type Sides = Pick<Difference, 'vendor' | 'spec' | 'vendorValue' | 'specValue'>;
type AddParam = (field: string, sides: Sides) => void;

/** One difference per value listed on one side only; a whole list when the other side has none. */
function compareEnum(
  vendor: readonly string[] | undefined,
  spec: readonly string[] | undefined,
  param: AddParam,
): void {
  if (vendor === undefined && spec === undefined) return;
  const sides = (vendorWords: string, specWords: string): Sides => values(vendorWords, specWords, vendor, spec);
  if (vendor === undefined || spec === undefined) {
    param('enum', sides(vendor?.join(', ') ?? 'no enumeration', spec?.join(', ') ?? 'no enumeration'));
    return;
  }
  for (const value of vendor)
    if (!spec.includes(value)) param('enum', sides(`allows '${value}'`, `does not allow '${value}'`));
  for (const value of spec)
    if (!vendor.includes(value)) param('enum', sides(`does not allow '${value}'`, `allows '${value}'`));
}

function compareMethods(vendor: readonly string[], spec: readonly string[], add: Add): void {
  const theirs = [...vendor].sort().join(', ');
  const mine = [...spec].sort().join(', ');
  if (theirs !== mine)
    add({ subject: 'operation', parameter: null, field: 'methods', ...values(theirs, mine, vendor, spec) });
}

function compareFields(vendor: readonly FieldDoc[], spec: readonly FieldDoc[], add: Add): void {
  const ours = new Map(spec.map((f) => [f.name, f]));
  for (const theirs of vendor) {
    const mine = ours.get(theirs.name);
    const field = (name: string, sides: Sides): void =>
      add({ subject: 'response field', parameter: theirs.name, field: name, ...sides });
    if (mine === undefined) field('response.present', presence(true, undefined));
    else if (theirs.type !== undefined && theirs.type !== mine.type) {
      field('response.type', values(theirs.type, mine.type ?? 'no type', theirs.type, mine.type));
    }
  }
  const listed = new Set(vendor.map((f) => f.name));
  for (const mine of spec) {
    if (!listed.has(mine.name)) {
      add({ subject: 'response field', parameter: mine.name, field: 'response.present', ...presence(undefined, true) });
    }
  }
}

/** Gateway codes are shared by every operation, so an operation's own table need not list them. */
function compareErrors(vendor: readonly ErrorDoc[], spec: readonly ErrorDoc[], add: Add): void {
  const ours = new Map(spec.map((e) => [e.code, e]));
  for (const theirs of vendor) {
    const mine = ours.get(theirs.code);
    const error = (field: string, sides: Sides): void =>
      add({ subject: 'error', parameter: theirs.code, field, ...sides });
    if (mine === undefined) {
      const words = `HTTP ${theirs.status}${theirs.message === undefined ? '' : ` "${theirs.message}"`}`;
      error('errors', values(words, 'absent', true, undefined));
      continue;
    }
    if (theirs.status !== mine.status)
      error('status', values(`HTTP ${theirs.status}`, `HTTP ${mine.status}`, theirs.status, mine.status));
    if (theirs.message !== undefined && mine.message !== undefined && squash(theirs.message) !== squash(mine.message)) {
      error('message', values(`"${theirs.message}"`, `"${mine.message}"`, theirs.message, mine.message));
    }
  }
  const listed = new Set(vendor.map((e) => e.code));
  for (const mine of spec) {
    if (!listed.has(mine.code) && mine.gateway !== true) {
      add({
        subject: 'error',
        parameter: mine.code,
        field: 'errors',
        ...values('absent', `HTTP ${mine.status}`, undefined, true),
      });
    }
  }
}

const FULL_DATE = /^\d{4}-\d{2}-\d{2}$/;

/** Returns a note when the dates cannot be compared (the spec records `unknown` or only a month). */
function compareDates(vendor: string, spec: string | undefined, add: Add): string | undefined {
  if (!FULL_DATE.test(vendor) || spec === undefined || !FULL_DATE.test(spec)) {
    return `page dated ${vendor}, spec records ${spec ?? 'no date'}: not comparable`;
  }
  if (vendor !== spec)
    add({ subject: 'operation', parameter: null, field: 'lastUpdated', ...values(vendor, spec, vendor, spec) });
  return undefined;
}

function requiredWord(required: boolean | undefined): string {
  return required === true ? 'required' : 'optional';
}

function bound(value: number | undefined): string {
  return value === undefined ? 'none' : String(value);
}

function styleWord(style: ParamDoc['style']): string {
  return style === 'json' ? 'json (one JSON-encoded string)' : 'plain';
}

function squash(text: string): string {
  return text.replace(/\s+/g, ' ').trim();
}
