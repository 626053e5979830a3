/** One pending transition: `key` fires at `at` (task-clock milliseconds). */
export interface DueEntry {
  readonly at: number;
  readonly key: string;
  /** Insertion counter; breaks ties so entries due at the same time fire in scheduling order. */
  readonly order: number;
}

/**
 * A binary min-heap of due entries ordered by (at, order). At most one entry per key is live:
 * rescheduling a key supersedes its older entry, which is dropped lazily when it reaches the top,
 * so rescheduling costs O(log n) with no search.
 */
export class DueHeap {
  readonly #heap: DueEntry[] = [];
  readonly #live = new Map<string, DueEntry>();
  #order = 0;

  /** Number of keys with a pending entry. */
  get size(): number {
    return this.#live.size;
  }

  /** Schedules `key` at `at`, replacing any pending entry for it. */
  schedule(key: string, at: number): void {
    const entry: DueEntry = { at, key, order: this.#order++ };
    this.#live.set(key, entry);
    this.#push(entry);
    // Superseded entries stay in the array until popped; compact when they dominate.
    if (this.#heap.length > 64 && this.#heap.length > 4 * this.#live.size) this.#compact();
  }

  /** Removes the pending entry for `key`, if any. */
  cancel(key: string): void {
    this.#live.delete(key);
  }

  /** When `key` is due, or undefined. */
  dueAt(key: string): number | undefined {
    return this.#live.get(key)?.at;
  }

  /** The earliest live entry without removing it. */
  peek(): DueEntry | undefined {
    this.#dropStale();
    return this.#heap[0];
  }

  /** Removes and returns the earliest live entry if it is due at or before `until`. */
  popDue(until: number): DueEntry | undefined {
    const top = this.peek();
    if (top === undefined || top.at > until) return undefined;
    this.#pop();
    this.#live.delete(top.key);
    return top;
  }

  clear(): void {
    this.#heap.length = 0;
    this.#live.clear();
  }

  #dropStale(): void {
    for (let top = this.#heap[0]; top !== undefined && this.#live.get(top.key) !== top; top = this.#heap[0]) {
      this.#pop();
    }
  }

  #compact(): void {
    this.#heap.length = 0;
    for (const entry of this.#live.values()) this.#heap.push(entry);
    for (let i = (this.#heap.length >> 1) - 1; i >= 0; i--) this.#siftDown(i);
  }

  #push(entry: DueEntry): void {
    this.#heap.push(entry);
    this.#siftUp(this.#heap.length - 1);
  }

  #pop(): void {
    const last = this.#heap.pop();
    if (last === undefined || this.#heap.length === 0) return;
    this.#heap[0] = last;
    this.#siftDown(0);
  }

  #siftUp(index: number): void {
    const heap = this.#heap;
    const entry = heap[index]!;
    while (index > 0) {
      const parentIndex = (index - 1) >> 1;
      const parent = heap[parentIndex]!;
      if (!before(entry, parent)) break;
      heap[index] = parent;
      index = parentIndex;
    }
    heap[index] = entry;
  }

  #siftDown(index: number): void {
    const heap = this.#heap;
    const entry = heap[index]!;
    const half = heap.length >> 1;
    while (index < half) {
      let childIndex = 2 * index + 1;
      let child = heap[childIndex]!;
      const right = heap[childIndex + 1];
      if (right !== undefined && before(right, child)) {
        childIndex++;
        child = right;
      }
      if (!before(child, entry)) break;
      heap[index] = child;
      index = childIndex;
    }
    heap[index] = entry;
  }
}

function before(a: DueEntry, b: DueEntry): boolean {
  return a.at < b.at || (a.at === b.at && a.order < b.order);
}
