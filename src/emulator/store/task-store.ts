import type { TaskRecord } from '../lifecycle/task-record.js';
import type { TaskFilter, TaskPage } from './region-index.js';

export type { TaskFilter, TaskPage };

/**
 * Where tasks live. Every implementation keeps all tasks in memory (reads never touch disk);
 * persistent ones also write each change through before the call returns.
 */
export interface TaskStore {
  get(id: string): TaskRecord | undefined;
  /** Inserts or replaces a task (call again after mutating one in place). */
  put(task: TaskRecord): void;
  delete(id: string): void;
  /**
   * One page of a live center's tasks in creation order: the `limit` tasks matching `filter`
   * after the first `offset` matches, and how many match in all.
   */
  page(region: string, filter: TaskFilter, offset: number, limit: number): TaskPage;
  /** Every task, in creation order. */
  all(): Iterable<TaskRecord>;
  /** The creation counter for the next task. */
  nextSeq(): number;
  /** Runs `work` as one unit: a persistent store commits its writes together (or none on throw). */
  batch<T>(work: () => T): T;
  /** The task clock's offset in ms, as last saved (0 for a new store). */
  clockOffsetMs(): number;
  saveClockOffset(ms: number): void;
  /** Removes every task and resets the clock offset. */
  clear(): void;
  close(): void;
}
