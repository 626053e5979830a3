import { type OperationName, operations } from '../../generated/operations.js';
import { describeDuration } from './duration-text.js';
import type { RuleIssue } from './rule-issue.js';
import { formatUtcTimestamp, parseUtcTimestamp } from './utc-timestamp.js';

const DAY_MS = 24 * 60 * 60 * 1000;

/**
 * Longest StartTime-to-EndTime span, in milliseconds, the limit itself allowed: the spec's
 * `x-acs-max-task-days` of Create (7). Older Create/Update docs state it; newer ones dropped the
 * sentence without saying it was lifted, so the spec keeps the stricter rule (spec/decisions.md D-04).
 */
export const MAX_TASK_WINDOW_MS = taskWindowMs('CreateLivePullToPush');

/** An operation's `x-acs-max-task-days` in milliseconds; no limit when the spec states none. */
export function taskWindowMs(action: OperationName): number {
  const days = operations[action].maxTaskDays;
  return days === undefined ? Number.POSITIVE_INFINITY : days * DAY_MS;
}

/** The task's stored window, which an Update merges its new values into; a missing end is not checked. */
export interface StoredWindow {
  readonly StartTime?: string | undefined;
  readonly EndTime?: string | undefined;
}

/** One end of the effective window and where it came from, so messages can say so. */
interface Bound {
  readonly name: 'StartTime' | 'EndTime';
  readonly text: string;
  readonly epochMs: number;
  readonly fromRequest: boolean;
}

/**
 * StartTime/EndTime rules: each given value is a real UTC time (`InvalidParameter`); EndTime is
 * later than now, later than StartTime, and at most 7 days after it
 * (`InvalidParam.CodeIllegalDuration`). A StartTime in the past is fine: the task starts at once (D-05).
 *
 * `stored` is the task's current window (emulator, Update): a value the request omits is taken
 * from it. Without `stored` (the client) only what the request itself gives is checked. Nothing is
 * checked when the request gives neither time, and "later than now" only when it gives EndTime:
 * a stored EndTime in the past means the task has already exited, which the task-state rules report.
 *
 * @throws RangeError if `now` is an invalid Date (a caller bug, not a request fault).
 */
export function checkTimeWindow(
  request: { readonly StartTime?: unknown; readonly EndTime?: unknown },
  now: Date,
  stored?: StoredWindow,
  maxSpanMs: number = MAX_TASK_WINDOW_MS,
): RuleIssue[] {
  if (Number.isNaN(now.getTime())) throw new RangeError('checkTimeWindow: now is an invalid Date');
  const issues: RuleIssue[] = [];
  if (typeof request.StartTime !== 'string' && typeof request.EndTime !== 'string') return issues;
  const start = resolveBound('StartTime', request.StartTime, stored?.StartTime, issues);
  const end = resolveBound('EndTime', request.EndTime, stored?.EndTime, issues);

  const nowMs = now.getTime();
  if (end?.fromRequest === true && !(end.epochMs > nowMs)) {
    issues.push({
      param: 'EndTime',
      code: 'InvalidParam.CodeIllegalDuration',
      message: `EndTime must be later than the current time ${formatNow(now)} (got ${end.text}${gap(end.epochMs, nowMs)})`,
    });
  }
  if (start === undefined || end === undefined || (!start.fromRequest && !end.fromRequest)) return issues;

  const blamed = end.fromRequest ? 'EndTime' : 'StartTime';
  const span = end.epochMs - start.epochMs;
  if (span <= 0) {
    issues.push({
      param: blamed,
      code: 'InvalidParam.CodeIllegalDuration',
      message: `EndTime must be later than StartTime (got ${label(end)}, ${label(start)}${gap(end.epochMs, start.epochMs)})`,
    });
  } else if (span > maxSpanMs) {
    const merged = start.fromRequest && end.fromRequest ? '' : `; ${label(start.fromRequest ? end : start)}`;
    issues.push({
      param: blamed,
      code: 'InvalidParam.CodeIllegalDuration',
      message: `EndTime must be at most ${describeDuration(maxSpanMs)} after StartTime (got ${describeDuration(span)}${merged})`,
    });
  }
  return issues;
}

/** The request's value if it sent one (parsed, or an issue if unparseable), else the stored one. */
function resolveBound(
  name: Bound['name'],
  requested: unknown,
  stored: string | undefined,
  issues: RuleIssue[],
): Bound | undefined {
  if (typeof requested === 'string') {
    const parsed = parseUtcTimestamp(requested);
    if (parsed.ok) return { name, text: requested, epochMs: parsed.epochMs, fromRequest: true };
    issues.push({
      param: name,
      code: 'InvalidParameter',
      message: `${name} must be a UTC time in the form yyyy-MM-ddTHH:mm:ssZ (got ${JSON.stringify(requested)}: ${parsed.reason})`,
    });
    return undefined;
  }
  if (requested !== undefined || stored === undefined) return undefined;
  // A stored value that does not parse is the store's fault, not the request's: leave it unchecked.
  const parsed = parseUtcTimestamp(stored);
  return parsed.ok ? { name, text: stored, epochMs: parsed.epochMs, fromRequest: false } : undefined;
}

const label = (bound: Bound): string =>
  bound.fromRequest ? `${bound.name} ${bound.text}` : `the task's current ${bound.name} ${bound.text}`;

/** ", 3 hours earlier" / ", the same time" for a value that should have been later than `reference`. */
const gap = (epochMs: number, reference: number): string =>
  reference - epochMs >= 1000 ? `, ${describeDuration(reference - epochMs)} earlier` : ', the same time';

/** `now` may lie beyond year 9999, which the API format cannot spell; ISO 8601 can. */
const formatNow = (now: Date): string => {
  const year = now.getUTCFullYear();
  return year >= 0 && year <= 9999 ? formatUtcTimestamp(now) : now.toISOString();
};
