import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import type { TaskService } from '../../src/emulator/service/task-service.js';
import { call, clockDrivenService, createTask, REGION } from './service-fixtures.js';

let service: TaskService;
let ids: string[];

beforeEach(() => {
  service = clockDrivenService();
  ids = [];
  for (let i = 0; i < 25; i++) {
    ids.push(
      createTask(service, {
        TaskName: i % 2 === 0 ? `even-${i}` : `odd-${i}`,
        DstUrl: `rtmp://push.example.com/${i < 5 ? 'news' : 'sport'}/stream-${i}`,
      }),
    );
  }
  createTask(service, { Region: 'cn-beijing', TaskName: 'even-elsewhere' });
});
afterEach(async () => {
  await service.close();
});

const list = (params: Record<string, unknown> = {}) =>
  call(service, 'DescribeLivePullToPushList', { Region: REGION, ...params });

describe('DescribeLivePullToPushList', () => {
  it("pages the Region's tasks in creation order, 10 a page by default", () => {
    const first = list();
    expect(first).toMatchObject({ Total: 25, PageNumber: 1, PageSize: 10 });
    expect(first.TaskList.map((task) => task.TaskId)).toEqual(ids.slice(0, 10));
    const third = list({ PageNumber: 3 });
    expect(third.TaskList.map((task) => task.TaskId)).toEqual(ids.slice(20, 25));
    expect(list({ PageNumber: 4 })).toMatchObject({ Total: 25, TaskList: [] });
  });

  it('honours PageSize from 1 to 100', () => {
    expect(list({ PageSize: 1, PageNumber: 7 }).TaskList.map((task) => task.TaskId)).toEqual([ids[6]]);
    const all = list({ PageSize: 100 });
    expect(all.TaskList).toHaveLength(25);
    expect(all.PageSize).toBe(100);
  });

  it('filters by substrings of TaskId, TaskName and DstUrl, all at once, Total counting matches', () => {
    const even = list({ TaskName: 'even' });
    expect(even.Total).toBe(13);
    expect(even.TaskList.map((task) => task.TaskInfo.TaskName)).toEqual([
      'even-0',
      'even-2',
      'even-4',
      'even-6',
      'even-8',
      'even-10',
      'even-12',
      'even-14',
      'even-16',
      'even-18',
    ]);
    expect(list({ TaskName: 'even', PageNumber: 2 }).TaskList).toHaveLength(3);

    expect(list({ DstUrl: '/news/' }).Total).toBe(5);
    expect(list({ DstUrl: '/news/', TaskName: 'odd' }).TaskList.map((task) => task.TaskInfo.TaskName)).toEqual([
      'odd-1',
      'odd-3',
    ]);

    const id = ids[17]!;
    const byId = list({ TaskId: id.slice(9, 23) });
    expect(byId.Total).toBe(1);
    expect(byId.TaskList[0]!.TaskId).toBe(id);
    expect(list({ TaskName: 'no-such-name' })).toMatchObject({ Total: 0, TaskList: [] });
  });

  it('is case-sensitive', () => {
    expect(list({ TaskName: 'EVEN' }).Total).toBe(0);
  });

  it('lists exited tasks with their exit fields until they are purged', () => {
    call(service, 'DeleteLivePullToPush', { TaskId: ids[0]!, Region: REGION });
    const page = list({ PageSize: 1 });
    expect(page.Total).toBe(25);
    expect(page.TaskList[0]).toMatchObject({ TaskId: ids[0], TaskStatus: -1, TaskExitReason: 'TriggerByUser' });
    // The others exit at their EndTime, 3 hours in, and stay listed for another 24 hours.
    service.advanceClock(86_400 + 60);
    expect(list().Total).toBe(24);
    expect(list().TaskList.every((task) => task.TaskExitReason === 'OverEndTime')).toBe(true);
  });

  it('keeps creation order when Update moves a task to another Region', () => {
    call(service, 'UpdateLivePullToPush', { TaskId: ids[3]!, Region: 'cn-beijing' });
    const beijing = call(service, 'DescribeLivePullToPushList', { Region: 'cn-beijing' });
    expect(beijing.TaskList.map((task) => task.TaskInfo.TaskName)).toEqual(['odd-3', 'even-elsewhere']);
    expect(list().Total).toBe(24);
  });

  it('lists nothing for a Region without tasks', () => {
    expect(call(service, 'DescribeLivePullToPushList', { Region: 'eu-central-1' })).toEqual({
      Total: 0,
      PageNumber: 1,
      PageSize: 10,
      TaskList: [],
    });
  });
});
