import type { SchemaIssue } from '../../generated/validators.js';

/** What differs between the places that put a schema violation into words. */
export interface RuleWording {
  /** Formats whose names mean little to a reader, in words, e.g. `date-time`. */
  readonly formatWords: Readonly<Record<string, string>>;
  /** Appended to pattern and format rules, e.g. ` (for example 2024-08-26T10:30:00Z)`. */
  readonly exampleSuffix?: string;
}

const COMPARISON_WORDS: Readonly<Record<string, string>> = {
  '>=': 'at least',
  '<=': 'at most',
  '>': 'greater than',
  '<': 'less than',
};

/**
 * The rule an Ajv error says a value broke, as the predicate of a sentence whose subject is the
 * parameter or field (`must be one of …`, `must be at most 2000 characters`). Shared by request
 * validation (client, CLI, emulator) and event parsing, so one fault reads the same everywhere.
 */
export function schemaRule(error: SchemaIssue, wording: RuleWording): string {
  const { params } = error;
  const example = wording.exampleSuffix ?? '';
  switch (error.keyword) {
    case 'enum':
      return `must be one of ${list(params['allowedValues'])}`;
    case 'type':
      return `must be ${article(String(params['type']))}`;
    case 'maxLength':
      return `must be at most ${String(params['limit'])} characters`;
    case 'minLength':
      return params['limit'] === 1 ? 'must not be empty' : `must be at least ${String(params['limit'])} characters`;
    case 'maxItems':
      return `must hold at most ${String(params['limit'])} items`;
    case 'minItems':
      return `must hold at least ${String(params['limit'])} ${params['limit'] === 1 ? 'item' : 'items'}`;
    case 'minimum':
    case 'maximum':
    case 'exclusiveMinimum':
    case 'exclusiveMaximum':
      return `must be ${COMPARISON_WORDS[String(params['comparison'])] ?? String(params['comparison'])} ${String(params['limit'])}`;
    case 'pattern':
      return `must match the pattern ${String(params['pattern'])}${example}`;
    case 'format': {
      const format = String(params['format']);
      return `must be ${wording.formatWords[format] ?? `a valid ${format}`}${example}`;
    }
    default:
      return error.message ?? `breaks the schema rule "${error.keyword}"`;
  }
}

/** RFC 6901: `~1` is `/`, `~0` is `~`. */
export function unescapePointer(segment: string): string {
  return segment.replace(/~1/g, '/').replace(/~0/g, '~');
}

function list(values: unknown): string {
  return Array.isArray(values) ? values.map(String).join(', ') : String(values);
}

function article(type: string): string {
  const words: Record<string, string> = { integer: 'an integer', array: 'an array', object: 'an object' };
  return type
    .split(',')
    .map((t) => words[t] ?? `a ${t}`)
    .join(' or ');
}
