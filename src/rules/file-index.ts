import type { RuleIssue } from './rule-issue.js';

/**
 * FileIndex must name a video of the list it will play (spec/decisions.md D-37): below the
 * length of SourceUrls. `fileIndex` and `sourceUrls` are the values the task would end up with;
 * `stored` says which of them the request did not send, for the message. Values of the wrong
 * type are the schema's to report and are skipped.
 */
export function checkFileIndex(
  fileIndex: unknown,
  sourceUrls: unknown,
  stored: { fileIndex: boolean; sourceUrls: boolean } = { fileIndex: false, sourceUrls: false },
): RuleIssue[] {
  if (typeof fileIndex !== 'number' || !Array.isArray(sourceUrls) || sourceUrls.length === 0) return [];
  if (fileIndex < sourceUrls.length) return [];
  const count = `${sourceUrls.length} ${sourceUrls.length === 1 ? 'entry' : 'entries'}`;
  const list = stored.sourceUrls ? `the task's SourceUrls has ${count}` : `SourceUrls has ${count}`;
  const hint = stored.fileIndex ? ' (the stored FileIndex: send a new FileIndex with SourceUrls)' : '';
  return [
    {
      param: 'FileIndex',
      code: 'InvalidParameter',
      message: `FileIndex ${fileIndex}${hint} is past the end of the list: ${list}, so FileIndex must be 0 to ${sourceUrls.length - 1}`,
    },
  ];
}
