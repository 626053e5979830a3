/** How many arrivals the emulator keeps per AccessKeyId by default. */
export const DEFAULT_ARRIVAL_LOG_SIZE = 10_000;

/**
 * One request whose signature verified. The throttle admitted it unless `outcome` is
 * `Throttling.User` or `SignatureNonceUsed` (refused before the throttle).
 */
export interface Arrival {
  /** Position in the order the gateway processed requests, across all keys (1, 2, …). */
  readonly seq: number;
  /** Arrival time, ms since the epoch (real wall-clock time, the throttle's clock). */
  readonly time: number;
  readonly action: string;
  /** `OK` for a 200, else the error Code (e.g. `Throttling.User`, `CodeTaskNotExist`). */
  readonly outcome: string;
}

/**
 * A bounded record of arrivals per AccessKeyId, oldest first; past `capacity` the oldest are
 * overwritten. It lets a test prove the per-key limit held over a whole run.
 */
export class ArrivalLog {
  private readonly rings = new Map<string, { entries: Arrival[]; next: number }>();

  constructor(private readonly capacity: number = DEFAULT_ARRIVAL_LOG_SIZE) {}

  private seq = 0;

  /** Appends an arrival, numbering it after every arrival recorded so far. */
  record(key: string, arrival: Omit<Arrival, 'seq'>): void {
    const entry: Arrival = { seq: ++this.seq, ...arrival };
    let ring = this.rings.get(key);
    if (ring === undefined) {
      ring = { entries: [], next: 0 };
      this.rings.set(key, ring);
    }
    if (ring.entries.length < this.capacity) {
      ring.entries.push(entry);
      return;
    }
    ring.entries[ring.next] = entry;
    ring.next = (ring.next + 1) % this.capacity;
  }

  /** Arrivals of one key, oldest first. */
  of(key: string): Arrival[] {
    const ring = this.rings.get(key);
    if (ring === undefined) return [];
    return ring.entries.slice(ring.next).concat(ring.entries.slice(0, ring.next));
  }

  /** Every key's arrivals, oldest first. */
  all(): Record<string, Arrival[]> {
    const out: Record<string, Arrival[]> = {};
    for (const key of this.rings.keys()) out[key] = this.of(key);
    return out;
  }

  clear(): void {
    this.rings.clear();
    this.seq = 0;
  }
}
