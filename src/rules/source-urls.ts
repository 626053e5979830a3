import { operations, schemaEnums } from '../../generated/operations.js';
import type { SourceType } from './api-types.js';
import type { RuleIssue } from './rule-issue.js';

const SPEC_SOURCE_URLS = operations.CreateLivePullToPush.params.find((param) => param.name === 'SourceUrls');

/**
 * Most SourceUrls entries per SourceType: the spec's `x-acs-max-items-by-source-type` (one live
 * stream, up to 30 media IDs or files); a type it leaves out gets the schema's own maxItems.
 */
export const SOURCE_URLS_LIMIT: Readonly<Record<SourceType, number>> = Object.fromEntries(
  schemaEnums.SourceType.map((type) => [
    type,
    SPEC_SOURCE_URLS?.maxItemsBySourceType?.[type] ?? SPEC_SOURCE_URLS?.maxItems ?? Number.POSITIVE_INFINITY,
  ]),
) as Record<SourceType, number>;

const SCHEME = /^([A-Za-z][A-Za-z0-9+.-]*):\/\//;
const SPACE_OR_CONTROL = /[\s\p{Cc}]/u;
const HTTP_SCHEMES: ReadonlySet<string> = new Set(['http', 'https']);
/**
 * VOD media IDs are opaque tokens (32 hex digits in practice); the docs give no grammar, so we
 * accept the URL-safe alphabet the API uses for its other IDs and refuse anything URL-like.
 */
const MEDIA_ID = /^[A-Za-z0-9_-]+$/;

/**
 * Protocols served as files over HTTP(S), by the file extension that marks them. Any other
 * protocol the spec names is a URL scheme of its own (`rtmp`, `rtsp`, `srt`, …).
 */
const FILE_PROTOCOLS: Readonly<Record<string, string>> = { 'http-flv': 'flv', flv: 'flv', mp4: 'mp4', hls: 'm3u8' };

/** What a SourceType accepts, from the spec's `x-acs-protocols-by-source-type`. */
interface EntryForm {
  readonly schemes: ReadonlySet<string>;
  /** A file name, not a bare extension: `/a.flv` yes, `/.flv` no. Case-insensitive, as servers treat it. */
  readonly filePath: RegExp | undefined;
  readonly words: string;
}

function entryForm(protocols: readonly string[]): EntryForm {
  const schemes = protocols.filter((p) => FILE_PROTOCOLS[p] === undefined);
  const files = protocols.filter((p) => FILE_PROTOCOLS[p] !== undefined);
  const extensions = [...new Set(files.map((p) => FILE_PROTOCOLS[p] ?? ''))];
  const parts = [
    schemes.length === 0 ? '' : `an ${orWords(schemes.map((scheme) => `${scheme}://`))} URL`,
    files.length === 0
      ? ''
      : `an http(s):// URL whose path ends in ${orWords(files.map((p) => `.${FILE_PROTOCOLS[p]} (${p.toUpperCase()})`))}`,
  ].filter((part) => part !== '');
  return {
    schemes: new Set(schemes),
    filePath: extensions.length === 0 ? undefined : new RegExp(`[^/]\\.(?:${extensions.join('|')})$`, 'i'),
    words: parts.join(', or '),
  };
}

const orWords = (words: readonly string[]): string =>
  words.length <= 1 ? words.join('') : `${words.slice(0, -1).join(', ')} or ${words.at(-1) ?? ''}`;

const FORMS = new Map<string, EntryForm>(
  Object.entries(SPEC_SOURCE_URLS?.protocolsBySourceType ?? {}).map(([type, protocols]) => [
    type,
    entryForm(protocols),
  ]),
);

/** What each SourceType expects of one entry, in the words the messages use. */
const expected = (sourceType: SourceType): string =>
  FORMS.get(sourceType)?.words ?? 'an ApsaraVideo VOD media ID (letters, digits, _ and -), not a URL';

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
      message: `SourceUrls[${index}] must be ${expected(sourceType)}, when SourceType is ${sourceType} (got ${quote(entry)})`,
    });
  });
  return issues;
}

/** A SourceType without protocols in the spec (vod) takes media IDs, not URLs. */
function acceptsEntry(entry: string, sourceType: SourceType): boolean {
  const form = FORMS.get(sourceType);
  if (form === undefined) return MEDIA_ID.test(entry);
  const url = parseUrl(entry);
  if (url === undefined) return false;
  return form.schemes.has(url.scheme) || (HTTP_SCHEMES.has(url.scheme) && form.filePath?.test(url.path) === true);
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
