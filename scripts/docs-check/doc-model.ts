/**
 * One operation as a document describes it: a vendor page, the vendor metadata or our spec.
 * Each source knows different things; an aspect left undefined means "this source does not say",
 * and the comparison skips it.
 */
export interface OperationDoc {
  /** Vendor action name, e.g. `UpdateLivePullToPush`. */
  readonly action: string;
  readonly params?: readonly ParamDoc[];
  /** Response body fields at any depth; pages flatten nested tables, so nesting is not kept. */
  readonly responseFields?: readonly FieldDoc[];
  readonly errors?: readonly ErrorDoc[];
  /** HTTP methods the service accepts, upper case. */
  readonly methods?: readonly HttpMethod[];
  /** The date of the vendor page described, `YYYY-MM-DD` when known to the day. */
  readonly lastUpdated?: string;
}

export type HttpMethod = 'GET' | 'POST';

/** JSON Schema type names; vendor `long`, `int32` and friends normalise to `integer`. */
export type ValueType = 'string' | 'integer' | 'number' | 'boolean' | 'array' | 'object';

export interface ParamDoc {
  /** Vendor spelling, e.g. `SourceUrls`. */
  readonly name: string;
  readonly type?: ValueType;
  /** Type of an array's items. */
  readonly itemType?: ValueType;
  readonly required?: boolean;
  readonly enum?: readonly string[];
  readonly minimum?: number;
  readonly maximum?: number;
  /** `json`: the value travels as one JSON-encoded string. */
  readonly style?: 'plain' | 'json';
}

export interface FieldDoc {
  readonly name: string;
  readonly type?: ValueType;
}

export interface ErrorDoc {
  readonly code: string;
  /** HTTP status. */
  readonly status: number;
  readonly message?: string;
  /** Returned by the gateway for every operation, so an operation's own table need not list it. */
  readonly gateway?: boolean;
}

const TYPE_ALIASES: Readonly<Record<string, ValueType>> = {
  string: 'string',
  integer: 'integer',
  int: 'integer',
  int32: 'integer',
  int64: 'integer',
  long: 'integer',
  number: 'number',
  float: 'number',
  double: 'number',
  boolean: 'boolean',
  array: 'array',
  object: 'object',
};

/** Maps a vendor or JSON Schema type name to a {@link ValueType}; undefined when unknown. */
export function normaliseType(name: string | undefined): ValueType | undefined {
  return name === undefined ? undefined : TYPE_ALIASES[name.toLowerCase()];
}

/** Every type spelling the vendor pages use, longest first so a regex alternation is greedy. */
export const VENDOR_TYPE_NAMES: readonly string[] = Object.keys(TYPE_ALIASES).sort((a, b) => b.length - a.length);
