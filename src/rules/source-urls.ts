import { operations } from '../../generated/operations.js';
import type { SourceType } from './api-types.js';
import type { RuleIssue } from './rule-issue.js';

/** The spec's `maxItems` for SourceUrls; a spec without one sets no limit to restate. */
const SPEC_MAX_ITEMS =
  operations.CreateLivePullToPush.params.find((param) => param.name === 'SourceUrls')?.maxItems ??
  Number.POSITIVE_INFINITY;

/**
 * Most SourceUrls entries per SourceType: one live stream; for VOD media IDs and third-party files
 * the spec's own maxItems (restated per type so the message can name the type).
 */
export const SOURCE_URLS_LIMIT: Readonly<Record<SourceType, number>> = {
  live: 1,
  vod: SPEC_MAX_ITEMS,
  url: SPEC_MAX_ITEMS,
};

/** What each SourceType expects of one entry, in the words the messages use. */
const EXPECTED: Readonly<Record<SourceType, string>> = {
  live: 'an rtmp://, rtsp:// or srt:// URL, or an http(s):// HTTP-FLV URL whose path ends in .flv',
  url: 'an http(s):// URL of an MP4 or FLV file (path ending in .mp4 or .flv)',
  vod: 'an ApsaraVideo VOD media ID (letters, digits, _ and -), not a URL',
};

const SCHEME = /^([A-Za-z][A-Za-z0-9+.-]*):\/\//;
const SPACE_OR_CONTROL = /[\s\p{Cc}]/u;
const LIVE_SCHEMES: ReadonlySet<string> = new Set(['rtmp', 'rtsp', 'srt']);
const HTTP_SCHEMES: ReadonlySet<string> = new Set(['http', 'https']);
/** A file name, not a bare extension: `/a.flv` yes, `/.flv` no. Case-insensitive, as servers treat it. */
const FLV_PATH = /[^/]\.flv$/i;
const FILE_PATH = /[^/]\.(?:mp4|flv)$/i;
/**
 * VOD media IDs are opaque tokens (32 hex digits in practice); the docs give no grammar, so we
 * accept the URL-safe alphabet the API uses for its other IDs and refuse anything URL-like.
 */
const MEDIA_ID = /^[A-Za-z0-9_-]+$/;

/**
 * SourceUrls against the task's SourceType (`InvalidParameter`): how many entries it takes (the
 * schema's minItems already demands one) and what each must look like. Every bad entry is reported.
 * Entries that are not strings are left to the schema.
 */
export function checkSourceUrls(urls: readonly unknown[], sourceType: SourceType): RuleIssue[] {
  const issues: RuleIssue[] = [];
  const limit = SOURCE_URLS_LIMIT[sourceType];
  if (urls.length > limit) {
    const what = sourceType === 'vod' ? 'media IDs' : 'URLs';
    const bound = limit === 1 ? 'exactly one URL' : `at most ${limit} ${what}`;
    issues.push({
      param: 'SourceUrls',
      code: 'InvalidParameter',
      message: `SourceUrls must hold ${bound} when SourceType is ${sourceType} (got ${urls.length})`,
    });
  }
  urls.forEach((entry, index) => {
    if (typeof entry !== 'string' || acceptsEntry(entry, sourceType)) return;
    issues.push({
      param: 'SourceUrls',
      code: 'InvalidParameter',
      message: `SourceUrls[${index}] must be ${EXPECTED[sourceType]}, when SourceType is ${sourceType} (got ${quote(entry)})`,
    });
  });
  return issues;
}

function acceptsEntry(entry: string, sourceType: SourceType): boolean {
  if (sourceType === 'vod') return MEDIA_ID.test(entry);
  const url = parseUrl(entry);
  if (url === undefined) return false;
  if (sourceType === 'live') {
    return LIVE_SCHEMES.has(url.scheme) || (HTTP_SCHEMES.has(url.scheme) && FLV_PATH.test(url.path));
  }
  return HTTP_SCHEMES.has(url.scheme) && FILE_PATH.test(url.path);
}

/**
 * Lower-case scheme and path of an absolute `scheme://host…` URL, or undefined. The literal `://`
 * is required because WHATWG URL also accepts `http:/host`; whitespace is refused because WHATWG
 * URL would silently trim or escape it and the relay would pull a different address.
 */
function parseUrl(text: string): { scheme: string; path: string } | undefined {
  const scheme = SCHEME.exec(text)?.[1]?.toLowerCase();
  if (scheme === undefined || SPACE_OR_CONTROL.test(text)) return undefined;
  let url: URL;
  try {
    url = new URL(text);
  } catch {
    return undefined;
  }
  return url.hostname === '' ? undefined : { scheme, path: url.pathname };
}

/** The entry as JSON, cut to 120 characters: messages must stay readable with 2000-character URLs. */
const quote = (text: string): string => JSON.stringify(text.length > 120 ? `${text.slice(0, 120)}…` : text);
