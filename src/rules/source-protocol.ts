import type { SourceType } from './api-types.js';
import type { RuleIssue } from './rule-issue.js';

/**
 * SourceProtocol is required when SourceType is live (`InvalidParameter`) and ignored otherwise.
 *
 * The docs say "required only when SourceType=live". OpenAPI describes query parameters one by
 * one, so the spec cannot make one required depending on another; it lives here. We enforce it rather
 * than merely document it: an emulator that is stricter than the service can only turn a future
 * production failure into an early local one, never the reverse. Whether SourceProtocol agrees
 * with the URL's scheme is not checked: the service's own responses spell it loosely (`RTMP`, `flv`).
 */
export function checkSourceProtocol(sourceType: SourceType, sourceProtocol: unknown): RuleIssue[] {
  if (sourceType !== 'live' || sourceProtocol !== undefined) return [];
  return [
    {
      param: 'SourceProtocol',
      code: 'InvalidParameter',
      message: 'SourceProtocol is required when SourceType is live',
    },
  ];
}
