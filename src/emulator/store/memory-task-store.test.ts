import { describe, expect, it } from 'vitest';
import type { TaskRecord } from '../lifecycle/task-record.js';
import { createMemoryTaskStore } from './memory-task-store.js';

function record(id: string, seq: number, region: string): TaskRecord {
  return {
    id,
    seq,
    region,
    status: 0,
    relay: { sourceUrls: [], fileIndex: 0, offset: 0 },
    info: {
      TaskId: id,
      TaskName: id,
      StartTime: '2030-01-01T00:00:00Z',
      EndTime: '2030-01-01T01:00:00Z',
      SourceType: 'vod',
      SourceUrls: ['m'],
      DstUrl: 'rtmp://d/a/s',
      CallbackURL: '',
      RepeatNumber: 0,
      RetryCount: 3,
      RetryInterval: 60,
      Offset: 0,
      FileIndex: 0,
    },
  };
}

const ids = (tasks: Iterable<TaskRecord>) => [...tasks].map((task) => task.id);
const inRegion = (store: ReturnType<typeof createMemoryTaskStore>, region: string) =>
  store.page(region, {}, 0, 100).tasks;

describe('createMemoryTaskStore', () => {
  it('keeps each region in creation order, also when a task moves in', () => {
    const store = createMemoryTaskStore();
    for (const [id, seq, region] of [
      ['a', 0, 'x'],
      ['b', 1, 'y'],
      ['c', 2, 'x'],
      ['d', 3, 'y'],
    ] as const) {
      store.put(record(id, seq, region));
    }
    const b = store.get('b')!;
    b.region = 'x';
    store.put(b);
    expect(ids(inRegion(store, 'x'))).toEqual(['a', 'b', 'c']);
    expect(ids(inRegion(store, 'y'))).toEqual(['d']);
    expect(store.page('x', {}, 0, 1).total).toBe(3);
    expect(ids(store.all())).toEqual(['a', 'b', 'c', 'd']);
    expect(store.nextSeq()).toBe(4);
  });

  it('forgets deleted tasks and empty regions', () => {
    const store = createMemoryTaskStore();
    store.put(record('a', 0, 'x'));
    store.delete('a');
    expect(store.get('a')).toBeUndefined();
    expect(store.page('x', {}, 0, 1)).toEqual({ total: 0, tasks: [] });
    expect(ids(inRegion(store, 'x'))).toEqual([]);
    store.put(record('b', 1, 'x'));
    expect(ids(inRegion(store, 'x'))).toEqual(['b']);
  });

  it('clears tasks, the creation counter and the clock offset', () => {
    const store = createMemoryTaskStore();
    store.put(record('a', 0, 'x'));
    store.saveClockOffset(5000);
    store.clear();
    expect(ids(store.all())).toEqual([]);
    expect(store.nextSeq()).toBe(0);
    expect(store.clockOffsetMs()).toBe(0);
  });
});
