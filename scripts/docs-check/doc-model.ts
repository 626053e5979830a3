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
  /** Rules stated in prose: limits, defaults, protocols, the QPS limit, state bullets, effects. */
  readonly prose?: OperationProse;
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

/** A value a page states, with the sentence that states it (absent for the spec's side). */
export interface Stated<T> {
  readonly value: T;
  readonly sentence?: string;
}

/**
 * The rules a page states in prose about one parameter. Effects are tokens of one vocabulary for
 * both sides: a timing (`immediately`, `after-current-video`, `next-restart`, `next-event`,
 * `first-video-only`), `only-when-stopped`, `no-effect-after-start`, `no-effect-after-end`.
 */
export interface ParamProse {
  readonly maxLength?: Stated<number>;
  readonly minimum?: Stated<number>;
  readonly default?: Stated<number | string>;
  /** The longest StartTime-to-EndTime span in days, where the parameter's notes state it. */
  readonly maxTaskDays?: Stated<number>;
  readonly maxItemsBySourceType?: Readonly<Record<string, Stated<number>>>;
  readonly protocolsBySourceType?: Readonly<Record<string, Stated<readonly string[]>>>;
  readonly effect?: Stated<readonly string[]>;
}

/** A state bullet of the Update description: which parameters a phase lets change, and when. */
export interface StateRule {
  /** `not-started`, `running` or `stopped` (the spec's phase names). */
  readonly phase: string;
  readonly accepts: 'only' | 'except' | 'all';
  readonly params: readonly string[];
  /** A timing the bullet states for every change it allows. */
  readonly effect?: string;
  readonly sentence?: string;
}

/** The prose rules of one operation's page. */
export interface OperationProse {
  readonly qpsLimit?: Stated<number>;
  readonly stateRules: readonly StateRule[];
  readonly params: Readonly<Record<string, ParamProse>>;
  /**
   * A page's own parts: what an array's item row restates of the array's notes (the copies are
   * compared too, so they cannot disagree unseen), and what the page shows without a rule read
   * from it, so that a rule it drops or rewords is a difference rather than silence.
   */
  readonly page?: PageCoverage;
}

/** What a page shows, for telling "the page dropped a rule" from "this source never states it". */
export interface PageCoverage {
  /** The parameters whose notes the page shows. */
  readonly described: readonly string[];
  readonly itemParams: Readonly<Record<string, ParamProse>>;
  /** The description's bullets that state no task-state rule. */
  readonly otherBullets: readonly string[];
  /** The QPS section's text when no limit could be read from it. */
  readonly unreadQps?: string;
}

/** The spec's Update-by-state rows (`x-acs-update-rules`, unlisted parameters resolved): param → phase → outcome. */
export type UpdateRows = Readonly<Record<string, Readonly<Record<string, string>>>>;
