import { afterEach, describe, expect, it } from 'vitest';
import { eventValidators } from '../../generated/validators.js';
import { createTaskService } from '../../src/emulator/service/create-task-service.js';
import type { TaskService } from '../../src/emulator/service/task-service.js';
import { type Receiver, startReceiver } from '../support/callback-receiver.js';
import { call, clockDrivenService, createTask, describeTask, REGION } from './service-fixtures.js';

let service: TaskService;
const receivers: Receiver[] = [];

afterEach(async () => {
  await service.close();
  await Promise.all(receivers.splice(0).map((receiver) => receiver.close()));
});

async function receiver(mode: Receiver['mode'] = 'ok'): Promise<Receiver> {
  const started = await startReceiver(mode);
  receivers.push(started);
  return started;
}

/** Every event must match the spec's webhook schema for its name. */
function expectValidEvents(events: readonly Record<string, unknown>[]): void {
  for (const event of events) {
    const validate =
      event['Event'] === 'LivePullToPushExit'
        ? eventValidators.LivePullToPushExit
        : eventValidators.LivePullToPushRunning;
    expect(validate(event), JSON.stringify(validate.errors)).toBe(true);
  }
}

const summary = (event: Record<string, unknown>) => [
  event['Event'],
  event['TaskStatus'],
  event['TaskInvalidReason'] ?? event['TaskExitReason'],
];

describe('task callbacks', () => {
  it('posts Running, Recovering, Offline, Running and exit events in order, matching the spec', async () => {
    const hook = await receiver();
    service = clockDrivenService();
    const id = createTask(service, { CallbackUrl: hook.url }, { startsIn: 60 });
    service.advanceClock(60);
    service.injectFault({ TaskId: id, Reason: 'PullStreamFailed' });
    service.advanceClock(180);
    call(service, 'RestartLivePullToPush', { TaskId: id, Region: REGION });
    call(service, 'DeleteLivePullToPush', { TaskId: id, Region: REGION });
    await service.callbacksIdle();

    expect(hook.events.map(summary)).toEqual([
      ['LivePullToPushRunning', 1, undefined],
      ['LivePullToPushRunning', 2, undefined],
      ['LivePullToPushRunning', 3, 'PullStreamFailed'],
      ['LivePullToPushRunning', 1, undefined],
      ['LivePullToPushExit', -1, 'TriggerByUser'],
    ]);
    expectValidEvents(hook.events);
    const [running, recovering, offline] = hook.events.map((event) => Number(event['EventTime']));
    expect(offline! - recovering!).toBe(180);
    expect(recovering! - running!).toBeGreaterThanOrEqual(0);
    expect(hook.events.every((event) => event['TaskId'] === id)).toBe(true);
    expect(hook.events[0]!['TaskInfo']).toMatchObject({ TaskId: id, CallbackURL: hook.url });
    expect(service.callbackStats()).toEqual({ delivered: 5, failed: 0, dropped: 0, pending: 0 });
  });

  it('announces a Stop with TriggerByUser and the EndTime exit at EndTime', async () => {
    const hook = await receiver();
    service = clockDrivenService();
    const id = createTask(service, { CallbackUrl: hook.url }, { startsIn: 60, lastsFor: 600 });
    const endTime = describeTask(service, id).TaskInfo.EndTime!;
    service.advanceClock(60);
    call(service, 'StopLivePullToPush', { TaskId: id, Region: REGION });
    service.advanceClock(3600);
    await service.callbacksIdle();
    expect(hook.events.map(summary)).toEqual([
      ['LivePullToPushRunning', 1, undefined],
      ['LivePullToPushRunning', 3, 'TriggerByUser'],
      ['LivePullToPushExit', -1, 'OverEndTime'],
    ]);
    const exit = hook.events[2]!;
    expect(exit['TaskExitTime']).toBe(Date.parse(endTime) / 1000);
    expect(exit['EventTime']).toBe(String(Date.parse(endTime) / 1000));
    expectValidEvents(hook.events);
  });

  it('sends to a new CallbackUrl from the next event on', async () => {
    const [first, second] = [await receiver(), await receiver()];
    service = clockDrivenService();
    const id = createTask(service, { CallbackUrl: first.url }, { startsIn: 60 });
    service.advanceClock(60);
    call(service, 'UpdateLivePullToPush', { TaskId: id, Region: REGION, CallbackUrl: second.url });
    service.injectFault({ TaskId: id, Reason: 'PushStreamFailed', RecoverAfterRetries: 1 });
    service.advanceClock(60);
    await service.callbacksIdle();
    expect(first.events.map(summary)).toEqual([['LivePullToPushRunning', 1, undefined]]);
    expect(second.events.map(summary)).toEqual([
      ['LivePullToPushRunning', 2, undefined],
      ['LivePullToPushRunning', 1, undefined],
    ]);
    expect(second.events[0]!['TaskInfo']).toMatchObject({ CallbackURL: second.url });
  });

  it('sends nothing for a task without CallbackUrl', async () => {
    service = clockDrivenService();
    const id = createTask(service, {}, { startsIn: 0 });
    call(service, 'DeleteLivePullToPush', { TaskId: id, Region: REGION });
    await service.callbacksIdle();
    expect(service.callbackStats()).toEqual({ delivered: 0, failed: 0, dropped: 0, pending: 0 });
  });

  it('keeps answering while a receiver hangs, cuts it off after the timeout and delivers the rest in order', async () => {
    const hook = await receiver('hang');
    service = clockDrivenService({ callbackTimeoutMs: 300 });
    const id = createTask(service, { CallbackUrl: hook.url }, { startsIn: 60 });
    service.advanceClock(60);
    await hook.received(1);
    // The receiver holds the Running event; the API answers regardless.
    expect(hook.held).toHaveLength(1);
    call(service, 'StopLivePullToPush', { TaskId: id, Region: REGION });
    expect(describeTask(service, id).TaskStatus).toBe(3);
    expect(hook.events).toHaveLength(1);
    hook.mode = 'ok';
    await service.callbacksIdle();
    expect(hook.events.map(summary)).toEqual([
      ['LivePullToPushRunning', 1, undefined],
      ['LivePullToPushRunning', 3, 'TriggerByUser'],
    ]);
    expect(service.callbackStats()).toMatchObject({ delivered: 1, failed: 1, pending: 0 });
  });

  it('counts a 500 as failed and goes on with the next event', async () => {
    const hook = await receiver('fail');
    service = clockDrivenService();
    const id = createTask(service, { CallbackUrl: hook.url }, { startsIn: 0 });
    call(service, 'StopLivePullToPush', { TaskId: id, Region: REGION });
    call(service, 'DeleteLivePullToPush', { TaskId: id, Region: REGION });
    await service.callbacksIdle();
    expect(hook.events.map(summary)).toEqual([
      ['LivePullToPushRunning', 1, undefined],
      ['LivePullToPushRunning', 3, 'TriggerByUser'],
      ['LivePullToPushExit', -1, 'TriggerByUser'],
    ]);
    expect(service.callbackStats()).toEqual({ delivered: 0, failed: 3, dropped: 0, pending: 0 });
  });

  it('counts an unreachable receiver as failed', async () => {
    const hook = await receiver();
    const url = hook.url;
    await hook.close();
    receivers.splice(receivers.indexOf(hook), 1);
    service = clockDrivenService();
    createTask(service, { CallbackUrl: url }, { startsIn: 0 });
    await service.callbacksIdle();
    expect(service.callbackStats()).toMatchObject({ delivered: 0, failed: 1 });
  });

  it('drops and counts events beyond the queue limit', async () => {
    const hook = await receiver('hang');
    service = clockDrivenService({ callbackQueueLimit: 2, callbackTimeoutMs: 200 });
    const ids = [0, 1, 2, 3].map(() => createTask(service, { CallbackUrl: hook.url }, { startsIn: 60 }));
    service.advanceClock(60);
    expect(service.callbackStats()).toMatchObject({ dropped: 2, pending: 2 });
    await service.callbacksIdle();
    expect(service.callbackStats()).toEqual({ delivered: 0, failed: 2, dropped: 2, pending: 0 });
    expect(hook.events.map((event) => event['TaskId'])).toEqual(ids.slice(0, 2));
  });

  it('abandons deliveries in flight on close', async () => {
    const hook = await receiver('hang');
    service = clockDrivenService();
    createTask(service, { CallbackUrl: hook.url }, { startsIn: 0 });
    await hook.received(1);
    await service.close();
    expect(service.callbackStats()).toMatchObject({ pending: 0, dropped: 1 });
  });

  it('runs transitions from a real-time timer without any request', async () => {
    const hook = await receiver();
    service = createTaskService();
    createTask(service, { CallbackUrl: hook.url }, { startsIn: 1 });
    // No further calls: only the scheduler's timer can start the task and send the event.
    await hook.received(1);
    expect(hook.events.map(summary)).toEqual([['LivePullToPushRunning', 1, undefined]]);
  });
});
