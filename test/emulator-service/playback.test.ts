import { afterEach, describe, expect, it } from 'vitest';
import { mediaCatalog } from '../../src/emulator/playback/media-catalog.js';
import type { TaskService } from '../../src/emulator/service/task-service.js';
import { startReceiver } from '../support/callback-receiver.js';
import { call, clockDrivenService, createTask, describeTask, REGION, serviceError } from './service-fixtures.js';

/** Three media of 60, 120 and 30 s, one that cannot be pulled, and a live stream. */
const MEDIA = mediaCatalog({
  a60: { durationSeconds: 60 },
  b120: { durationSeconds: 120 },
  c30: { durationSeconds: 30 },
  gone: { durationSeconds: 45, missing: true },
  'rtmp://pull.example.com/app/gone': { durationSeconds: 1, missing: true },
});

let service: TaskService;
afterEach(async () => {
  await service.close();
});

/** A frozen task clock: positions depend only on the clock moves a test makes. */
function playbackService(): TaskService {
  return clockDrivenService({ media: MEDIA, frozenClock: true });
}

function position(id: string) {
  const task = describeTask(service, id);
  return [task.TaskStatus, task.CurrentFileIndex, task.CurrentOffset];
}

describe('playback on the task clock', () => {
  it('plays FileIndex 1 from Offset 10, then the whole list once more (RepeatNumber 1), then stops Offline', () => {
    service = playbackService();
    const id = createTask(service, { SourceUrls: ['a60', 'b120', 'c30'], FileIndex: 1, Offset: 10, RepeatNumber: 1 });
    expect(position(id)).toEqual([0, 1, 10]);
    service.advanceClock(3600);
    const script: [number, [number, number, number]][] = [
      [0, [1, 1, 10]],
      [50, [1, 1, 60]],
      [60, [1, 2, 0]],
      [29, [1, 2, 29]],
      [1, [1, 0, 0]],
      [125, [1, 1, 65]],
      [55, [1, 2, 0]],
      [29, [1, 2, 29]],
      [1, [3, 2, 30]],
      [600, [3, 2, 30]],
    ];
    for (const [seconds, expected] of script) {
      service.advanceClock(seconds);
      expect(position(id)).toEqual(expected);
    }
    expect(describeTask(service, id).TaskInvalidReason).toBeUndefined();
  });

  it('changes when the list ends with a RepeatNumber update while Running, never cutting the pass playing', () => {
    service = playbackService();
    const id = createTask(service, { SourceUrls: ['a60', 'c30'], RepeatNumber: -1 }, { startsIn: 0 });
    service.advanceClock(200); // pass 2 (0-based), 20 s in
    call(service, 'UpdateLivePullToPush', { TaskId: id, Region: REGION, RepeatNumber: 0 });
    service.advanceClock(69);
    expect(position(id)).toEqual([1, 1, 29]);
    service.advanceClock(1);
    expect(position(id)).toEqual([3, 1, 30]);
  });

  it('pauses while Recovering and resumes where it stood', () => {
    service = playbackService();
    const id = createTask(service, { SourceUrls: ['b120'], RetryInterval: 30 }, { startsIn: 0 });
    service.advanceClock(40);
    service.injectFault({ TaskId: id, Reason: 'PushStreamFailed', RecoverAfterRetries: 2 });
    service.advanceClock(45);
    expect(position(id)).toEqual([2, 0, 40]);
    service.advanceClock(15); // the second retry, 60 s after the failure, succeeds
    expect(position(id)).toEqual([1, 0, 40]);
    service.advanceClock(79);
    expect(position(id)).toEqual([1, 0, 119]);
    service.advanceClock(1);
    expect(position(id)).toEqual([3, 0, 120]);
  });

  it('plays a FileIndex changed while stopped at the Restart, from the first pass', () => {
    service = playbackService();
    const id = createTask(service, { SourceUrls: ['a60', 'b120', 'c30'] }, { startsIn: 0 });
    service.advanceClock(70);
    call(service, 'StopLivePullToPush', { TaskId: id, Region: REGION });
    call(service, 'UpdateLivePullToPush', { TaskId: id, Region: REGION, FileIndex: 2 });
    service.advanceClock(500);
    expect(position(id)).toEqual([3, 1, 10]);
    call(service, 'RestartLivePullToPush', { TaskId: id, Region: REGION });
    service.advanceClock(12);
    expect(position(id)).toEqual([1, 2, 12]);
  });

  it('fails at a missing medium: Recovering with PullStreamFailed, every retry fails, then Offline', async () => {
    const receiver = await startReceiver();
    try {
      service = playbackService();
      const id = createTask(
        service,
        { SourceUrls: ['a60', 'gone'], RetryCount: 2, RetryInterval: 10, CallbackUrl: receiver.url },
        { startsIn: 0 },
      );
      service.advanceClock(60);
      expect(position(id)).toEqual([2, 1, 0]);
      service.advanceClock(20);
      expect(describeTask(service, id)).toMatchObject({
        TaskStatus: 3,
        TaskInvalidReason: 'PullStreamFailed',
        CurrentFileIndex: 1,
        CurrentOffset: 0,
      });
      await service.callbacksIdle();
      expect(receiver.events.map((e) => [e['TaskStatus'], e['TaskInvalidReason']])).toEqual([
        [1, undefined],
        [2, undefined],
        [3, 'PullStreamFailed'],
      ]);
    } finally {
      await receiver.close();
    }
  });

  it('announces the end of the list as Offline without a reason, and exits at EndTime as usual', async () => {
    const receiver = await startReceiver();
    try {
      service = playbackService();
      const id = createTask(
        service,
        { SourceUrls: ['c30'], CallbackUrl: receiver.url },
        { startsIn: 0, lastsFor: 600 },
      );
      service.advanceClock(600);
      expect(describeTask(service, id)).toMatchObject({ TaskStatus: -1, TaskExitReason: 'OverEndTime' });
      await service.callbacksIdle();
      expect(receiver.events.map((e) => [e['Event'], e['TaskStatus'], e['TaskInvalidReason']])).toEqual([
        ['LivePullToPushRunning', 1, undefined],
        ['LivePullToPushRunning', 3, undefined],
        ['LivePullToPushExit', -1, undefined],
      ]);
    } finally {
      await receiver.close();
    }
  });

  it('shows a live task at index 0 with the seconds relayed, and fails a missing stream at once', () => {
    service = playbackService();
    const live = { SourceType: 'live', SourceProtocol: 'rtmp' } as const;
    const id = createTask(service, { ...live, SourceUrls: ['rtmp://pull.example.com/app/s'] }, { startsIn: 0 });
    service.advanceClock(3000);
    expect(position(id)).toEqual([1, 0, 3000]);
    const gone = createTask(service, { ...live, SourceUrls: ['rtmp://pull.example.com/app/gone'] }, { startsIn: 0 });
    service.advanceClock(0);
    expect(position(gone)).toEqual([2, 0, 0]);
  });

  it('refuses a FileIndex past the list on Create and Update (InvalidParameter)', () => {
    service = playbackService();
    const error = serviceError(() => createTask(service, { SourceUrls: ['a60', 'c30'], FileIndex: 2 }));
    expect(error).toMatchObject({ code: 'InvalidParameter', param: 'FileIndex' });
    const id = createTask(service, { SourceUrls: ['a60', 'c30'], FileIndex: 1 });
    expect(
      serviceError(() => call(service, 'UpdateLivePullToPush', { TaskId: id, Region: REGION, SourceUrls: ['a60'] })),
    ).toMatchObject({ code: 'InvalidParameter', param: 'FileIndex' });
  });
});
