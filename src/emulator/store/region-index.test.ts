import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import type { TaskRecord } from '../lifecycle/task-record.js';
import { RegionIndex, type TaskFilter } from './region-index.js';

function record(seq: number): TaskRecord {
  return {
    id: `id-${seq}`,
    seq,
    region: 'x',
    status: 0,
    relay: { sourceUrls: [], fileIndex: 0, offset: 0 },
    info: {
      TaskId: `id-${seq}`,
      TaskName: `name-${seq % 7}`,
      StartTime: '2030-01-01T00:00:00Z',
      EndTime: '2030-01-01T01:00:00Z',
      SourceType: 'vod',
      SourceUrls: ['m'],
      DstUrl: `rtmp://d/${seq % 3 === 0 ? 'news' : 'sport'}/${seq}`,
      CallbackURL: '',
      RepeatNumber: 0,
      RetryCount: 3,
      RetryInterval: 60,
      Offset: 0,
      FileIndex: 0,
    },
  };
}

type Step =
  | { op: 'add'; seq: number }
  | { op: 'remove'; seq: number }
  | { op: 'page'; filter: TaskFilter; offset: number; limit: number };

const step: fc.Arbitrary<Step> = fc.oneof(
  { weight: 5, arbitrary: fc.record({ op: fc.constant('add' as const), seq: fc.nat({ max: 400 }) }) },
  { weight: 3, arbitrary: fc.record({ op: fc.constant('remove' as const), seq: fc.nat({ max: 400 }) }) },
  {
    weight: 1,
    arbitrary: fc.record({
      op: fc.constant('page' as const),
      filter: fc.record(
        {
          taskId: fc.constantFrom('', '1', 'id-2'),
          taskName: fc.constantFrom('name-3', 'e-', 'x'),
          dstUrl: fc.constantFrom('/news/', 'rtmp'),
        },
        { requiredKeys: [] },
      ),
      offset: fc.nat({ max: 40 }),
      limit: fc.integer({ min: 1, max: 20 }),
    }),
  },
);

const matches = (task: TaskRecord, { taskId, taskName, dstUrl }: TaskFilter) =>
  (taskId === undefined || task.id.includes(taskId)) &&
  (taskName === undefined || task.info.TaskName.includes(taskName)) &&
  (dstUrl === undefined || task.info.DstUrl.includes(dstUrl));

describe('RegionIndex', () => {
  it('pages and filters like a sorted, filtered list, through adds in any order and removals', () => {
    fc.assert(
      fc.property(fc.array(step, { minLength: 50, maxLength: 600, size: 'max' }), (steps) => {
        const index = new RegionIndex();
        const model = new Map<number, TaskRecord>();
        for (const s of steps) {
          if (s.op === 'add') {
            if (model.has(s.seq)) continue;
            const task = record(s.seq);
            model.set(s.seq, task);
            index.add(task);
          } else if (s.op === 'remove') {
            model.delete(s.seq);
            index.remove(`id-${s.seq}`);
          } else {
            const all = [...model.values()].sort((a, b) => a.seq - b.seq).filter((task) => matches(task, s.filter));
            const page = index.page(s.filter, s.offset, s.limit);
            expect(page.total).toBe(all.length);
            expect(page.tasks.map((task) => task.seq)).toEqual(
              all.slice(s.offset, s.offset + s.limit).map((task) => task.seq),
            );
          }
          expect(index.size).toBe(model.size);
        }
        expect([...index.values()].map((task) => task.seq)).toEqual([...model.keys()].sort((a, b) => a - b));
      }),
      { numRuns: 15 },
    );
  });

  it('stays in order through a mass removal (compaction) and a late insert', () => {
    const index = new RegionIndex();
    for (let seq = 0; seq < 5000; seq += 2) index.add(record(seq));
    for (let seq = 0; seq < 4000; seq += 2) index.remove(`id-${seq}`);
    index.add(record(4001));
    index.add(record(6000));
    expect(index.size).toBe(502);
    const all = index.page({}, 0, 1000).tasks.map((task) => task.seq);
    expect(all.slice(0, 3)).toEqual([4000, 4001, 4002]);
    expect(all.at(-1)).toBe(6000);
    expect(index.page({}, 500, 10).tasks.map((task) => task.seq)).toEqual([4998, 6000]);
    expect(index.page({ dstUrl: '/news/' }, 0, 3).tasks.map((task) => task.seq)).toEqual([4002, 4008, 4014]);
  });

  it('replaces a record in place', () => {
    const index = new RegionIndex();
    index.add(record(1));
    const updated = { ...record(1), status: 1 as const };
    index.replace(updated);
    expect(index.page({}, 0, 10).tasks[0]).toBe(updated);
  });
});
