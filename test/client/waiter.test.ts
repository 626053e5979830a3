/** waitForLivePullToPush against the real emulator over HTTP. */
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { type RunningEmulator, startEmulator } from '../../src/emulator/server.js';
import {
  createLiveClient,
  type LiveClient,
  LiveOptionError,
  LiveWaitError,
  waitForLivePullToPush,
} from '../../src/index.js';
import { formatUtcTimestamp } from '../../src/rules/index.js';

let emulator: RunningEmulator;
let client: LiveClient;
beforeAll(async () => {
  emulator = await startEmulator({ frozenClock: true });
  client = createLiveClient({ endpoint: emulator.url, credentials: emulator.credentials });
});
afterAll(() => emulator.close());

const REGION = 'cn-shanghai' as const;
const FAST = { minDelayMs: 20, maxDelayMs: 100 };
const inSeconds = (s: number) => formatUtcTimestamp(new Date(emulator.service.now().getTime() + s * 1000));

async function idleTask(startsIn = 60): Promise<string> {
  const { TaskId } = await client.createLivePullToPush({
    Region: REGION,
    StartTime: inSeconds(startsIn),
    EndTime: inSeconds(startsIn + 3600),
    SourceType: 'vod',
    SourceUrls: ['waiter-media'],
    DstUrl: 'rtmp://push.example.com/app/waiter',
  });
  return TaskId;
}

describe('waitForLivePullToPush', () => {
  it('polls until the task is Running and returns that Describe answer', async () => {
    const TaskId = await idleTask();
    const waiting = waitForLivePullToPush(
      client,
      { TaskId, Region: REGION },
      { until: 'running', timeoutMs: 10_000, ...FAST },
    );
    await new Promise((resolve) => setTimeout(resolve, 100));
    emulator.service.advanceClock(60);
    const task = await waiting;
    expect(task).toMatchObject({ TaskId, TaskStatus: 1, CurrentFileIndex: 0, CurrentOffset: 0 });
  });

  it('takes a predicate', async () => {
    const TaskId = await idleTask(0);
    const waiting = waitForLivePullToPush(
      client,
      { TaskId, Region: REGION },
      { until: (task) => (task.CurrentOffset ?? 0) >= 30, timeoutMs: 10_000, ...FAST },
    );
    emulator.service.advanceClock(45);
    expect((await waiting).CurrentOffset).toBe(45);
  });

  it('times out with a typed error carrying the last state seen', async () => {
    const TaskId = await idleTask();
    const error = await waitForLivePullToPush(
      client,
      { TaskId, Region: REGION },
      { until: 'Offline', timeoutMs: 150, ...FAST },
    ).catch((e: unknown) => e);
    expect(error).toBeInstanceOf(LiveWaitError);
    expect(error).toMatchObject({
      failure: 'timeout',
      code: 'WaitTimeout',
      taskId: TaskId,
      lastTask: { TaskStatus: 0 },
    });
    expect((error as LiveWaitError).polls).toBeGreaterThanOrEqual(2);
  });

  it('gives up at once when the task exits while another state is awaited', async () => {
    const TaskId = await idleTask();
    await client.deleteLivePullToPush({ TaskId, Region: REGION });
    const error = await waitForLivePullToPush(
      client,
      { TaskId, Region: REGION },
      { until: 'running', timeoutMs: 10_000, ...FAST },
    ).catch((e: unknown) => e);
    expect(error).toMatchObject({
      failure: 'unreachable',
      lastTask: { TaskStatus: -1, TaskExitReason: 'TriggerByUser' },
    });
  });

  it('stops when aborted, with the signal reason', async () => {
    const TaskId = await idleTask();
    const controller = new AbortController();
    const waiting = waitForLivePullToPush(
      client,
      { TaskId, Region: REGION },
      { until: 'exit', signal: controller.signal, ...FAST },
    );
    controller.abort(new Error('enough'));
    await expect(waiting).rejects.toThrow('enough');
  });

  it('refuses an unknown state and a bad timeout before polling', async () => {
    const task = { TaskId: 'x', Region: REGION };
    await expect(waitForLivePullToPush(client, task, { until: 'started' as 'running' })).rejects.toBeInstanceOf(
      LiveOptionError,
    );
    await expect(waitForLivePullToPush(client, task, { until: 'running', timeoutMs: 0 })).rejects.toThrow(
      /timeoutMs must be a positive/,
    );
  });
});
