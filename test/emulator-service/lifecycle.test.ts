import { afterEach, describe, expect, it } from 'vitest';
import type { TaskService } from '../../src/emulator/service/task-service.js';
import {
  call,
  clockDrivenService,
  createTask,
  describeTask,
  REGION,
  runningTask,
  serviceError,
  statusOf,
} from './service-fixtures.js';

let service: TaskService;
afterEach(async () => {
  await service.close();
});

describe('create and start', () => {
  it('creates an Idle task with a UUID and every documented field', () => {
    service = clockDrivenService();
    const id = createTask(service, { TaskName: 'morning show' });
    expect(id).toMatch(/^[0-9a-f]{8}-[0-9a-f]{4}-4[0-9a-f]{3}-[89ab][0-9a-f]{3}-[0-9a-f]{12}$/);
    const task = describeTask(service, id);
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
    service = clockDrivenService();
    const id = createTask(service, {}, { startsIn: 600 });
    service.advanceClock(590);
    expect(statusOf(service, id)).toBe(0);
    service.advanceClock(10);
    expect(statusOf(service, id)).toBe(1);
  });

  it('runs a task whose StartTime is already past at once', () => {
    service = clockDrivenService();
    const id = createTask(service, {}, { startsIn: -300 });
    expect(statusOf(service, id)).toBe(1);
  });

  it('refuses a window longer than seven days with InvalidParam.CodeIllegalDuration', () => {
    service = clockDrivenService();
    const error = serviceError(() => createTask(service, {}, { startsIn: 60, lastsFor: 8 * 86_400 }));
    expect(error.code).toBe('InvalidParam.CodeIllegalDuration');
    expect(error.param).toBe('EndTime');
  });

  it('refuses SourceUrls that do not fit SourceType with InvalidParameter', () => {
    service = clockDrivenService();
    const error = serviceError(() =>
      createTask(service, { SourceType: 'live', SourceProtocol: 'rtmp', SourceUrls: ['rtmp://a/b/c', 'rtmp://a/b/d'] }),
    );
    expect(error).toMatchObject({ code: 'InvalidParameter', param: 'SourceUrls' });
  });
});

describe('faults and retries', () => {
  it('retries RetryCount times RetryInterval apart, then goes Offline with the fault as reason', () => {
    service = clockDrivenService();
    const id = runningTask(service, { RetryCount: 2, RetryInterval: 120 });
    service.injectFault({ TaskId: id, Reason: 'PushStreamFailed' });
    expect(statusOf(service, id)).toBe(2);
    expect(describeTask(service, id)).not.toHaveProperty('TaskInvalidReason');
    service.advanceClock(230);
    expect(statusOf(service, id)).toBe(2);
    service.advanceClock(20);
    expect(describeTask(service, id)).toMatchObject({ TaskStatus: 3, TaskInvalidReason: 'PushStreamFailed' });
  });

  it('uses the defaults of 3 retries 60 s apart', () => {
    service = clockDrivenService();
    const id = runningTask(service);
    service.injectFault({ TaskId: id, Reason: 'PullStreamFailed' });
    service.advanceClock(170);
    expect(statusOf(service, id)).toBe(2);
    service.advanceClock(20);
    expect(describeTask(service, id)).toMatchObject({ TaskStatus: 3, TaskInvalidReason: 'PullStreamFailed' });
  });

  it('returns to Running when the RecoverAfterRetries-th retry succeeds', () => {
    service = clockDrivenService();
    const id = runningTask(service);
    service.injectFault({ TaskId: id, Reason: 'PullStreamFailed', RecoverAfterRetries: 2 });
    service.advanceClock(110);
    expect(statusOf(service, id)).toBe(2);
    service.advanceClock(20);
    expect(statusOf(service, id)).toBe(1);
    service.advanceClock(600);
    expect(statusOf(service, id)).toBe(1);
  });

  it('goes Offline at once with RetryCount 0', () => {
    service = clockDrivenService();
    const id = runningTask(service, { RetryCount: 0 });
    service.injectFault({ TaskId: id, Reason: 'PullStreamFailed' });
    expect(describeTask(service, id)).toMatchObject({ TaskStatus: 3, TaskInvalidReason: 'PullStreamFailed' });
  });

  it('refuses a fault on a task that is not running, unknown or given bad values', () => {
    service = clockDrivenService();
    const idle = createTask(service);
    expect(serviceError(() => service.injectFault({ TaskId: idle, Reason: 'PullStreamFailed' })).code).toBe(
      'CodeTaskHasStopped',
    );
    expect(serviceError(() => service.injectFault({ TaskId: 'nope', Reason: 'PullStreamFailed' })).code).toBe(
      'CodeTaskNotExist',
    );
    const running = runningTask(service);
    const badReason = { TaskId: running, Reason: 'Gremlins' as 'PullStreamFailed' };
    expect(serviceError(() => service.injectFault(badReason)).param).toBe('Reason');
    const badRetry = { TaskId: running, Reason: 'PullStreamFailed' as const, RecoverAfterRetries: 0 };
    expect(serviceError(() => service.injectFault(badRetry)).param).toBe('RecoverAfterRetries');
  });
});

describe('stop, restart, delete', () => {
  it('stops a running or recovering task (Offline, TriggerByUser) and returns its TaskId', () => {
    service = clockDrivenService();
    const id = runningTask(service);
    expect(call(service, 'StopLivePullToPush', { TaskId: id, Region: REGION })).toEqual({ TaskId: id });
    expect(describeTask(service, id)).toMatchObject({ TaskStatus: 3, TaskInvalidReason: 'TriggerByUser' });

    const recovering = runningTask(service);
    service.injectFault({ TaskId: recovering, Reason: 'PullStreamFailed' });
    call(service, 'StopLivePullToPush', { TaskId: recovering, Region: REGION });
    expect(statusOf(service, recovering)).toBe(3);
    service.advanceClock(600);
    expect(describeTask(service, recovering)).toMatchObject({ TaskStatus: 3, TaskInvalidReason: 'TriggerByUser' });
  });

  it('refuses to stop a task that is not running with CodeTaskHasStopped', () => {
    service = clockDrivenService();
    const idle = createTask(service);
    expect(serviceError(() => call(service, 'StopLivePullToPush', { TaskId: idle, Region: REGION })).code).toBe(
      'CodeTaskHasStopped',
    );
    const stopped = runningTask(service);
    call(service, 'StopLivePullToPush', { TaskId: stopped, Region: REGION });
    expect(serviceError(() => call(service, 'StopLivePullToPush', { TaskId: stopped, Region: REGION })).code).toBe(
      'CodeTaskHasStopped',
    );
  });

  it('restarts stopped, recovering and running tasks, returning the same TaskId', () => {
    service = clockDrivenService();
    const stopped = runningTask(service);
    call(service, 'StopLivePullToPush', { TaskId: stopped, Region: REGION });
    expect(call(service, 'RestartLivePullToPush', { TaskId: stopped, Region: REGION })).toEqual({ TaskId: stopped });
    const restarted = describeTask(service, stopped);
    expect(restarted.TaskStatus).toBe(1);
    expect(restarted).not.toHaveProperty('TaskInvalidReason');

    const recovering = runningTask(service);
    service.injectFault({ TaskId: recovering, Reason: 'PushStreamFailed' });
    call(service, 'RestartLivePullToPush', { TaskId: recovering, Region: REGION });
    expect(statusOf(service, recovering)).toBe(1);
    service.advanceClock(600);
    expect(statusOf(service, recovering)).toBe(1);

    const running = runningTask(service);
    call(service, 'RestartLivePullToPush', { TaskId: running, Region: REGION });
    expect(statusOf(service, running)).toBe(1);
  });

  it('answers a restart before StartTime with success and no effect', () => {
    service = clockDrivenService();
    const id = createTask(service);
    expect(call(service, 'RestartLivePullToPush', { TaskId: id, Region: REGION })).toEqual({ TaskId: id });
    expect(statusOf(service, id)).toBe(0);
    service.advanceClock(3600);
    expect(statusOf(service, id)).toBe(1);
  });

  it('deletes a task in any live state: Exit, TriggerByUser, TaskExitTime now', () => {
    service = clockDrivenService();
    for (const id of [createTask(service), runningTask(service)]) {
      const before = Math.floor(service.now().getTime() / 1000);
      expect(call(service, 'DeleteLivePullToPush', { TaskId: id, Region: REGION })).toEqual({
        RetCode: 0,
        Description: 'OK',
      });
      const task = describeTask(service, id);
      expect(task).toMatchObject({ TaskStatus: -1, TaskExitReason: 'TriggerByUser' });
      expect(task.TaskExitTime).toBeGreaterThanOrEqual(before);
      expect(task.TaskExitTime).toBeLessThanOrEqual(Math.floor(service.now().getTime() / 1000));
    }
  });

  it('exits at EndTime with OverEndTime and TaskExitTime equal to EndTime', () => {
    service = clockDrivenService();
    const id = runningTask(service);
    const endTime = describeTask(service, id).TaskInfo.EndTime!;
    service.advanceClock(86_400);
    expect(describeTask(service, id)).toMatchObject({
      TaskStatus: -1,
      TaskExitReason: 'OverEndTime',
      TaskExitTime: Date.parse(endTime) / 1000,
    });
  });

  it('exits at EndTime from every state, even mid-retry', () => {
    service = clockDrivenService();
    const idle = createTask(service, {}, { startsIn: 3600, lastsFor: 600 });
    const recovering = runningTask(service, { RetryInterval: 300, RetryCount: 100 });
    service.injectFault({ TaskId: recovering, Reason: 'PullStreamFailed' });
    const offline = runningTask(service);
    call(service, 'StopLivePullToPush', { TaskId: offline, Region: REGION });
    service.advanceClock(8 * 3600);
    for (const id of [idle, recovering, offline]) {
      const task = describeTask(service, id);
      expect(task).toMatchObject({ TaskStatus: -1, TaskExitReason: 'OverEndTime' });
      expect(task.TaskExitTime).toBe(Date.parse(task.TaskInfo.EndTime!) / 1000);
    }
  });
});

describe('exited tasks and lookups', () => {
  it('keeps an exited task visible for the retention period, immutable, then forgets it', () => {
    service = clockDrivenService({ retentionSeconds: 3600 });
    const id = runningTask(service);
    call(service, 'DeleteLivePullToPush', { TaskId: id, Region: REGION });
    const exited = describeTask(service, id);
    for (const action of ['StopLivePullToPush', 'RestartLivePullToPush', 'DeleteLivePullToPush'] as const) {
      expect(serviceError(() => call(service, action, { TaskId: id, Region: REGION })).code).toBe('CodeTaskNotExist');
    }
    const update = () => call(service, 'UpdateLivePullToPush', { TaskId: id, Region: REGION, RepeatNumber: 2 });
    expect(serviceError(update).code).toBe('CodeTaskNotExist');
    expect(serviceError(() => service.injectFault({ TaskId: id, Reason: 'PullStreamFailed' })).code).toBe(
      'CodeTaskNotExist',
    );
    service.advanceClock(3590);
    expect(describeTask(service, id)).toEqual(exited);
    expect(call(service, 'DescribeLivePullToPushList', { Region: REGION }).Total).toBe(1);
    service.advanceClock(20);
    expect(serviceError(() => describeTask(service, id)).code).toBe('CodeTaskNotExist');
    expect(call(service, 'DescribeLivePullToPushList', { Region: REGION }).Total).toBe(0);
  });

  it('retains exited tasks for 24 hours of task time by default', () => {
    service = clockDrivenService();
    const id = createTask(service);
    call(service, 'DeleteLivePullToPush', { TaskId: id, Region: REGION });
    service.advanceClock(86_390);
    expect(statusOf(service, id)).toBe(-1);
    service.advanceClock(20);
    expect(serviceError(() => describeTask(service, id)).code).toBe('CodeTaskNotExist');
  });

  it('finds a task only in its own Region and answers unknown IDs with CodeTaskNotExist', () => {
    service = clockDrivenService();
    const id = createTask(service);
    expect(serviceError(() => describeTask(service, id, 'cn-beijing')).code).toBe('CodeTaskNotExist');
    for (const action of ['StopLivePullToPush', 'RestartLivePullToPush', 'DeleteLivePullToPush'] as const) {
      expect(serviceError(() => call(service, action, { TaskId: id, Region: 'cn-beijing' })).code).toBe(
        'CodeTaskNotExist',
      );
      expect(serviceError(() => call(service, action, { TaskId: 'no-such-task', Region: REGION })).code).toBe(
        'CodeTaskNotExist',
      );
    }
    expect(serviceError(() => describeTask(service, 'no-such-task')).code).toBe('CodeTaskNotExist');
  });

  it('reset forgets every task and puts the clock back on real time', () => {
    service = clockDrivenService();
    createTask(service);
    service.advanceClock(86_400);
    service.reset();
    expect(call(service, 'DescribeLivePullToPushList', { Region: REGION }).Total).toBe(0);
    expect(Math.abs(service.now().getTime() - Date.now())).toBeLessThan(60_000);
  });

  it('advanceClock reports the new task time and refuses negative steps', () => {
    service = clockDrivenService();
    const before = service.now().getTime();
    const { now } = service.advanceClock(3600);
    expect(Date.parse(now)).toBeGreaterThanOrEqual(Math.floor(before / 1000) * 1000 + 3_600_000);
    expect(Date.parse(now)).toBeLessThanOrEqual(service.now().getTime());
    expect(serviceError(() => service.advanceClock(-1)).code).toBe('InvalidParameter');
  });
});
