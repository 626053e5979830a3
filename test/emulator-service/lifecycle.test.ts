import { describe, expect, it } from 'vitest';
import { REGION, serviceError, servicePerTest } from './service-fixtures.js';

const service = servicePerTest();

describe('create and start', () => {
  it('creates an Idle task with a UUID and every documented field', () => {
    const id = service.create({ TaskName: 'morning show' });
    expect(id).toMatch(/^[0-9a-f]{8}-[0-9a-f]{4}-4[0-9a-f]{3}-[89ab][0-9a-f]{3}-[0-9a-f]{12}$/);
    const task = service.describe(id);
    expect(task).toMatchObject({
      RetCode: 0,
      Description: 'OK',
      TaskId: id,
      TaskStatus: 0,
      CurrentFileIndex: 0,
      CurrentOffset: 0,
    });
    expect(task.TaskInfo).toEqual({
      TaskId: id,
      TaskName: 'morning show',
      StartTime: expect.any(String),
      EndTime: expect.any(String),
      SourceType: 'vod',
      SourceUrls: ['media0001', 'media0002', 'media0003'],
      DstUrl: 'rtmp://push.example.com/app/stream',
      CallbackURL: '',
      RepeatNumber: 0,
      RetryCount: 3,
      RetryInterval: 60,
      Offset: 0,
      FileIndex: 0,
    });
    expect(task).not.toHaveProperty('TaskInvalidReason');
    expect(task).not.toHaveProperty('TaskExitTime');
  });

  it('runs the task when the clock reaches StartTime, not before', () => {
    const id = service.create({}, { startsIn: 600 });
    service.advanceClock(590);
    expect(service.status(id)).toBe(0);
    service.advanceClock(10);
    expect(service.status(id)).toBe(1);
  });

  it('runs a task whose StartTime is already past at once', () => {
    const id = service.create({}, { startsIn: -300 });
    expect(service.status(id)).toBe(1);
  });

  it('refuses a window longer than seven days with InvalidParam.CodeIllegalDuration', () => {
    const error = serviceError(() => service.create({}, { startsIn: 60, lastsFor: 8 * 86_400 }));
    expect(error.code).toBe('InvalidParam.CodeIllegalDuration');
    expect(error.param).toBe('EndTime');
  });

  it('refuses SourceUrls that do not fit SourceType with InvalidParameter', () => {
    const error = serviceError(() =>
      service.create({ SourceType: 'live', SourceProtocol: 'rtmp', SourceUrls: ['rtmp://a/b/c', 'rtmp://a/b/d'] }),
    );
    expect(error).toMatchObject({ code: 'InvalidParameter', param: 'SourceUrls' });
  });
});

describe('faults and retries', () => {
  it('retries RetryCount times RetryInterval apart, then goes Offline with the fault as reason', () => {
    const id = service.recovering({ Reason: 'PushStreamFailed' }, { RetryCount: 2, RetryInterval: 120 });
    expect(service.status(id)).toBe(2);
    expect(service.describe(id)).not.toHaveProperty('TaskInvalidReason');
    service.advanceClock(230);
    expect(service.status(id)).toBe(2);
    service.advanceClock(20);
    expect(service.describe(id)).toMatchObject({ TaskStatus: 3, TaskInvalidReason: 'PushStreamFailed' });
  });

  it('uses the defaults of 3 retries 60 s apart', () => {
    const id = service.recovering({ Reason: 'PullStreamFailed' });
    service.advanceClock(170);
    expect(service.status(id)).toBe(2);
    service.advanceClock(20);
    expect(service.describe(id)).toMatchObject({ TaskStatus: 3, TaskInvalidReason: 'PullStreamFailed' });
  });

  it('returns to Running when the RecoverAfterRetries-th retry succeeds', () => {
    const id = service.recovering({ Reason: 'PullStreamFailed', RecoverAfterRetries: 2 });
    service.advanceClock(110);
    expect(service.status(id)).toBe(2);
    service.advanceClock(20);
    expect(service.status(id)).toBe(1);
    service.advanceClock(600);
    expect(service.status(id)).toBe(1);
  });

  it('goes Offline at once with RetryCount 0', () => {
    const id = service.recovering({ Reason: 'PullStreamFailed' }, { RetryCount: 0 });
    expect(service.describe(id)).toMatchObject({ TaskStatus: 3, TaskInvalidReason: 'PullStreamFailed' });
  });

  it('refuses a fault on a task that is not running, unknown or given bad values', () => {
    const idle = service.create();
    expect(serviceError(() => service.injectFault({ TaskId: idle, Reason: 'PullStreamFailed' })).code).toBe(
      'CodeTaskHasStopped',
    );
    expect(serviceError(() => service.injectFault({ TaskId: 'nope', Reason: 'PullStreamFailed' })).code).toBe(
      'CodeTaskNotExist',
    );
    const running = service.running();
    const badReason = { TaskId: running, Reason: 'Gremlins' as 'PullStreamFailed' };
    expect(serviceError(() => service.injectFault(badReason)).param).toBe('Reason');
    const badRetry = { TaskId: running, Reason: 'PullStreamFailed' as const, RecoverAfterRetries: 0 };
    expect(serviceError(() => service.injectFault(badRetry)).param).toBe('RecoverAfterRetries');
  });
});

describe('stop, restart, delete', () => {
  it('stops a running or recovering task (Offline, TriggerByUser) and returns its TaskId', () => {
    const id = service.running();
    expect(service.call('StopLivePullToPush', { TaskId: id, Region: REGION })).toEqual({ TaskId: id });
    expect(service.describe(id)).toMatchObject({ TaskStatus: 3, TaskInvalidReason: 'TriggerByUser' });

    const recovering = service.recovering();
    service.call('StopLivePullToPush', { TaskId: recovering, Region: REGION });
    expect(service.status(recovering)).toBe(3);
    service.advanceClock(600);
    expect(service.describe(recovering)).toMatchObject({ TaskStatus: 3, TaskInvalidReason: 'TriggerByUser' });
  });

  it('refuses to stop a task that is not running with CodeTaskHasStopped', () => {
    const idle = service.create();
    expect(serviceError(() => service.call('StopLivePullToPush', { TaskId: idle, Region: REGION })).code).toBe(
      'CodeTaskHasStopped',
    );
    const stopped = service.running();
    service.call('StopLivePullToPush', { TaskId: stopped, Region: REGION });
    expect(serviceError(() => service.call('StopLivePullToPush', { TaskId: stopped, Region: REGION })).code).toBe(
      'CodeTaskHasStopped',
    );
  });

  it('restarts stopped, recovering and running tasks, returning the same TaskId', () => {
    const stopped = service.running();
    service.call('StopLivePullToPush', { TaskId: stopped, Region: REGION });
    expect(service.call('RestartLivePullToPush', { TaskId: stopped, Region: REGION })).toEqual({ TaskId: stopped });
    const restarted = service.describe(stopped);
    expect(restarted.TaskStatus).toBe(1);
    expect(restarted).not.toHaveProperty('TaskInvalidReason');

    const recovering = service.recovering({ Reason: 'PushStreamFailed' });
    service.call('RestartLivePullToPush', { TaskId: recovering, Region: REGION });
    expect(service.status(recovering)).toBe(1);
    service.advanceClock(600);
    expect(service.status(recovering)).toBe(1);

    const running = service.running();
    service.call('RestartLivePullToPush', { TaskId: running, Region: REGION });
    expect(service.status(running)).toBe(1);
  });

  it('answers a restart before StartTime with success and no effect', () => {
    const id = service.create();
    expect(service.call('RestartLivePullToPush', { TaskId: id, Region: REGION })).toEqual({ TaskId: id });
    expect(service.status(id)).toBe(0);
    service.advanceClock(3600);
    expect(service.status(id)).toBe(1);
  });

  it('deletes a task in any live state: Exit, TriggerByUser, TaskExitTime now', () => {
    for (const id of [service.create(), service.running()]) {
      const before = Math.floor(service.now().getTime() / 1000);
      expect(service.call('DeleteLivePullToPush', { TaskId: id, Region: REGION })).toEqual({
        RetCode: 0,
        Description: 'OK',
      });
      const task = service.describe(id);
      expect(task).toMatchObject({ TaskStatus: -1, TaskExitReason: 'TriggerByUser' });
      expect(task.TaskExitTime).toBeGreaterThanOrEqual(before);
      expect(task.TaskExitTime).toBeLessThanOrEqual(Math.floor(service.now().getTime() / 1000));
    }
  });

  it('exits at EndTime with OverEndTime and TaskExitTime equal to EndTime', () => {
    const id = service.running();
    const endTime = service.describe(id).TaskInfo.EndTime!;
    service.advanceClock(86_400);
    expect(service.describe(id)).toMatchObject({
      TaskStatus: -1,
      TaskExitReason: 'OverEndTime',
      TaskExitTime: Date.parse(endTime) / 1000,
    });
  });

  it('exits at EndTime from every state, even mid-retry', () => {
    const idle = service.create({}, { startsIn: 3600, lastsFor: 600 });
    const recovering = service.recovering({ Reason: 'PullStreamFailed' }, { RetryInterval: 300, RetryCount: 100 });
    const offline = service.running();
    service.call('StopLivePullToPush', { TaskId: offline, Region: REGION });
    service.advanceClock(8 * 3600);
    for (const id of [idle, recovering, offline]) {
      const task = service.describe(id);
      expect(task).toMatchObject({ TaskStatus: -1, TaskExitReason: 'OverEndTime' });
      expect(task.TaskExitTime).toBe(Date.parse(task.TaskInfo.EndTime!) / 1000);
    }
  });
});

describe('exited tasks and lookups', () => {
  it('keeps an exited task visible for the retention period, immutable, then forgets it', async () => {
    await service.reopen({ retentionSeconds: 3600 });
    const id = service.running();
    service.call('DeleteLivePullToPush', { TaskId: id, Region: REGION });
    const exited = service.describe(id);
    for (const action of ['StopLivePullToPush', 'RestartLivePullToPush', 'DeleteLivePullToPush'] as const) {
      expect(serviceError(() => service.call(action, { TaskId: id, Region: REGION })).code).toBe('CodeTaskNotExist');
    }
    const update = () => service.call('UpdateLivePullToPush', { TaskId: id, Region: REGION, RepeatNumber: 2 });
    expect(serviceError(update).code).toBe('CodeTaskNotExist');
    expect(serviceError(() => service.injectFault({ TaskId: id, Reason: 'PullStreamFailed' })).code).toBe(
      'CodeTaskNotExist',
    );
    service.advanceClock(3590);
    expect(service.describe(id)).toEqual(exited);
    expect(service.call('DescribeLivePullToPushList', { Region: REGION }).Total).toBe(1);
    service.advanceClock(20);
    expect(serviceError(() => service.describe(id)).code).toBe('CodeTaskNotExist');
    expect(service.call('DescribeLivePullToPushList', { Region: REGION }).Total).toBe(0);
  });

  it('retains exited tasks for 24 hours of task time by default', () => {
    const id = service.create();
    service.call('DeleteLivePullToPush', { TaskId: id, Region: REGION });
    service.advanceClock(86_390);
    expect(service.status(id)).toBe(-1);
    service.advanceClock(20);
    expect(serviceError(() => service.describe(id)).code).toBe('CodeTaskNotExist');
  });

  it('finds a task only in its own Region and answers unknown IDs with CodeTaskNotExist', () => {
    const id = service.create();
    expect(serviceError(() => service.describe(id, 'cn-beijing')).code).toBe('CodeTaskNotExist');
    for (const action of ['StopLivePullToPush', 'RestartLivePullToPush', 'DeleteLivePullToPush'] as const) {
      expect(serviceError(() => service.call(action, { TaskId: id, Region: 'cn-beijing' })).code).toBe(
        'CodeTaskNotExist',
      );
      expect(serviceError(() => service.call(action, { TaskId: 'no-such-task', Region: REGION })).code).toBe(
        'CodeTaskNotExist',
      );
    }
    expect(serviceError(() => service.describe('no-such-task')).code).toBe('CodeTaskNotExist');
  });

  it('reset forgets every task and puts the clock back on real time', () => {
    service.create();
    service.advanceClock(86_400);
    service.reset();
    expect(service.call('DescribeLivePullToPushList', { Region: REGION }).Total).toBe(0);
    expect(Math.abs(service.now().getTime() - Date.now())).toBeLessThan(60_000);
  });

  it('advanceClock reports the new task time and refuses negative steps', () => {
    const before = service.now().getTime();
    const { now } = service.advanceClock(3600);
    expect(Date.parse(now)).toBeGreaterThanOrEqual(Math.floor(before / 1000) * 1000 + 3_600_000);
    expect(Date.parse(now)).toBeLessThanOrEqual(service.now().getTime());
    expect(serviceError(() => service.advanceClock(-1)).code).toBe('InvalidParameter');
  });
});
