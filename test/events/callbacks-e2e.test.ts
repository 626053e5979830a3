/**
 * End to end: the emulator sends a task's callbacks to a receiver built with
 * createLiveEventListener, over real HTTP on 127.0.0.1, while the test drives the task through
 * the client and the emulator's control routes: Running → Recovering → Offline → Running → Exit.
 */
import { afterAll, beforeAll, expect, it } from 'vitest';
import { validateLiveEvent } from '../../generated/validators.js';
import { type RunningEmulator, startEmulator } from '../../src/emulator/server.js';
import { createLiveEventListener, type ReceivedLiveEvent } from '../../src/events/index.js';
import { createLiveClient, type LiveClient } from '../../src/index.js';
import { serve, type TestServer } from '../support/loopback-server.js';

const REGION = 'cn-shanghai';

let emulator: RunningEmulator;
let receiver: TestServer;
let client: LiveClient;
const events: ReceivedLiveEvent[] = [];
const refused: { error: unknown; status: number }[] = [];
const arrivals: (() => void)[] = [];

beforeAll(async () => {
  emulator = await startEmulator({ port: 0 });
  receiver = await serve(
    createLiveEventListener(
      (event) => {
        events.push(event);
        for (const wake of arrivals.splice(0)) wake();
      },
      { onError: (error, status) => refused.push({ error, status }) },
    ),
  );
  client = createLiveClient({ endpoint: emulator.url, credentials: emulator.credentials });
});

afterAll(async () => {
  await emulator?.close();
  await receiver?.close();
});

/** Resolves with the first `count` events of a task once they have arrived (the test timeout bounds the wait). */
async function eventsOf(taskId: string, count: number): Promise<ReceivedLiveEvent[]> {
  const received = () => events.filter((event) => event.TaskId === taskId);
  while (received().length < count) await new Promise<void>((wake) => arrivals.push(wake));
  return received().slice(0, count);
}

/** Creates a live task that starts a minute from the task clock's now and runs an hour. */
async function createTask(
  name: string,
  callbackUrl: string,
): Promise<{ taskId: string; startMs: number; endMs: number }> {
  const now = new Date(String((await control('clock'))['now']));
  const startMs = Math.floor(now.getTime() / 1000) * 1000 + 60_000;
  const endMs = startMs + 3600_000;
  const { TaskId } = await client.createLivePullToPush({
    Region: REGION,
    TaskName: name,
    StartTime: utc(startMs),
    EndTime: utc(endMs),
    SourceType: 'live',
    SourceProtocol: 'rtmp',
    SourceUrls: ['rtmp://pull.example.com/app/stream'],
    DstUrl: `rtmp://push.example.com/app/${name.replace(/\W/g, '-')}`,
    CallbackUrl: callbackUrl,
  });
  expect(TaskId).toEqual(expect.any(String));
  return { taskId: TaskId!, startMs, endMs };
}

function utc(ms: number): string {
  return `${new Date(ms).toISOString().slice(0, 19)}Z`;
}

async function control(route: string, body?: unknown): Promise<Record<string, unknown>> {
  const res = await fetch(`${emulator.url}/_emulator/${route}`, {
    method: body === undefined ? 'GET' : 'POST',
    ...(body === undefined ? {} : { headers: { 'content-type': 'application/json' }, body: JSON.stringify(body) }),
  });
  const answer = (await res.json()) as Record<string, unknown>;
  expect(res.status, JSON.stringify(answer)).toBe(200);
  return answer;
}

const advanceClock = (seconds: number) => control('clock', { advanceSeconds: seconds });

/** The body as it arrived, rebuilt from the parsed event, for the generated validator. */
function sentBody(event: ReceivedLiveEvent): Record<string, unknown> {
  const { receivedEventName, eventDate: _date, ...fields } = event;
  return { ...fields, Event: receivedEventName };
}

it('delivers Running, Recovering, Offline (with TaskInvalidReason), Running and Exit (with TaskExitReason), in order, each schema-valid', async () => {
  const callbackUrl = `${receiver.url}/callbacks/live?task=e2e`;
  const { taskId: TaskId, startMs, endMs } = await createTask('callbacks e2e', callbackUrl);

  // StartTime passes: Running.
  await advanceClock(61);
  const [running] = await eventsOf(TaskId, 1);
  const retryCount = running?.TaskInfo?.RetryCount;
  const retryInterval = running?.TaskInfo?.RetryInterval;
  expect(retryCount).toBeGreaterThan(0);
  expect(retryInterval).toBeGreaterThan(0);

  // The source fails and every retry fails: Recovering at once, Offline after RetryCount × RetryInterval.
  await control('faults', { TaskId, Reason: 'PullStreamFailed' });
  await eventsOf(TaskId, 2);
  await advanceClock(retryCount! * retryInterval! + 1);
  await eventsOf(TaskId, 3);

  // Restarted by the user: Running again. Then EndTime passes: the task exits.
  await client.restartLivePullToPush({ Region: REGION, TaskId });
  await eventsOf(TaskId, 4);
  await advanceClock((endMs - startMs) / 1000);
  const received = await eventsOf(TaskId, 5);

  expect(refused, 'the receiver refused a body the emulator sent').toEqual([]);
  expect(
    received.map((event) => [event.Event, event.TaskStatus, event['TaskInvalidReason'], event['TaskExitReason']]),
  ).toEqual([
    ['LivePullToPushRunning', 1, undefined, undefined],
    ['LivePullToPushRunning', 2, undefined, undefined],
    ['LivePullToPushRunning', 3, 'PullStreamFailed', undefined],
    ['LivePullToPushRunning', 1, undefined, undefined],
    ['LivePullToPushExit', -1, undefined, 'OverEndTime'],
  ]);
  for (const event of received) {
    const body = sentBody(event);
    expect(validateLiveEvent(body), JSON.stringify(validateLiveEvent.errors)).toBe(true);
    expect(event.receivedEventName, 'the emulator sends the documented spelling (spec D-15)').toBe(event.Event);
    expect(event.TaskId).toBe(TaskId);
    expect(event.TaskInfo).toMatchObject({
      TaskId,
      CallbackURL: callbackUrl,
      StartTime: utc(startMs),
      EndTime: utc(endMs),
    });
    expect(event.eventDate.getTime()).toBe(Number(event.EventTime) * 1000);
  }
  // Event times follow the task clock: start, the fault, the last retry, the restart, the end.
  const times = received.map((event) => event.eventDate.getTime());
  expect(times).toEqual([...times].sort((a, b) => a - b));
  expect(times[0]).toBe(startMs);
  expect(times[2]! - times[1]!).toBe(retryCount! * retryInterval! * 1000);
  expect(times[4]).toBe(endMs);
  const exit = received[4]!;
  if (exit.Event !== 'LivePullToPushExit') throw new Error('the last event is not the exit');
  expect(exit.TaskExitTime).toBe(endMs / 1000);
});

it('delivers Offline with TaskInvalidReason TriggerByUser on Stop, and Exit with TriggerByUser on Delete', async () => {
  const { taskId, startMs } = await createTask('callbacks e2e stop delete', `${receiver.url}/callbacks/live`);
  await advanceClock(61);
  await eventsOf(taskId, 1);
  await client.stopLivePullToPush({ Region: REGION, TaskId: taskId });
  await eventsOf(taskId, 2);
  await advanceClock(30);
  await client.deleteLivePullToPush({ Region: REGION, TaskId: taskId });
  const received = await eventsOf(taskId, 3);

  expect(refused, 'the receiver refused a body the emulator sent').toEqual([]);
  expect(
    received.map((event) => [event.Event, event.TaskStatus, event['TaskInvalidReason'], event['TaskExitReason']]),
  ).toEqual([
    ['LivePullToPushRunning', 1, undefined, undefined],
    ['LivePullToPushRunning', 3, 'TriggerByUser', undefined],
    ['LivePullToPushExit', -1, undefined, 'TriggerByUser'],
  ]);
  for (const event of received)
    expect(validateLiveEvent(sentBody(event)), JSON.stringify(validateLiveEvent.errors)).toBe(true);
  const exit = received[2]!;
  if (exit.Event !== 'LivePullToPushExit') throw new Error('the last event is not the exit');
  // The clock stood 1 s past StartTime after the first advance; the delete came 30 s later.
  expect(exit.TaskExitTime! * 1000 - startMs).toBeGreaterThanOrEqual(31_000);
  expect(exit.TaskExitTime).toBe(Number(exit.EventTime));
});
