import type { TaskRecord } from '../lifecycle/task-record.js';

/** Substrings a List request filters on; an absent one matches every task. */
export interface TaskFilter {
  readonly taskId?: string | undefined;
  readonly taskName?: string | undefined;
  readonly dstUrl?: string | undefined;
}

/** One page of matches and how many there are in all. */
export interface TaskPage {
  readonly total: number;
  readonly tasks: TaskRecord[];
}

/** Removed slots tolerated before the arrays are compacted (and at least as many as live ones). */
const MIN_HOLES_BEFORE_COMPACTION = 1024;

/**
 * The tasks of one live center in creation order, laid out for List: the searchable fields sit
 * in flat string arrays parallel to the records, so a filtered scan of 100,000 tasks touches
 * only the strings it compares. TaskId, TaskName and DstUrl never change after Create (Update
 * has no such parameters), so the arrays are written once per task. Removal leaves a hole that
 * a later compaction closes, so purging many tasks at once stays linear.
 */
export class RegionIndex {
  readonly #tasks: (TaskRecord | undefined)[] = [];
  readonly #ids: string[] = [];
  readonly #names: string[] = [];
  readonly #dstUrls: string[] = [];
  /** Task id → its slot in the arrays. */
  readonly #slots = new Map<string, number>();
  /** The newest creation number ever added: a newer task is appended, an older one inserted. */
  #maxSeq = -1;

  /** Number of tasks. */
  get size(): number {
    return this.#slots.size;
  }

  /** Adds a task, keeping creation (`seq`) order even when it is not the newest. */
  add(task: TaskRecord): void {
    if (task.seq > this.#maxSeq) {
      this.#maxSeq = task.seq;
      this.#slots.set(task.id, this.#tasks.length);
      this.#push(task);
      return;
    }
    this.#compact();
    const at = this.#insertionPoint(task.seq);
    this.#tasks.splice(at, 0, task);
    this.#ids.splice(at, 0, task.id);
    this.#names.splice(at, 0, task.info.TaskName);
    this.#dstUrls.splice(at, 0, task.info.DstUrl);
    for (let slot = at; slot < this.#tasks.length; slot++) this.#slots.set(this.#ids[slot]!, slot);
  }

  /** Replaces the stored record of a task already here (same id, same searchable fields). */
  replace(task: TaskRecord): void {
    const slot = this.#slots.get(task.id);
    if (slot !== undefined) this.#tasks[slot] = task;
  }

  remove(id: string): void {
    const slot = this.#slots.get(id);
    if (slot === undefined) return;
    this.#slots.delete(id);
    this.#tasks[slot] = undefined;
    this.#ids[slot] = this.#names[slot] = this.#dstUrls[slot] = '';
    const holes = this.#tasks.length - this.#slots.size;
    if (holes >= MIN_HOLES_BEFORE_COMPACTION && holes > this.#slots.size) this.#compact();
  }

  /** Tasks in creation order. */
  *values(): IterableIterator<TaskRecord> {
    for (const task of this.#tasks) if (task !== undefined) yield task;
  }

  /** The `limit` matches after the first `offset`, and the number of all matches. */
  page(filter: TaskFilter, offset: number, limit: number): TaskPage {
    const tasks: TaskRecord[] = [];
    const { taskId, taskName, dstUrl } = filter;
    if (taskId === undefined && taskName === undefined && dstUrl === undefined) {
      if (offset >= this.size) return { total: this.size, tasks };
      // Without holes the offset is a slot; otherwise walk past the holes.
      let slot = this.#tasks.length === this.size ? offset : this.#slotOfLive(offset);
      for (; slot < this.#tasks.length && tasks.length < limit; slot++) {
        const task = this.#tasks[slot];
        if (task !== undefined) tasks.push(task);
      }
      return { total: this.size, tasks };
    }
    const ids = this.#ids;
    const names = this.#names;
    const dstUrls = this.#dstUrls;
    let total = 0;
    for (let slot = 0; slot < ids.length; slot++) {
      if (taskName !== undefined && !names[slot]!.includes(taskName)) continue;
      if (dstUrl !== undefined && !dstUrls[slot]!.includes(dstUrl)) continue;
      if (taskId !== undefined && !ids[slot]!.includes(taskId)) continue;
      const task = this.#tasks[slot];
      if (task === undefined) continue;
      if (total >= offset && tasks.length < limit) tasks.push(task);
      total++;
    }
    return { total, tasks };
  }

  #push(task: TaskRecord): void {
    this.#tasks.push(task);
    this.#ids.push(task.id);
    this.#names.push(task.info.TaskName);
    this.#dstUrls.push(task.info.DstUrl);
  }

  /** The slot of the `index`-th live task (0-based). */
  #slotOfLive(index: number): number {
    let live = -1;
    for (let slot = 0; slot < this.#tasks.length; slot++) {
      if (this.#tasks[slot] !== undefined && ++live === index) return slot;
    }
    return this.#tasks.length;
  }

  /** First slot whose task was created after `seq` (the arrays must have no holes). */
  #insertionPoint(seq: number): number {
    let low = 0;
    let high = this.#tasks.length;
    while (low < high) {
      const middle = (low + high) >> 1;
      if (this.#tasks[middle]!.seq < seq) low = middle + 1;
      else high = middle;
    }
    return low;
  }

  #compact(): void {
    if (this.#tasks.length === this.size) return;
    const live = [...this.values()];
    this.#tasks.length = this.#ids.length = this.#names.length = this.#dstUrls.length = 0;
    live.forEach((task, slot) => {
      this.#slots.set(task.id, slot);
      this.#push(task);
    });
  }
}
