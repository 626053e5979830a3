/**
 * Every "takes effect" note of the seed page (UpdateLivePullToPush), observed over HTTP on the
 * virtual task clock: through Alibaba's official cores (openapi-core, pop-core) and through our
 * client, asserting Describe's position and the callbacks received.
 */
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { methodName } from '../../src/client/operation-types.js';
import type { RunningEmulator } from '../../src/emulator/server.js';
import { createLiveClient } from '../../src/index.js';
import { formatUtcTimestamp } from '../../src/rules/index.js';
import { control } from '../emulator/control-client.js';
import { emulatorPerFile } from '../emulator/emulator-per-file.js';
import { type Receiver, startReceiver } from '../support/callback-receiver.js';
import { CallFailure, officialClient, type SdkClient } from '../support/official-sdk.js';

/** Three media of 60, 120 and 30 s, and two more for list changes. */
const MEDIA = {
  a60: { durationSeconds: 60 },
  b120: { durationSeconds: 120 },
  c30: { durationSeconds: 30 },
  d40: { durationSeconds: 40 },
  e50: { durationSeconds: 50 },
};
const REGION = 'cn-shanghai';

const current = emulatorPerFile({ frozenClock: true, media: MEDIA });
let emulator: RunningEmulator;
let receivers: Receiver[];
beforeEach(() => {
  emulator = current();
  receivers = [];
});
afterEach(async () => {
  for (const receiver of receivers) await receiver.close();
});

/** The three ways a caller reaches the emulator, behind one `call`. */
const CALLERS: readonly [string, (e: RunningEmulator) => SdkClient][] = [
  ['openapi-core v3', (e) => officialClient('openapi-core-v3', e.endpoint, e.credentials)],
  ['pop-core GET', (e) => officialClient('popcore-get', e.endpoint, e.credentials)],
  [
    'live-relay client',
    (e) => {
      const client = createLiveClient({ endpoint: e.url, credentials: e.credentials });
      return {
        name: 'live-relay client',
        call: (action, params) =>
          (client[methodName(action)] as (p: unknown) => Promise<Record<string, unknown>>)(params),
        close() {},
      };
    },
  ],
];

async function advance(seconds: number): Promise<void> {
  const res = await control(emulator.url, 'POST', 'clock', { advanceSeconds: seconds });
  expect(res.status, res.text).toBe(200);
}

const at = (seconds: number) => formatUtcTimestamp(new Date(emulator.service.now().getTime() + seconds * 1000));

async function receiver(): Promise<Receiver> {
  const started = await startReceiver();
  receivers.push(started);
  return started;
}

/** The callbacks a receiver got, as `[TaskStatus, TaskInvalidReason?]`. */
async function statuses(from: Receiver): Promise<unknown[][]> {
  await emulator.service.callbacksIdle();
  return from.events.map((e) =>
    e['TaskInvalidReason'] === undefined ? [e['TaskStatus']] : [e['TaskStatus'], e['TaskInvalidReason']],
  );
}

describe.each(CALLERS)('seed notes through %s', (_name, make) => {
  let sdk: SdkClient;
  beforeEach(() => {
    sdk = make(emulator);
  });
  afterEach(() => sdk.close());

  const create = async (params: Record<string, unknown>): Promise<string> => {
    const body = await sdk.call('CreateLivePullToPush', {
      Region: REGION,
      StartTime: at(0),
      EndTime: at(7200),
      SourceType: 'vod',
      DstUrl: 'rtmp://push.example.com/app/seed',
      ...params,
    });
    return body['TaskId'] as string;
  };
  const position = async (TaskId: string) => {
    const task = await sdk.call('DescribeLivePullToPush', { TaskId, Region: REGION });
    return [task['TaskStatus'], task['CurrentFileIndex'], task['CurrentOffset']];
  };
  const update = (TaskId: string, params: Record<string, unknown>) =>
    sdk.call('UpdateLivePullToPush', { TaskId, Region: REGION, ...params });
  const refusal = (run: Promise<unknown>) =>
    run.then(
      () => undefined,
      (error: unknown) => (error instanceof CallFailure ? error.code : (error as { code?: string }).code),
    );

  it('RepeatNumber "takes effect immediately": a change while Running moves the end of the list', async () => {
    const hooks = await receiver();
    const TaskId = await create({ SourceUrls: ['a60', 'c30'], RepeatNumber: 0, CallbackUrl: hooks.url });
    await advance(70);
    expect(await position(TaskId)).toEqual([1, 1, 10]);
    await update(TaskId, { RepeatNumber: 2 }); // three passes of 90 s: the list now ends at 270 s, not 90 s
    await advance(110);
    expect(await position(TaskId)).toEqual([1, 0, 0]);
    await advance(89);
    expect(await position(TaskId)).toEqual([1, 1, 29]);
    await advance(1);
    expect(await position(TaskId)).toEqual([3, 1, 30]);
    expect(await statuses(hooks)).toEqual([[1], [3]]);
  });

  it('SourceUrls "after the current video ends … plays from the beginning": only while stopped (D-01), then the new list from its start', async () => {
    const hooks = await receiver();
    const TaskId = await create({ SourceUrls: ['a60', 'b120'], CallbackUrl: hooks.url });
    await advance(75);
    expect(await refusal(update(TaskId, { SourceUrls: ['d40', 'e50'] }))).toBe('CodeTaskHasStarted');
    await sdk.call('StopLivePullToPush', { TaskId, Region: REGION });
    await update(TaskId, { SourceUrls: ['d40', 'e50'] });
    expect(await position(TaskId)).toEqual([3, 1, 15]);
    await sdk.call('RestartLivePullToPush', { TaskId, Region: REGION });
    expect(await position(TaskId)).toEqual([1, 0, 0]);
    await advance(45);
    expect(await position(TaskId)).toEqual([1, 1, 5]);
    expect(await statuses(hooks)).toEqual([[1], [3, 'TriggerByUser'], [1]]);
  });

  it('FileIndex "takes effect after you restart the task": a change while stopped is what Restart plays', async () => {
    const TaskId = await create({ SourceUrls: ['a60', 'b120', 'c30'] });
    await advance(70);
    expect(await refusal(update(TaskId, { FileIndex: 2 }))).toBe('CodeTaskHasStarted');
    await sdk.call('StopLivePullToPush', { TaskId, Region: REGION });
    await update(TaskId, { FileIndex: 2 });
    await advance(30);
    const stopped = await sdk.call('DescribeLivePullToPush', { TaskId, Region: REGION });
    expect(stopped).toMatchObject({
      TaskStatus: 3,
      CurrentFileIndex: 1,
      CurrentOffset: 10,
      TaskInfo: { FileIndex: 2 },
    });
    await sdk.call('RestartLivePullToPush', { TaskId, Region: REGION });
    await advance(12);
    expect(await position(TaskId)).toEqual([1, 2, 12]);
  });

  it('Offset "takes effect only for the first video": FileIndex 1, Offset 10, RepeatNumber 1 over 60, 120 and 30 s', async () => {
    const hooks = await receiver();
    const TaskId = await create({
      SourceUrls: ['a60', 'b120', 'c30'],
      FileIndex: 1,
      Offset: 10,
      RepeatNumber: 1,
      CallbackUrl: hooks.url,
    });
    const script: [number, unknown[]][] = [
      [0, [1, 1, 10]], // first pass: the first video played starts 10 s in
      [109, [1, 1, 119]],
      [1, [1, 2, 0]], // the next video from its start
      [30, [1, 0, 0]], // second pass: the whole list, no offset
      [60, [1, 1, 0]],
      [149, [1, 2, 29]],
      [1, [3, 2, 30]], // the last pass ended: Offline at the end of the last video (D-36)
    ];
    for (const [seconds, expected] of script) {
      await advance(seconds);
      expect(await position(TaskId)).toEqual(expected);
    }
    expect(await statuses(hooks)).toEqual([[1], [3]]);
  });

  it('StartTime once started and EndTime once ended: "the update does not take effect" (200, unchanged)', async () => {
    const startTime = at(0);
    const TaskId = await create({ SourceUrls: ['a60'], StartTime: startTime });
    expect(await update(TaskId, { StartTime: at(600) })).toMatchObject({ RetCode: 0, Description: 'OK' });
    const running = await sdk.call('DescribeLivePullToPush', { TaskId, Region: REGION });
    expect(running).toMatchObject({ TaskStatus: 1, TaskInfo: { StartTime: startTime } });
    const endTime = (running['TaskInfo'] as { EndTime: string }).EndTime;
    await sdk.call('DeleteLivePullToPush', { TaskId, Region: REGION });
    expect(await update(TaskId, { EndTime: at(9000) })).toMatchObject({ RetCode: 0, Description: 'OK' });
    expect(await sdk.call('DescribeLivePullToPush', { TaskId, Region: REGION })).toMatchObject({
      TaskStatus: -1,
      TaskInfo: { EndTime: endTime },
    });
    expect(await refusal(update(TaskId, { RepeatNumber: 1 }))).toBe('CodeTaskNotExist');
  });

  it('CallbackUrl "takes effect for subsequent events": the next event goes to the new URL', async () => {
    const first = await receiver();
    const second = await receiver();
    const TaskId = await create({ SourceUrls: ['a60'], RepeatNumber: -1, CallbackUrl: first.url });
    await advance(10);
    await update(TaskId, { CallbackUrl: second.url });
    await sdk.call('StopLivePullToPush', { TaskId, Region: REGION });
    expect(await statuses(first)).toEqual([[1]]);
    expect(await statuses(second)).toEqual([[3, 'TriggerByUser']]);
  });
});
