import { probeRefusal } from './input-refused-error.js';
import { type MediaProbe, probeMedia } from './media-probe.js';

/** Probes run at once per task. */
const PROBE_CONCURRENCY = 4;

/** Probes (once) and caches what ffprobe says about each file of a task's list. */
export class ListProbes {
  readonly #ffprobe: string;
  readonly #files: readonly string[];
  #probes: Promise<MediaProbe[]> | undefined;

  constructor(ffprobe: string, files: readonly string[]) {
    this.#ffprobe = ffprobe;
    this.#files = files;
  }

  all(signal: AbortSignal): Promise<MediaProbe[]> {
    this.#probes ??= mapLimited(this.#files, PROBE_CONCURRENCY, (file) =>
      probeMedia(this.#ffprobe, file, signal).catch((error: unknown) => {
        throw probeRefusal(file, error);
      }),
    );
    // A failed or aborted probe is not remembered: a retry probes again.
    this.#probes.catch(() => (this.#probes = undefined));
    return this.#probes;
  }
}

async function mapLimited<T, R>(items: readonly T[], limit: number, work: (item: T) => Promise<R>): Promise<R[]> {
  const results: R[] = new Array(items.length);
  let next = 0;
  const lane = async (): Promise<void> => {
    for (let i = next++; i < items.length; i = next++) results[i] = await work(items[i]!);
  };
  await Promise.all(Array.from({ length: Math.min(limit, items.length) }, lane));
  return results;
}
