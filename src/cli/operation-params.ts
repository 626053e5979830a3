import type { OperationSpec, ParamSpec } from '../../generated/operations.js';
import type { ArgvOption } from './argv.js';
import { type FlagStyle, flagFor, kebabCase, looseKey } from './flag-name.js';

/** The typed parameter object for one call, and one line per flag that could not be read. */
export interface OperationParams {
  readonly params: Record<string, string | number | string[]>;
  readonly problems: readonly string[];
  /** Vendor names of the parameters whose flags did not parse, so later checks skip them. */
  readonly unreadable: ReadonlySet<string>;
  /** Vendor name → the flag as first typed (`SourceUrls` → `--source-urls`), for messages. */
  readonly flags: ReadonlyMap<string, string>;
}

/**
 * Turns an operation's flags into its typed parameters, by the operation table: integers parsed
 * (a non-integer is a problem naming the flag), arrays from one JSON array or the flag repeated,
 * strings as given. Each flag is accepted in both spellings (`--SourceUrls`, `--source-urls`).
 * Schema rules (required, enum, ranges) are the client's validator's job, not this function's.
 */
/** What the flag parser reads of an operation: its name and its parameters. */
export type OperationFlags = Pick<OperationSpec, 'action' | 'params'>;

export function toOperationParams(
  operation: OperationFlags,
  options: readonly ArgvOption[],
  style: FlagStyle,
): OperationParams {
  const byFlagName = new Map<string, ParamSpec>();
  for (const param of operation.params) {
    byFlagName.set(param.name, param);
    byFlagName.set(kebabCase(param.name), param);
  }
  const occurrences = new Map<ParamSpec, ArgvOption[]>();
  const problems: string[] = [];
  for (const option of options) {
    const param = byFlagName.get(option.name);
    if (param === undefined) {
      problems.push(unknownFlagMessage(option, operation, style));
      continue;
    }
    const list = occurrences.get(param) ?? [];
    list.push(option);
    occurrences.set(param, list);
  }

  const params: Record<string, string | number | string[]> = {};
  const unreadable = new Set<string>();
  const flags = new Map<string, string>();
  for (const [param, given] of occurrences) {
    flags.set(param.name, given[0]!.flag);
    const value = readParam(param, given);
    if (typeof value === 'object' && 'problem' in value) {
      problems.push(value.problem);
      unreadable.add(param.name);
    } else {
      params[param.name] = value;
    }
  }
  return { params, problems, unreadable, flags };
}

type ReadResult = string | number | string[] | { readonly problem: string };

function readParam(param: ParamSpec, given: readonly ArgvOption[]): ReadResult {
  const flag = given[0]!.flag;
  const values = given.map((option) => String(option.value));
  if (param.type === 'array') return readArray(flag, values);
  if (values.length > 1) {
    return { problem: `${flag}: given ${values.length} times, but it takes one value` };
  }
  const text = values[0]!;
  return param.type === 'integer' ? readInteger(flag, text) : text;
}

const INTEGER = /^[+-]?\d+$/;

function readInteger(flag: string, text: string): ReadResult {
  const trimmed = text.trim();
  if (!INTEGER.test(trimmed)) return { problem: `${flag}: must be an integer (got ${JSON.stringify(text)})` };
  const value = Number(trimmed);
  if (!Number.isSafeInteger(value)) return { problem: `${flag}: ${trimmed} is too large to send exactly` };
  return value;
}

/** Each occurrence is one item, or a JSON array of items when it starts with `[`. */
function readArray(flag: string, values: readonly string[]): ReadResult {
  const items: string[] = [];
  for (const text of values) {
    if (!text.trimStart().startsWith('[')) {
      items.push(text);
      continue;
    }
    let parsed: unknown;
    try {
      parsed = JSON.parse(text);
    } catch {
      return { problem: `${flag}: ${JSON.stringify(text)} starts like a JSON array but does not parse as one` };
    }
    if (!Array.isArray(parsed) || !parsed.every((item): item is string => typeof item === 'string')) {
      return { problem: `${flag}: a JSON array value must hold only strings (got ${text})` };
    }
    items.push(...parsed);
  }
  return items;
}

function unknownFlagMessage(option: ArgvOption, operation: OperationFlags, style: FlagStyle): string {
  const key = looseKey(option.name);
  const match = operation.params.find((param) => looseKey(param.name) === key);
  const suggestion = match === undefined ? '' : `; did you mean ${flagFor(match.name, style)}?`;
  return `${option.flag}: ${operation.action} has no such parameter${suggestion}`;
}
