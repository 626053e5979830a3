import type { MediaCatalog, MediaEntry } from '../playback/media-catalog.js';

/** The media catalog as the real relay sees it: durations ffprobe measured win over the catalog's. */
export interface ProbedCatalog extends MediaCatalog {
  /** Records a medium's measured duration (seconds > 0). */
  measured(source: string, durationSeconds: number): void;
}

/**
 * Wraps the `--media` catalog for relay mode: once a relay has probed a file, the task model
 * computes positions with its real duration, so Describe's CurrentFileIndex/CurrentOffset say
 * what ffmpeg is playing. `missing` never applies: the real source decides whether it can be pulled.
 */
export function probedCatalog(catalog: MediaCatalog): ProbedCatalog {
  const measured = new Map<string, number>();
  return {
    lookup(source): MediaEntry {
      const entry = catalog.lookup(source);
      const seconds = measured.get(source);
      return { ...entry, missing: false, ...(seconds === undefined ? {} : { durationSeconds: seconds }) };
    },
    measured(source, durationSeconds) {
      if (Number.isFinite(durationSeconds) && durationSeconds > 0) measured.set(source, durationSeconds);
    },
  };
}
