import { isMap, isSeq } from 'yaml';
import type { OperationDoc, ParamDoc, ParamProse } from '../docs-check/doc-model.js';
import type { ReviewedDifference } from '../docs-check/report.js';
import type { VendorSource } from '../docs-check/review.js';
import type { EditableSpec } from './spec-document.js';

/** One edit spec:sync makes to the spec, described for the report. */
export interface PlannedChange {
  /** `UpdateLivePullToPush parameter Priority: add (integer, optional)`. */
  readonly summary: string;
  readonly apply: (spec: EditableSpec) => void;
}

/** A difference spec:sync leaves to a person, and why. */
export interface ManualItem {
  readonly difference: ReviewedDifference;
  readonly reason: string;
}

export interface SyncPlan {
  readonly changes: readonly PlannedChange[];
  /** Differences a decision in decisions.md accepts: listed, never touched. */
  readonly kept: readonly ReviewedDifference[];
  readonly manual: readonly ManualItem[];
}

/** Prose rules whose value spec:sync writes into a schema keyword or an extension. */
const PROSE_KEYWORDS: Readonly<Record<string, string>> = { maxLength: 'maxLength', default: 'default' };

/**
 * Turns reviewed differences into edits. A difference accepted by a decision is kept as the spec
 * has it; one whose decision is stale goes to a person (the decision must be revisited first);
 * rules that need judgement (the task-state table, effects, response fields) too. Everything
 * else is made to say what the vendor says.
 */
export function planChanges(differences: readonly ReviewedDifference[], source: VendorSource): SyncPlan {
  const changes: PlannedChange[] = [];
  const kept: ReviewedDifference[] = [];
  const manual: ManualItem[] = [];
  /** Edits already planned for a rule several differences report (an enumeration, the window). */
  const enumDone = new Set<string>();
  const vendorOps = new Map(source.operations.map((op) => [op.action, op]));
  for (const d of differences) {
    if (d.decision !== undefined) {
      kept.push(d);
      continue;
    }
    if (d.stale !== undefined) {
      manual.push({
        difference: d,
        reason: `a decision covers it but no longer matches (${d.stale}); revisit it first`,
      });
      continue;
    }
    const vendorOp = vendorOps.get(d.operation);
    const planned = plan(d, vendorOp, source, enumDone);
    if (typeof planned === 'string') manual.push({ difference: d, reason: planned });
    else if (planned !== undefined) changes.push(planned);
  }
  return { changes, kept, manual };
}

function plan(
  d: ReviewedDifference,
  vendorOp: OperationDoc | undefined,
  source: VendorSource,
  enumDone: Set<string>,
): PlannedChange | string | undefined {
  const where = `${d.operation}${d.parameter === null ? '' : ` ${d.subject} ${d.parameter}`}`;
  const change = (what: string, apply: (s: EditableSpec) => void): PlannedChange => ({
    summary: `${where}: ${what}`,
    apply,
  });
  if (d.subject === 'operation') {
    if (d.field === 'methods' && Array.isArray(d.vendorValue)) {
      const methods = ['GET', 'POST'].filter((m) => (d.vendorValue as string[]).includes(m));
      return change(`x-acs-methods ${d.spec} → ${methods.join(', ')}`, (s) =>
        s.setList(s.operation(d.operation), 'x-acs-methods', methods),
      );
    }
    if (d.field === 'qps') {
      // Written for one operation, the spec would no longer generate (every operation must repeat info's limit).
      return "the spec has one per-account limit (info's x-acs-qps-limit) that every operation repeats, and the client and the emulator share it across operations: change it everywhere, or give the operations limits of their own, by hand";
    }
    if (d.field === 'lastUpdated' && typeof d.vendorValue === 'string') {
      const date = d.vendorValue;
      return change(`x-acs-doc.lastUpdated ${d.spec} → ${date}`, (s) => {
        const doc = s.operation(d.operation).get('x-acs-doc', true);
        if (isMap(doc)) doc.set('lastUpdated', date);
      });
    }
    return `${d.field} of an operation is not edited automatically`;
  }
  if (d.subject === 'error') return planError(d, source, change);
  if (d.subject !== 'parameter' || d.parameter === null) return `${d.subject} ${d.field} needs a hand edit`;
  const name = d.parameter;
  const paramOf = (s: EditableSpec) => {
    const found = s.parameter(d.operation, name);
    if (found === undefined) throw new Error(`${d.operation}: parameter ${name} vanished`);
    return found.param;
  };
  // A page that stops stating a rule is weaker evidence than a value: a person decides.
  const proseRule = /^(?:maxLength|minimum|default|maxItems\.\w+|protocols\.\w+)$/.test(d.field);
  if (source.kind === 'doc-difference' && proseRule && d.vendorValue === undefined) {
    return 'the page no longer states this rule; keep or drop it by hand';
  }
  switch (d.field) {
    case 'present': {
      if (d.specValue === true) {
        return change('remove (the vendor no longer lists it)', (s) => {
          const found = s.parameter(d.operation, name);
          if (found !== undefined) s.parameters(d.operation).delete(found.index);
        });
      }
      const theirs = vendorOp?.params?.find((p) => p.name === name);
      if (theirs === undefined) return 'the vendor parameter could not be read';
      return change(`add (${describeParam(theirs)})`, (s) => addParam(s, d.operation, theirs, vendorOp, source));
    }
    case 'required':
      return change(`required ${d.spec} → ${d.vendor}`, (s) => paramOf(s).set('required', d.vendorValue === true));
    case 'type': {
      const theirs = vendorOp?.params?.find((p) => p.name === name);
      if (theirs === undefined) return 'the vendor type could not be read';
      return change(`type ${d.spec} → ${d.vendor} (the schema is replaced)`, (s) =>
        s.set(paramOf(s), 'schema', schemaFor(theirs)),
      );
    }
    case 'enum': {
      const key = `${d.operation} ${name}`;
      if (enumDone.has(key)) return undefined;
      enumDone.add(key);
      const values = Array.isArray(d.vendorValue) ? (d.vendorValue as string[]) : undefined;
      return change(values === undefined ? 'drop the enumeration' : `enumeration → ${values.join(', ')}`, (s) => {
        const { schema } = s.schemaOf(paramOf(s));
        if (values === undefined) schema.delete('enum');
        else s.setList(schema, 'enum', values);
      });
    }
    case 'minimum':
    case 'maximum':
    case 'maxTaskDays':
    case 'maxLength':
    case 'default': {
      const value =
        typeof d.vendorValue === 'number' || (d.field === 'default' && typeof d.vendorValue === 'string')
          ? d.vendorValue
          : undefined;
      if (d.field === 'maxTaskDays') {
        if (value === undefined) return 'the vendor window could not be read';
        // StartTime's and EndTime's notes both state the operation's one window: one edit.
        if (enumDone.has(`${d.operation} maxTaskDays`)) return undefined;
        enumDone.add(`${d.operation} maxTaskDays`);
        return {
          summary: `${d.operation}: x-acs-max-task-days ${d.spec} → ${value}`,
          apply: (s) => s.operation(d.operation).set('x-acs-max-task-days', value),
        };
      }
      const keyword = PROSE_KEYWORDS[d.field] ?? d.field;
      return change(`${keyword} ${d.spec} → ${value ?? 'none'}`, (s) => {
        const { schema } = s.schemaOf(paramOf(s));
        if (value === undefined) schema.delete(keyword);
        else schema.set(keyword, value);
      });
    }
    case 'style': {
      const json = d.vendorValue === 'json';
      return change(`wire style ${d.spec} → ${d.vendor}`, (s) => {
        const param = paramOf(s);
        if (json) param.set('x-acs-style', 'json');
        else param.delete('x-acs-style');
      });
    }
    default: {
      const perType = /^(maxItems|protocols)\.(\w+)$/.exec(d.field);
      if (perType === null) return `${d.field} needs a hand edit (it changes behaviour the spec describes in words)`;
      const extension = perType[1] === 'maxItems' ? 'x-acs-max-items-by-source-type' : 'x-acs-protocols-by-source-type';
      const type = perType[2] ?? '';
      return change(`${extension}.${type} ${d.spec} → ${d.vendor.replace(/ \(".*$/, '')}`, (s) => {
        const { schema } = s.schemaOf(paramOf(s));
        const table = schema.get(extension, true);
        if (!isMap(table)) throw new Error(`${name}: no ${extension} to edit`);
        if (Array.isArray(d.vendorValue)) s.setList(table, type, d.vendorValue as string[]);
        else table.set(type, d.vendorValue);
      });
    }
  }
}

function planError(
  d: ReviewedDifference,
  source: VendorSource,
  change: (what: string, apply: (s: EditableSpec) => void) => PlannedChange,
): PlannedChange | string {
  const code = d.parameter ?? '';
  const example = (s: EditableSpec) => s.map(['components', 'examples', code]);
  if (d.field === 'status' && typeof d.vendorValue === 'number') {
    return `HTTP status ${d.spec} → ${d.vendor} moves the code to another response of every operation: edit by hand`;
  }
  if (d.field === 'message' && typeof d.vendorValue === 'string') {
    const message = d.vendorValue;
    return change(`x-acs-message → ${JSON.stringify(message)}`, (s) => example(s).set('x-acs-message', message));
  }
  if (d.field !== 'errors') return `${d.field} of an error needs a hand edit`;
  if (d.specValue === true) {
    return change('remove from the operation (the page no longer lists it)', (s) => {
      for (const examples of responseExamples(s, d.operation)) examples.delete(code);
    });
  }
  const page = source.operations[0]?.errors?.find((e) => e.code === code);
  if (page === undefined) return 'the error row could not be read';
  const message = page.message ?? '%s.';
  const description = source.errorDescriptions?.[code] ?? message;
  return change(`add error code (HTTP ${page.status}, ${JSON.stringify(message)})`, (s) => {
    const examples = s.map(['components', 'examples']);
    if (!examples.has(code)) {
      const errorSchema = s.map(['components', 'schemas', 'Error', 'properties']);
      const property = errorSchema.get('RequestId', true);
      const requestId = isMap(property) ? s.scalar(s.followRef(property), 'example') : undefined;
      s.set(examples, code, {
        summary: description.replace(/\.$/, ''),
        description: `${description} (From the ${source.what}; awaiting review: added by spec:sync.)`,
        'x-acs-http-status': page.status,
        'x-acs-message': message,
        value: { RequestId: requestId ?? 'request-id', HostId: 'live.aliyuncs.com', Code: code, Message: message },
      });
    }
    const target = responseExamples(s, d.operation, String(page.status))[0];
    if (target === undefined) throw new Error(`${d.operation} has no ${page.status} response to list ${code} under`);
    s.set(target, code, { $ref: `#/components/examples/${code}` });
  });
}

/** The `examples` mappings of an operation's error responses (all, or one status), `$ref`s followed. */
function responseExamples(s: EditableSpec, action: string, status?: string) {
  const responses = s.operation(action).get('responses', true);
  if (!isMap(responses)) return [];
  return responses.items.flatMap((pair) => {
    const key = String((pair.key as { value?: unknown })?.value ?? pair.key);
    if (!/^[45]\d\d$/.test(key) || (status !== undefined && key !== status) || !isMap(pair.value)) return [];
    const response = s.followRef(pair.value);
    const examples = response.getIn(['content', 'application/json', 'examples'], true);
    return isMap(examples) ? [examples] : [];
  });
}

function describeParam(p: ParamDoc): string {
  const type = p.type === 'array' ? `${p.itemType ?? 'string'}[]` : (p.type ?? 'untyped');
  return [type, p.required === true ? 'required' : 'optional', ...(p.style === 'json' ? ['json style'] : [])].join(
    ', ',
  );
}

/**
 * A JSON Schema for a vendor parameter: type, items, enumeration and bounds as stated, and what a
 * page's notes state of it (a minimum, a length, a default), so one run writes it whole.
 */
function schemaFor(p: ParamDoc, prose: ParamProse = {}): Record<string, unknown> {
  const minimum = p.minimum ?? prose.minimum?.value;
  return {
    type: p.type ?? 'string',
    ...(p.type === 'integer' ? { format: 'int32' } : {}),
    ...(p.type === 'array' ? { items: { type: p.itemType ?? 'string' } } : {}),
    ...(p.enum === undefined ? {} : { enum: [...p.enum] }),
    ...(minimum === undefined ? {} : { minimum }),
    ...(p.maximum === undefined ? {} : { maximum: p.maximum }),
    ...(prose.maxLength === undefined ? {} : { maxLength: prose.maxLength.value }),
    ...(prose.default === undefined ? {} : { default: prose.default.value }),
  };
}

/**
 * Adds a vendor parameter after the one the vendor lists before it (first when none). A shared
 * `components/parameters` entry of the same name and type is referenced; otherwise the parameter
 * is written inline with a description that says where it came from and that it awaits review.
 */
function addParam(
  s: EditableSpec,
  action: string,
  theirs: ParamDoc,
  vendorOp: OperationDoc | undefined,
  source: VendorSource,
): void {
  const order = vendorOp?.params?.map((p) => p.name) ?? [];
  const ours = s.parameterNames(action);
  const before = order
    .slice(0, order.indexOf(theirs.name))
    .reverse()
    .find((name) => ours.includes(name));
  const index = before === undefined ? 0 : ours.indexOf(before) + 1;
  const list = s.parameters(action);
  const shared = sharedParameter(s, theirs);
  const node = s.document.createNode(
    shared !== undefined
      ? { $ref: `#/components/parameters/${shared}` }
      : {
          name: theirs.name,
          in: 'query',
          required: theirs.required === true,
          description: `From the ${source.what}, awaiting review (added by \`npm run spec:sync\`); describe it and record any deliberate difference in decisions.md.`,
          ...(theirs.style === 'json' ? { 'x-acs-style': 'json' } : {}),
          schema: schemaFor(theirs, vendorOp?.prose?.params[theirs.name]),
          ...(theirs.required === true || theirs.type === 'array' ? { example: exampleFor(theirs) } : {}),
        },
  );
  if (!isSeq(list)) throw new Error(`${action}: parameters is not a list`);
  list.items.splice(index, 0, node);
}

/** The key of a `components/parameters` entry with the same name, `in: query` and type, if any. */
function sharedParameter(s: EditableSpec, theirs: ParamDoc): string | undefined {
  const components = s.document.getIn(['components', 'parameters'], true);
  if (!isMap(components)) return undefined;
  for (const pair of components.items) {
    if (!isMap(pair.value)) continue;
    const param = pair.value;
    const schema = param.get('schema', true);
    const type = isMap(schema) ? s.followRef(schema).get('type') : undefined;
    if (
      param.get('name') === theirs.name &&
      param.get('in') === 'query' &&
      type === (theirs.type ?? 'string') &&
      (param.get('required') === true) === (theirs.required === true)
    ) {
      return String((pair.key as { value?: unknown })?.value ?? pair.key);
    }
  }
  return undefined;
}

/** Code samples show every required and array parameter, so those need an example. */
function exampleFor(p: ParamDoc): unknown {
  const one = p.enum?.[0] ?? (p.type === 'integer' ? (p.minimum ?? 0) : p.name);
  return p.type === 'array' ? [p.enum?.[0] ?? p.name] : one;
}
