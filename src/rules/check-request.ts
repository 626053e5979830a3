import { schemaEnums } from '../../generated/operations.js';
import type { OperationName, RequestParams, SourceType } from './api-types.js';
import { checkFileIndex } from './file-index.js';
import type { RuleIssue } from './rule-issue.js';
import { checkSourceProtocol } from './source-protocol.js';
import { checkSourceUrls } from './source-urls.js';
import type { TaskSnapshot } from './task-snapshot.js';
import { checkTimeWindow, taskWindowMs } from './time-window.js';

/** What the rules need besides the request. */
export interface RuleContext {
  /** The current time. Passed in, never read from the clock, so the emulator's clock and tests own it. */
  readonly now: Date;
  /** The task an Update names, as stored (the emulator has it; the client does not). */
  readonly current?: TaskSnapshot | undefined;
}

const SOURCE_TYPES: ReadonlySet<unknown> = new Set<SourceType>(schemaEnums.SourceType);
const asSourceType = (value: unknown): SourceType | undefined =>
  SOURCE_TYPES.has(value) ? (value as SourceType) : undefined;

/**
 * Every cross-field rule a request breaks, in parameter order, all of them rather than the
 * first: the time window, SourceUrls against SourceType, SourceProtocol for live sources. Only
 * Create and Update have such rules; the other actions always pass.
 *
 * Run it beside the generated schema validator, not instead of it: values of the wrong type or
 * shape are the schema's to report and are skipped here. Two faults both can see: an impossible
 * date (the schema's `date-time` format, here with the reason) and too many SourceUrls (restated
 * per SourceType); a caller merging both lists should run the rules only on schema-valid params.
 * Without `current`, an Update is checked only on what it gives itself. Whether the task's state
 * allows the Update is `checkUpdateAllowed`. Never throws on malformed params.
 *
 * @throws RangeError if `context.now` is an invalid Date (a caller bug, not a request fault).
 */
export function checkRequest<A extends OperationName>(
  action: A,
  params: RequestParams<A>,
  context: RuleContext,
): RuleIssue[] {
  if (Number.isNaN(context.now.getTime())) throw new RangeError('checkRequest: context.now is an invalid Date');
  if (typeof params !== 'object' || params === null) return [];
  const given = params as Readonly<Record<string, unknown>>;
  if (action === 'CreateLivePullToPush') return checkCreate(given, context.now);
  if (action === 'UpdateLivePullToPush') return checkUpdate(given, context);
  return [];
}

function checkCreate(given: Readonly<Record<string, unknown>>, now: Date): RuleIssue[] {
  const issues = checkTimeWindow(given, now, undefined, taskWindowMs('CreateLivePullToPush'));
  const sourceType = asSourceType(given['SourceType']);
  if (sourceType === undefined) return issues;
  const urls = given['SourceUrls'];
  return [
    ...issues,
    ...checkSourceProtocol(sourceType, given['SourceProtocol']),
    ...(Array.isArray(urls) ? checkSourceUrls(urls, sourceType) : []),
    ...checkFileIndex(given['FileIndex'], urls),
  ];
}

/**
 * Update has no SourceType parameter: SourceUrls are judged by the stored task's, when known.
 * FileIndex is judged against the list the task would end up with.
 */
function checkUpdate(given: Readonly<Record<string, unknown>>, { now, current }: RuleContext): RuleIssue[] {
  const issues = [
    ...checkTimeWindow(given, now, current, taskWindowMs('UpdateLivePullToPush')),
    ...checkUpdatedFileIndex(given, current),
  ];
  const sourceType = asSourceType(current?.SourceType);
  const urls = given['SourceUrls'];
  if (sourceType === undefined || !Array.isArray(urls)) return issues;
  return [...issues, ...checkSourceUrls(urls, sourceType)];
}

function checkUpdatedFileIndex(
  given: Readonly<Record<string, unknown>>,
  current: TaskSnapshot | undefined,
): RuleIssue[] {
  if (given['FileIndex'] === undefined && given['SourceUrls'] === undefined) return [];
  const storedIndex = given['FileIndex'] === undefined;
  const storedUrls = given['SourceUrls'] === undefined;
  return checkFileIndex(
    storedIndex ? current?.FileIndex : given['FileIndex'],
    storedUrls ? current?.SourceUrls : given['SourceUrls'],
    { fileIndex: storedIndex, sourceUrls: storedUrls },
  );
}
