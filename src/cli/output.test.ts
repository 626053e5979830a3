import { describe, expect, it } from 'vitest';
import { formatOutput } from './output.js';

const task = (id: string, status: number) => ({
  TaskId: id,
  TaskStatus: status,
  TaskInfo: {
    TaskId: id,
    TaskName: `name-${id}`,
    StartTime: '2030-01-01T00:00:00Z',
    EndTime: '2030-01-01T03:00:00Z',
    DstUrl: `rtmp://push/app/${id}`,
  },
});

describe('formatOutput', () => {
  it('prints JSON with two-space indentation', () => {
    expect(formatOutput('StopLivePullToPush', { RequestId: 'r', TaskId: 't' }, 'json')).toBe(
      '{\n  "RequestId": "r",\n  "TaskId": "t"\n}\n',
    );
  });

  it('prints a task list as one row per task, naming each status', () => {
    const text = formatOutput(
      'DescribeLivePullToPushList',
      { TaskList: [task('a', 1), task('b', -1)], Total: 2, PageNumber: 1, PageSize: 10 },
      'table',
    );
    const lines = text.trimEnd().split('\n');
    expect(lines[0]).toMatch(/^TaskId\s+TaskName\s+TaskStatus\s+StartTime\s+EndTime\s+DstUrl$/);
    expect(lines[2]).toMatch(
      /^a\s+name-a\s+Running\s+2030-01-01T00:00:00Z\s+2030-01-01T03:00:00Z\s+rtmp:\/\/push\/app\/a$/,
    );
    expect(lines[3]).toMatch(/^b\s+name-b\s+Exit\s/);
    expect(lines[4]).toBe('2 of 2 tasks (page 1, 10 per page)');
  });

  it('prints other bodies as key/value rows', () => {
    const text = formatOutput('DescribeLivePullToPush', { RequestId: 'r', ...task('a', 3) }, 'table');
    expect(text).toMatch(/^TaskStatus\s+Offline \(3\)$/m);
    expect(text).toMatch(/^TaskInfo\.DstUrl\s+rtmp:\/\/push\/app\/a$/m);
  });
});
