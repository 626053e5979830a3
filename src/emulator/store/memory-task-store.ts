import type { TaskRecord } from '../lifecycle/task-record.js';
import { RegionIndex } from './region-index.js';
import type { TaskStore } from './task-store.js';

/**
 * The in-memory store: an insertion-ordered map over all tasks and a RegionIndex per live
 * center, so a List page scans only its own region and never copies the whole set.
 */
export function createMemoryTaskStore(): TaskStore {
  const byId = new Map<string, TaskRecord>();
  const regions = new Map<string, RegionIndex>();
  /** Each task's region as last put: transitions mutate records in place, region included. */
  const regionOf = new Map<string, string>();
  let seq = 0;
  let clockOffset = 0;

  function leaveRegion(id: string): void {
    const region = regionOf.get(id);
    if (region === undefined) return;
    const index = regions.get(region);
    index?.remove(id);
    if (index?.size === 0) regions.delete(region);
    regionOf.delete(id);
  }

  function enterRegion(task: TaskRecord): void {
    let index = regions.get(task.region);
    if (index === undefined) {
      index = new RegionIndex();
      regions.set(task.region, index);
    }
    index.add(task);
    regionOf.set(task.id, task.region);
  }

  return {
    get: (id) => byId.get(id),
    put(task) {
      byId.set(task.id, task);
      if (task.seq >= seq) seq = task.seq + 1;
      if (regionOf.get(task.id) === task.region) {
        regions.get(task.region)?.replace(task);
        return;
      }
      leaveRegion(task.id);
      enterRegion(task);
    },
    delete(id) {
      byId.delete(id);
      leaveRegion(id);
    },
    page: (region, filter, offset, limit) =>
      regions.get(region)?.page(filter, offset, limit) ?? { total: 0, tasks: [] },
    all: () => byId.values(),
    nextSeq: () => seq,
    batch: (work) => work(),
    clockOffsetMs: () => clockOffset,
    saveClockOffset(ms) {
      clockOffset = ms;
    },
    clear() {
      byId.clear();
      regions.clear();
      regionOf.clear();
      seq = 0;
      clockOffset = 0;
    },
    close() {},
  };
}
