import type { SchemaIssue } from '../../generated/validators.js';
import type { LiveEventIssue } from './live-event-error.js';

/** Formats whose names mean little to a reader, in words. */
const FORMAT_WORDS: Readonly<Record<string, string>> = {
  'date-time': 'a UTC time such as 2024-09-05T01:50:00Z',
  int32: 'a 32-bit integer',
};

/**
 * Turns the generated event validator's Ajv errors into issues naming the body field by its path
 * (`TaskInfo.SourceUrls[0]`) and the rule in words. When a value fails both its `pattern` and its
 * `format`, only the pattern is reported (one fault, one issue); duplicates are dropped.
 * The offending values are never quoted: a body may carry signed URLs.
 */
export function eventIssues(errors: readonly SchemaIssue[] | null | undefined): LiveEventIssue[] {
  if (!errors) return [];
  const patternFailed = new Set(errors.filter((e) => e.keyword === 'pattern').map((e) => e.instancePath));
  const issues: LiveEventIssue[] = [];
  const seen = new Set<string>();
  for (const error of errors) {
    if (error.keyword === 'format' && patternFailed.has(error.instancePath)) continue;
    const issue = toIssue(error);
    if (seen.has(issue.message)) continue;
    seen.add(issue.message);
    issues.push(issue);
  }
  return issues;
}

function toIssue(error: SchemaIssue): LiveEventIssue {
  const path = error.instancePath.split('/').slice(1).map(unescapePointer);
  const missing = error.params['missingProperty'];
  if (error.keyword === 'required' && typeof missing === 'string') {
    const field = fieldPath([...path, missing]);
    return { field, message: `${field} is required` };
  }
  const field = path.length === 0 ? '(body)' : fieldPath(path);
  return { field, message: `${field} ${rule(error)}` };
}

/** The rule a value broke, as the predicate of a sentence whose subject is the field. */
function rule(error: SchemaIssue): string {
  const { params } = error;
  switch (error.keyword) {
    case 'enum':
      return `must be one of ${Array.isArray(params['allowedValues']) ? params['allowedValues'].map(String).join(', ') : '(see the spec)'}`;
    case 'type':
      return `must be ${String(params['type'])
        .split(',')
        .map((type) => (type === 'integer' || type === 'array' || type === 'object' ? `an ${type}` : `a ${type}`))
        .join(' or ')}`;
    case 'pattern':
      return `must match the pattern ${String(params['pattern'])}`;
    case 'format': {
      const format = String(params['format']);
      return `must be ${FORMAT_WORDS[format] ?? `a valid ${format}`}`;
    }
    default:
      return error.message ?? `breaks the schema rule "${error.keyword}"`;
  }
}

/** `['TaskInfo', 'SourceUrls', '0']` → `TaskInfo.SourceUrls[0]`. */
function fieldPath(segments: readonly string[]): string {
  return segments.map((segment, index) => (/^\d+$/.test(segment) && index > 0 ? `[${segment}]` : index === 0 ? segment : `.${segment}`)).join('');
}

/** RFC 6901: `~1` is `/`, `~0` is `~`. */
function unescapePointer(segment: string): string {
  return segment.replace(/~1/g, '/').replace(/~0/g, '~');
}
