import { isAbsolute, resolve } from 'node:path';
import { MediaCatalogError } from './media-catalog-error.js';

/** What the catalog says of one medium (a VOD media ID, a video URL or a live stream URL). */
export interface MediaEntry {
  /** How long the medium plays, in seconds (> 0). Ignored for live streams, which never end. */
  readonly durationSeconds: number;
  /** The medium cannot be pulled: playing it fails like an unreachable source (PullStreamFailed). */
  readonly missing: boolean;
  /** The local file a real relay (`--relay`) plays for a VOD media ID; an absolute path. */
  readonly file?: string;
}

/** Looks media up by the exact string a task's SourceUrls holds. */
export interface MediaCatalog {
  /** The entry for `source`, or the default entry (default duration, not missing). */
  lookup(source: string): MediaEntry;
}

/** Duration of a medium the catalog does not list, in seconds: ten minutes. */
export const DEFAULT_MEDIA_DURATION_SECONDS = 600;

/**
 * Builds a catalog from its JSON form, `{ "<media ID or URL>": { "durationSeconds": n, "missing"?: true, "file"?: path } }`;
 * an entry with a `file` may leave out `durationSeconds` (the default until the relay measures it).
 * Unknown fields in an entry are allowed (room for more per-medium facts).
 * @param defaultDurationSeconds what unlisted media play for, in seconds (> 0)
 * @param origin where the catalog came from, for messages (a file path)
 * @param baseDir what relative `file` paths are relative to (the catalog file's directory)
 * @throws MediaCatalogError naming the first entry that is wrong
 */
export function mediaCatalog(
  value: unknown,
  defaultDurationSeconds = DEFAULT_MEDIA_DURATION_SECONDS,
  origin = 'the media catalog',
  baseDir = process.cwd(),
): MediaCatalog {
  if (!isPositiveSeconds(defaultDurationSeconds)) {
    throw new MediaCatalogError(
      `the default media duration must be a positive finite number of seconds (got ${String(defaultDurationSeconds)})`,
    );
  }
  if (typeof value !== 'object' || value === null || Array.isArray(value)) {
    throw new MediaCatalogError(
      `${origin} must be a JSON object of entries {"<media ID or URL>": {"durationSeconds": n}}`,
    );
  }
  const entries = new Map<string, MediaEntry>();
  for (const [source, raw] of Object.entries(value)) {
    entries.set(source, parseEntry(source, raw, origin, baseDir, defaultDurationSeconds));
  }
  const fallback: MediaEntry = Object.freeze({ durationSeconds: defaultDurationSeconds, missing: false });
  return { lookup: (source) => entries.get(source) ?? fallback };
}

function parseEntry(
  source: string,
  raw: unknown,
  origin: string,
  baseDir: string,
  defaultDurationSeconds: number,
): MediaEntry {
  const named = `${origin}: entry ${JSON.stringify(source)}`;
  if (typeof raw !== 'object' || raw === null || Array.isArray(raw)) {
    throw new MediaCatalogError(`${named} must be an object like {"durationSeconds": 60}`, source);
  }
  const { durationSeconds: given, missing, file } = raw as Record<string, unknown>;
  // A local file is measured by the relay that plays it (ffprobe): its duration may be left out.
  const durationSeconds = given === undefined && file !== undefined ? defaultDurationSeconds : given;
  if (!isPositiveSeconds(durationSeconds)) {
    throw new MediaCatalogError(
      `${named}: durationSeconds must be a positive finite number (got ${JSON.stringify(durationSeconds) ?? 'nothing'})`,
      source,
    );
  }
  if (missing !== undefined && typeof missing !== 'boolean') {
    throw new MediaCatalogError(`${named}: missing must be true or false (got ${JSON.stringify(missing)})`, source);
  }
  if (file !== undefined && (typeof file !== 'string' || file === '')) {
    throw new MediaCatalogError(`${named}: file must be a non-empty path (got ${JSON.stringify(file)})`, source);
  }
  return Object.freeze({
    durationSeconds,
    missing: missing === true,
    ...(file === undefined ? {} : { file: isAbsolute(file) ? file : resolve(baseDir, file) }),
  });
}

function isPositiveSeconds(value: unknown): value is number {
  return typeof value === 'number' && Number.isFinite(value) && value > 0;
}
