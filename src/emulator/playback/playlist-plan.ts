import type { SourceType } from '../../rules/api-types.js';
import type { MediaCatalog } from './media-catalog.js';

/** One video of a list, as it plays: `durationMs` is at least 1. */
export interface PlaylistItem {
  readonly source: string;
  readonly durationMs: number;
  readonly missing: boolean;
}

/**
 * What a VOD or URL task plays from its last (re)start: from `startIndex`, `startOffsetMs` into
 * that first video only, to the end of the list; then the whole list from index 0 again for each
 * further pass. `passes` counts the first one (RepeatNumber + 1); null loops forever.
 * A plan is all a player needs: the task clock plays it virtually, a real relay plays the same
 * plan (see `planSegments`), and both report positions in its terms.
 */
export interface ListPlan {
  readonly kind: 'list';
  readonly items: readonly PlaylistItem[];
  readonly startIndex: number;
  readonly startOffsetMs: number;
  readonly passes: number | null;
}

/** A live task relays one stream with no end of its own. */
export interface StreamPlan {
  readonly kind: 'stream';
  readonly source: string;
  readonly missing: boolean;
}

export type PlaylistPlan = ListPlan | StreamPlan;

/** What a relay applied at its last start, plus the passes in force. */
export interface PlanInput {
  readonly sourceType: SourceType;
  readonly sourceUrls: readonly string[];
  readonly fileIndex: number;
  /** Seconds into the first video played. */
  readonly offsetSeconds: number;
  /** Passes of the list, the first included; null loops. */
  readonly passes: number | null;
}

/** RepeatNumber → passes: 0 plays the list once, N plays it N more times, -1 loops. */
export function passesFor(repeatNumber: number): number | null {
  return repeatNumber < 0 ? null : repeatNumber + 1;
}

/**
 * The plan for a task's relay input; durations come from the media catalog. A FileIndex past the
 * list (which the rules refuse where the list is known) plays the last video.
 */
export function playlistPlan(input: PlanInput, media: MediaCatalog): PlaylistPlan {
  if (input.sourceType === 'live') {
    const source = input.sourceUrls[0] ?? '';
    return { kind: 'stream', source, missing: media.lookup(source).missing };
  }
  const items = input.sourceUrls.map((source): PlaylistItem => {
    const entry = media.lookup(source);
    // Whole milliseconds keep the timeline exact; a positive duration never rounds to nothing.
    return { source, durationMs: Math.max(1, Math.round(entry.durationSeconds * 1000)), missing: entry.missing };
  });
  return {
    kind: 'list',
    items,
    startIndex: Math.min(Math.max(input.fileIndex, 0), Math.max(items.length - 1, 0)),
    startOffsetMs: Math.max(input.offsetSeconds, 0) * 1000,
    passes: input.passes,
  };
}
