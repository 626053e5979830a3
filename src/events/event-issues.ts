import type { SchemaIssue } from '../../generated/validators.js';
import { schemaRule, unescapePointer } from '../validation/schema-rule.js';
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
  return { field, message: `${field} ${schemaRule(error, { formatWords: FORMAT_WORDS })}` };
}

/** `['TaskInfo', 'SourceUrls', '0']` → `TaskInfo.SourceUrls[0]`. */
function fieldPath(segments: readonly string[]): string {
  return segments
    .map((segment, index) =>
      /^\d+$/.test(segment) && index > 0 ? `[${segment}]` : index === 0 ? segment : `.${segment}`,
    )
    .join('');
}
