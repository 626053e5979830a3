import { type RunningEmulator, startEmulator } from '../emulator/server.js';
import { createLiveClient, type LiveClient } from '../index.js';
import { formatUtcTimestamp } from '../rules/index.js';
import { type CallbackReceiver, type ReceivedEvent, startCallbackReceiver } from './callback-receiver.js';
import { advanceEmulatorClock } from './emulator-clock.js';
import { createStepLog, type StepLog } from './step-log.js';
import { statusText } from './task-status-text.js';

const REGION = 'cn-shanghai';
/** ApsaraVideo VOD media IDs: a `vod` task plays them in order. */
const MEDIA = ['a1b2c3d4e5f60718293a4b5c6d7e8f90', '0f1e2d3c4b5a69788796a5b4c3d2e1f0'] as const;
const EXTRA_MEDIA = '5e6f7a8b9c0d1e2f3a4b5c6d7e8f9a0b';
const DST_URL = 'rtmp://push.example.com/live/walkthrough';
/** How long to wait for a callback to reach the local receiver, milliseconds. */
const CALLBACK_WAIT_MS = 5000;

/**
 * `npm start`: starts the emulator on a free loopback port and a local callback receiver, then
 * walks one VOD relay task through its life with the typed client, one line per step. Resolves
 * with the exit status (0 when every step went as expected) after closing everything.
 */
export async function runWalkthrough(write: (text: string) => void): Promise<number> {
  const log = createStepLog(write);
  write('live-relay walkthrough: a VOD relay task on the embedded emulator\n\n');
  let emulator: RunningEmulator | undefined;
  let receiver: CallbackReceiver | undefined;
  try {
    emulator = await log.step(
      'start the emulator',
      () => startEmulator({ port: 0 }),
      (e) => `${e.url}, task clock ${formatUtcTimestamp(e.service.now())}`,
    );
    receiver = await log.step('start a callback receiver', startCallbackReceiver, (r) => r.url);
    const client = createLiveClient({ endpoint: emulator.url, credentials: emulator.credentials });
    await walk(log, client, emulator, receiver);
    return 0;
  } catch (error) {
    write(`\nThe walkthrough stopped: ${error instanceof Error ? error.message : String(error)}\n`);
    return 1;
  } finally {
    await receiver?.close();
    await emulator?.close();
    write('\nClosed the emulator and the callback receiver.\n');
  }
}

async function walk(
  log: StepLog,
  client: LiveClient,
  emulator: RunningEmulator,
  receiver: CallbackReceiver,
): Promise<void> {
  const at = (minutes: number): string =>
    formatUtcTimestamp(new Date(emulator.service.now().getTime() + minutes * 60_000));
  const describe = async (): Promise<Awaited<ReturnType<LiveClient['describeLivePullToPush']>>> =>
    client.describeLivePullToPush({ TaskId: taskId, Region: REGION });
  /** Waits for the next callback the receiver gets that matches, and prints it under the step. */
  let seen = 0;
  const callback = async (accept: (event: ReceivedEvent['event']) => boolean): Promise<void> => {
    const received = await receiver.waitFor((r) => accept(r.event), seen, CALLBACK_WAIT_MS);
    seen = receiver.events.indexOf(received) + 1;
    const { event } = received;
    const reason = event.Event === 'LivePullToPushExit' ? event.TaskExitReason : event.TaskInvalidReason;
    log.detail(
      `callback ${event.Event} → ${received.path}: ${statusText(event.TaskStatus)}${reason === undefined ? '' : `, ${reason}`}`,
    );
  };

  const { TaskId: taskId } = await log.step(
    'create a VOD relay task',
    () =>
      client.createLivePullToPush({
        Region: REGION,
        TaskName: 'walkthrough',
        StartTime: at(5),
        EndTime: at(5 + 180),
        SourceType: 'vod',
        SourceUrls: [...MEDIA],
        DstUrl: DST_URL,
        CallbackUrl: receiver.url,
      }),
    (created) => `TaskId ${created.TaskId}, starts in 5 minutes, runs 3 hours`,
  );

  await log.step(
    'describe it',
    describe,
    (task) =>
      `${statusText(task.TaskStatus)}, ${task.TaskInfo.SourceUrls?.length ?? 0} VOD media → ${task.TaskInfo.DstUrl}`,
  );

  const newStart = at(2);
  await log.step(
    'update it before its start time',
    async () => {
      await client.updateLivePullToPush({
        TaskId: taskId,
        Region: REGION,
        StartTime: newStart,
        SourceUrls: [...MEDIA, EXTRA_MEDIA],
      });
      return describe();
    },
    (task) => `StartTime ${task.TaskInfo.StartTime}, ${task.TaskInfo.SourceUrls?.length ?? 0} VOD media`,
  );

  await log.step(
    'advance the emulator clock 3 minutes',
    async () => {
      const now = await advanceEmulatorClock(emulator.url, 180);
      return { now, task: await describe() };
    },
    ({ now, task }) => `task clock ${formatUtcTimestamp(new Date(now))}, task ${statusText(task.TaskStatus)}`,
  );
  await callback((event) => event.TaskStatus === 1);

  await log.refusal('change SourceUrls while it runs', 'CodeTaskHasStarted', () =>
    client.updateLivePullToPush({ TaskId: taskId, Region: REGION, SourceUrls: [EXTRA_MEDIA] }),
  );

  const newCallbackUrl = `${receiver.url}?rev=2`;
  await log.step(
    'change CallbackUrl and RepeatNumber while it runs',
    async () => {
      await client.updateLivePullToPush({
        TaskId: taskId,
        Region: REGION,
        CallbackUrl: newCallbackUrl,
        RepeatNumber: -1,
      });
      return describe();
    },
    (task) => `accepted: RepeatNumber ${task.TaskInfo.RepeatNumber} (loop), events now go to ?rev=2`,
  );

  await log.step(
    'stop it',
    async () => {
      await client.stopLivePullToPush({ TaskId: taskId, Region: REGION });
      return describe();
    },
    (task) => statusText(task.TaskStatus),
  );
  await callback((event) => event.TaskStatus === 3);

  await log.step(
    'change FileIndex and SourceUrls while it is stopped',
    async () => {
      await client.updateLivePullToPush({ TaskId: taskId, Region: REGION, FileIndex: 1, SourceUrls: [...MEDIA] });
      return describe();
    },
    (task) =>
      `accepted: ${task.TaskInfo.SourceUrls?.length ?? 0} VOD media from file ${task.TaskInfo.FileIndex}, used at the restart`,
  );

  await log.step(
    'restart it',
    async () => {
      await client.restartLivePullToPush({ TaskId: taskId, Region: REGION });
      return describe();
    },
    (task) => `${statusText(task.TaskStatus)}, playing file ${task.CurrentFileIndex ?? task.TaskInfo.FileIndex}`,
  );
  await callback((event) => event.TaskStatus === 1);

  await log.step(
    'delete it',
    async () => {
      await client.deleteLivePullToPush({ TaskId: taskId, Region: REGION });
      return describe();
    },
    (task) => `${statusText(task.TaskStatus)}, ${String(task.TaskExitReason)}`,
  );
  await callback((event) => event.Event === 'LivePullToPushExit');
}
