import { describe, expect, it } from 'vitest';
import type { CliResult } from './cli-process.js';
import { argv } from './command-line.js';
import { json, useEmulatorFixture } from './emulator-fixture.js';

const fixture = useEmulatorFixture();

/** Runs the CLI against the emulator, with its credentials in the environment. */
const { cli } = fixture;

/** Expects exit 0 with nothing on stderr, and returns the JSON body. */
function ok(result: CliResult): Record<string, unknown> {
  expect(result.stderr).toBe('');
  expect(result.code).toBe(0);
  return json(result.stdout);
}

/** Runs a create; expects a TaskId and a RequestId back, and returns the TaskId. */
async function createdTaskId(...args: string[]): Promise<string> {
  const created = ok(await cli(...args));
  expect(created['TaskId']).toMatch(/\S/);
  expect(created['RequestId']).toMatch(/\S/);
  return created['TaskId'] as string;
}

describe('the seven operations, vendor spelling (aliyun CLI style)', () => {
  it('creates, describes, updates, stops, restarts and deletes a task', async () => {
    const taskId = await createdTaskId(
      ...argv`CreateLivePullToPush --Region cn-shanghai --TaskName vendor-spelling
        --StartTime ${fixture.minutesFromNow(5)} --EndTime ${fixture.minutesFromNow(180)}
        --SourceType vod --SourceUrls ["media-1","media-2"] --DstUrl rtmp://push.example.com/app/vendor --RepeatNumber 2`,
    );

    const described = ok(await cli('DescribeLivePullToPush', '--TaskId', taskId, '--Region', 'cn-shanghai'));
    expect(described).toMatchObject({
      TaskId: taskId,
      TaskStatus: 0,
      TaskInfo: { SourceUrls: ['media-1', 'media-2'], RepeatNumber: 2 },
    });

    // Repeated flag for the array, a negative integer that looks like a flag.
    ok(
      await cli(
        ...argv`UpdateLivePullToPush --TaskId ${taskId} --Region cn-shanghai
          --SourceUrls media-3 --SourceUrls media-4 --RepeatNumber -1`,
      ),
    );
    expect(ok(await cli('DescribeLivePullToPush', '--TaskId', taskId, '--Region', 'cn-shanghai'))).toMatchObject({
      TaskInfo: { SourceUrls: ['media-3', 'media-4'], RepeatNumber: -1 },
    });

    const listed = ok(
      await cli('DescribeLivePullToPushList', '--Region', 'cn-shanghai', '--TaskName', 'vendor-spelling'),
    );
    expect(listed).toMatchObject({ Total: 1, TaskList: [{ TaskId: taskId }] });

    await fixture.advanceClock(6 * 60);
    expect(ok(await cli('StopLivePullToPush', '--Region', 'cn-shanghai', '--TaskId', taskId))).toMatchObject({
      TaskId: taskId,
    });
    expect(ok(await cli('RestartLivePullToPush', '--Region', 'cn-shanghai', '--TaskId', taskId))).toMatchObject({
      TaskId: taskId,
    });
    expect(ok(await cli('DescribeLivePullToPush', '--TaskId', taskId, '--Region', 'cn-shanghai'))).toMatchObject({
      TaskStatus: 1,
    });
    expect(ok(await cli('DeleteLivePullToPush', '--TaskId', taskId, '--Region', 'cn-shanghai'))).toMatchObject({
      RetCode: 0,
    });

    const actions = (await fixture.arrivals()).map((arrival) => `${arrival.action} ${arrival.outcome}`);
    expect(actions).toEqual(
      expect.arrayContaining([
        'CreateLivePullToPush OK',
        'UpdateLivePullToPush OK',
        'StopLivePullToPush OK',
        'RestartLivePullToPush OK',
        'DeleteLivePullToPush OK',
      ]),
    );
  }, 90_000);
});

describe('the seven operations, friendly aliases in kebab case', () => {
  it('creates, describes, lists, updates, stops, restarts and deletes a task', async () => {
    const taskId = await createdTaskId(
      ...argv`create --region cn-shanghai --task-name kebab-spelling
        --start-time ${fixture.minutesFromNow(5)} --end-time ${fixture.minutesFromNow(180)}
        --source-type url --source-urls https://media.example.com/a.mp4 --source-urls https://media.example.com/b.mp4
        --dst-url rtmp://push.example.com/app/kebab --callback-url http://127.0.0.1:9/unused --retry-interval 120`,
    );

    expect(ok(await cli('describe', '--task-id', taskId, '--region', 'cn-shanghai'))).toMatchObject({
      TaskInfo: { SourceType: 'url', RetryInterval: 120, DstUrl: 'rtmp://push.example.com/app/kebab' },
    });
    expect(ok(await cli('list', '--region', 'cn-shanghai', '--dst-url', 'app/kebab'))).toMatchObject({ Total: 1 });
    ok(await cli('update', '--task-id', taskId, '--region', 'cn-shanghai', '--file-index', '1', '--offset', '30'));
    await fixture.advanceClock(6 * 60);
    ok(await cli('stop', '--task-id', taskId, '--region', 'cn-shanghai'));
    ok(await cli('restart', '--task-id', taskId, '--region', 'cn-shanghai'));
    ok(await cli('delete', '--task-id', taskId, '--region', 'cn-shanghai'));
  }, 90_000);

  it('accepts the vendor spelling after an alias, and --name=value', async () => {
    const result = await cli('list', '--Region=cn-shanghai', '--page-size=5');
    expect(ok(result)).toMatchObject({ PageSize: 5, PageNumber: 1 });
  });

  it('signs with v1 (HMAC-SHA1) when asked', async () => {
    expect(ok(await cli('list', '--region', 'cn-shanghai', '--signature-version', 'v1'))).toHaveProperty('TaskList');
  });
});
