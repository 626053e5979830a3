import type { ParamSpec } from '../../generated/operations.js';

/**
 * Typed operation parameters <-> RPC wire parameters (flat string name/value pairs).
 *
 * `style: 'json'` parameters (SourceUrls) travel as one JSON text, as the official Live SDK sends
 * them; integers travel as decimal strings. On the way in the server also accepts the flattened
 * `Name.1`, `Name.2`, … form older SDKs send.
 */

/**
 * The part of a generated `OperationSpec` this module reads; `operations[action]` is accepted as
 * is, and so is any hand-made object of this shape.
 */
export interface WireOperation {
  readonly params: readonly WireParam[];
}

/** The part of a generated `ParamSpec` this module reads. */
export type WireParam = Readonly<Pick<ParamSpec, 'name' | 'type' | 'style'>>;

/** A wire-level problem that schema validation cannot see once the value is decoded. */
export interface WireParamIssue {
  /** Vendor parameter name, e.g. `SourceUrls`. */
  readonly param: string;
  readonly message: string;
}

/** Result of {@link fromWireParams}. */
export interface DecodedParams {
  /** Typed values where the wire form was well-formed; anything else left as the string received. */
  readonly params: Record<string, unknown>;
  readonly issues: readonly WireParamIssue[];
}

const specsByOperation = new WeakMap<WireOperation, ReadonlyMap<string, WireParam>>();

function specsOf(op: WireOperation): ReadonlyMap<string, WireParam> {
  let specs = specsByOperation.get(op);
  if (specs === undefined) {
    specs = new Map(op.params.map((p) => [p.name, p]));
    specsByOperation.set(op, specs);
  }
  return specs;
}

/**
 * Serializes typed parameters for signing and sending. `undefined` and `null` are dropped;
 * numbers become decimal strings and booleans `true`/`false`; arrays of a `json`-style parameter
 * become `JSON.stringify(array)`, other arrays are flattened to `Name.1`, `Name.2`, ….
 */
export function toWireParams(op: WireOperation, typed: Readonly<Record<string, unknown>>): Record<string, string> {
  const specs = specsOf(op);
  // A null-prototype record keeps a `__proto__` key an ordinary parameter.
  const wire: Record<string, string> = Object.create(null);
  for (const name of Object.keys(typed)) {
    const value = typed[name];
    if (value === undefined || value === null) continue;
    if (Array.isArray(value)) {
      if (specs.get(name)?.style === 'json') {
        wire[name] = JSON.stringify(value);
      } else {
        for (let i = 0; i < value.length; i++) {
          const item: unknown = value[i];
          if (item !== undefined && item !== null) wire[`${name}.${i + 1}`] = scalar(item);
        }
      }
    } else {
      wire[name] = scalar(value);
    }
  }
  return wire;
}

function scalar(value: unknown): string {
  return typeof value === 'string' ? value : typeof value === 'object' ? JSON.stringify(value) : String(value);
}

/**
 * Parses received wire parameters into the typed shape the generated request validator checks.
 * Integer parameters given as decimal strings become numbers; array parameters accept a JSON
 * array text or `Name.1` … `Name.N` (1-based, no gaps). Values that do not parse stay strings so
 * the validator reports them with the parameter's rule; unknown names pass through unchanged so
 * the validator reports them too. `issues` lists what only the wire form can get wrong.
 */
export function fromWireParams(op: WireOperation, raw: Readonly<Record<string, string>>): DecodedParams {
  // Names come from the request: a null-prototype record keeps `__proto__` an ordinary parameter.
  const params: Record<string, unknown> = Object.create(null);
  const issues: WireParamIssue[] = [];
  const flattened = new Map<string, Map<number, string>>();
  const specs = specsOf(op);

  for (const name of Object.keys(raw)) {
    const value = raw[name]!;
    const spec = specs.get(name);
    if (spec !== undefined) {
      params[name] = decodeValue(spec, value);
      continue;
    }
    const dot = name.lastIndexOf('.');
    const index = dot > 0 ? positiveIndex(name.slice(dot + 1)) : undefined;
    const base = dot > 0 ? name.slice(0, dot) : '';
    if (index !== undefined && specs.get(base)?.type === 'array') {
      let items = flattened.get(base);
      if (items === undefined) {
        items = new Map();
        flattened.set(base, items);
      }
      items.set(index, value);
      continue;
    }
    params[name] = value;
  }

  for (const [name, items] of flattened) {
    if (name in params) {
      issues.push({ param: name, message: `${name} is given both as one value and as ${name}.N; send one form only` });
      continue;
    }
    const list: string[] = [];
    for (let i = 1; i <= items.size; i++) {
      const item = items.get(i);
      if (item === undefined) break;
      list.push(item);
    }
    if (list.length !== items.size) {
      issues.push({
        param: name,
        message: `${name}.N must be numbered 1, 2, 3, … without gaps; ${name}.${list.length + 1} is missing`,
      });
      continue;
    }
    params[name] = list;
  }
  return { params, issues };
}

function decodeValue(spec: WireParam, value: string): unknown {
  if (spec.type === 'integer') return integerOrString(value);
  if (spec.type === 'array') {
    let parsed: unknown;
    try {
      parsed = JSON.parse(value);
    } catch {
      return value;
    }
    return Array.isArray(parsed) ? parsed : value;
  }
  return value;
}

/** Optional sign then decimal digits, as Java's and Go's integer parsers accept; must be a safe integer. */
function integerOrString(value: string): number | string {
  let i = value.charCodeAt(0) === 43 /* + */ || value.charCodeAt(0) === 45 /* - */ ? 1 : 0;
  if (i === value.length) return value;
  for (; i < value.length; i++) {
    const c = value.charCodeAt(i);
    if (c < 48 || c > 57) return value;
  }
  const n = Number(value);
  // `-0` would not survive a round trip through the wire as -0; it means 0.
  return Number.isSafeInteger(n) ? (n === 0 ? 0 : n) : value;
}

/** `1`, `2`, … (no sign, no leading zero) as a number; anything else `undefined`. */
function positiveIndex(text: string): number | undefined {
  if (text === '' || text.charCodeAt(0) === 48) return undefined;
  for (let i = 0; i < text.length; i++) {
    const c = text.charCodeAt(i);
    if (c < 48 || c > 57) return undefined;
  }
  const n = Number(text);
  return Number.isSafeInteger(n) ? n : undefined;
}
