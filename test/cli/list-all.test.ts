import { beforeAll, describe, expect, it } from 'vitest';
import { startRecordingServer } from '../support/recording-server.js';
import { runCli } from './cli-process.js';
import { json, useEmulatorFixture } from './emulator-fixture.js';

const TASKS = 25;
const fixture = useEmulatorFixture();

beforeAll(async () => {
  // Seed through the task service directly: the paging, not task creation, is under test here.
  for (let i = 0; i < TASKS; i++) {
    fixture.emulator.service.handle('CreateLivePullToPush', {
      Region: 'cn-beijing',
      TaskName: `bulk-${String(i).padStart(2, '0')}`,
      StartTime: fixture.minutesFromNow(10),
      EndTime: fixture.minutesFromNow(120),
      SourceType: 'vod',
      SourceUrls: [`media-${i}`],
      DstUrl: `rtmp://push.example.com/bulk/${i}`,
    });
  }
});

const { cli } = fixture;

const listCalls = async (): Promise<number> =>
  (await fixture.arrivals()).filter((arrival) => arrival.action === 'DescribeLivePullToPushList').length;

describe('list --all', () => {
  it('pages through every task and prints {TaskList, Total}', async () => {
    const before = await listCalls();
    const result = await cli('DescribeLivePullToPushList', '--Region', 'cn-beijing', '--PageSize', '10', '--all');
    expect(result).toMatchObject({ code: 0, stderr: '' });
    const body = json(result.stdout) as { TaskList: { TaskInfo: { TaskName: string } }[]; Total: number };
    expect(Object.keys(body)).toEqual(['TaskList', 'Total']);
    expect(body.Total).toBe(TASKS);
    expect(body.TaskList.map((task) => task.TaskInfo.TaskName)).toEqual(
      Array.from({ length: TASKS }, (_, i) => `bulk-${String(i).padStart(2, '0')}`),
    );
    // 25 tasks at 10 a page: pages 1, 2 and 3.
    expect((await listCalls()) - before).toBe(3);
  });

  it('asks for the largest page when no page size is given, and keeps the filters', async () => {
    const before = await listCalls();
    const result = await cli('list', '--region', 'cn-beijing', '--task-name', 'bulk-1', '--all');
    const body = json(result.stdout) as { TaskList: unknown[]; Total: number };
    expect(body.Total).toBe(10); // bulk-10 … bulk-19
    expect((await listCalls()) - before).toBe(1);
  });

  it('prints one table row per task with --output table, and no progress when stderr is not a terminal', async () => {
    const result = await cli('list', '--region', 'cn-beijing', '--page-size', '7', '--all', '--output', 'table');
    expect(result).toMatchObject({ code: 0, stderr: '' });
    const lines = result.stdout.trimEnd().split('\n');
    expect(lines[0]).toMatch(/^TaskId\s+TaskName\s+TaskStatus\s+StartTime\s+EndTime\s+DstUrl$/);
    expect(lines.filter((line) => /\sbulk-\d\d\s+Idle\s/.test(line))).toHaveLength(TASKS);
    expect(lines.at(-1)).toBe(`${TASKS} of ${TASKS} tasks`);
  });

  it('stops with an error saying why against a service answering PageSize 0 and a huge Total', async () => {
    const hostile = await startRecordingServer(() => ({
      body: {
        RequestId: 'r',
        Total: 1e9,
        PageNumber: 1,
        PageSize: 0,
        TaskList: [{ TaskId: 't-1', TaskStatus: 0, TaskInfo: { TaskId: 't-1' } }],
      },
    }));
    try {
      const result = await runCli(['list', '--region', 'cn-beijing', '--all', '--endpoint', hostile.url], fixture.env);
      expect(result.code).toBe(1);
      expect(result.stdout).toBe('');
      expect(result.stderr).toBe(
        'live-relay: DescribeLivePullToPushList paging stopped at page 1: the service answered PageSize 0, so no page would ever reach the end\n',
      );
      expect(hostile.requests).toHaveLength(1);
    } finally {
      await hostile.close();
    }
  });
});
