/**
 * A scripted task lifecycle, client-agnostic: give it any `call(action, params)` (an official
 * SDK core, our own client, the CLI) and a way to move the emulator's task clock, and it returns
 * what each step gave, reduced to the fields that do not vary between runs. Two clients that
 * talk to the service the same way produce equal outcome lists.
 */
import type { OperationName } from '../../generated/operations.js';

/** Runs one operation; resolves with the 200 body, or rejects with an error carrying `code`. */
export type CallAdapter = (
  action: OperationName,
  params: Readonly<Record<string, unknown>>,
) => Promise<Record<string, unknown>>;

/** The emulator's task clock, driven through its control routes. */
export interface ClockControl {
  now(): Promise<Date>;
  advance(seconds: number): Promise<void>;
}

/** What one step gave: `OK` plus the stable fields of the body, or the error code. */
export interface StepOutcome {
  readonly step: string;
  readonly action: OperationName;
  readonly outcome: string;
  readonly fields?: Readonly<Record<string, unknown>>;
}

const REGION = 'cn-shanghai';

/** A Describe step answered with the task's stable fields. */
function described(step: string, fields: Record<string, unknown>): StepOutcome {
  return { step, action: 'DescribeLivePullToPush', outcome: 'OK', fields };
}

/** An Update step the service accepted. */
function updated(step: string): StepOutcome {
  return { step, action: 'UpdateLivePullToPush', outcome: 'OK', fields: { RetCode: 0 } };
}

/** The outcomes a faithful service gives for {@link runLifecycleScript}. */
export const EXPECTED_LIFECYCLE: readonly StepOutcome[] = [
  {
    step: 'create a VOD task starting in 2 minutes',
    action: 'CreateLivePullToPush',
    outcome: 'OK',
    fields: { RetCode: 0 },
  },
  described('describe: idle', {
    TaskStatus: 0,
    FileIndex: 0,
    RepeatNumber: 0,
    SourceUrls: ['media-1', 'media-2', 'media-3'],
  }),
  updated('update before start: StartTime, SourceUrls, RepeatNumber'),
  described('describe: idle with the new values', {
    TaskStatus: 0,
    FileIndex: 0,
    RepeatNumber: 1,
    SourceUrls: ['media-1', 'media-2', 'media-3', 'media-4'],
  }),
  described('describe after StartTime: running', {
    TaskStatus: 1,
    FileIndex: 0,
    RepeatNumber: 1,
    SourceUrls: ['media-1', 'media-2', 'media-3', 'media-4'],
  }),
  { step: 'update FileIndex while running: refused', action: 'UpdateLivePullToPush', outcome: 'CodeTaskHasStarted' },
  updated('update CallbackUrl and RepeatNumber while running'),
  described('describe: running, RepeatNumber -1', {
    TaskStatus: 1,
    FileIndex: 0,
    RepeatNumber: -1,
    SourceUrls: ['media-1', 'media-2', 'media-3', 'media-4'],
  }),
  { step: 'stop', action: 'StopLivePullToPush', outcome: 'OK', fields: {} },
  { step: 'stop again: refused', action: 'StopLivePullToPush', outcome: 'CodeTaskHasStopped' },
  updated('update stopped-only fields: FileIndex, SourceUrls'),
  described('describe: stopped with the new values', {
    TaskStatus: 3,
    FileIndex: 1,
    RepeatNumber: -1,
    SourceUrls: ['media-9', 'media-8'],
  }),
  { step: 'restart', action: 'RestartLivePullToPush', outcome: 'OK', fields: {} },
  described('describe: running from FileIndex 1', {
    TaskStatus: 1,
    FileIndex: 1,
    RepeatNumber: -1,
    SourceUrls: ['media-9', 'media-8'],
    CurrentFileIndex: 1,
  }),
  { step: 'delete', action: 'DeleteLivePullToPush', outcome: 'OK', fields: { RetCode: 0 } },
  { step: 'update after delete: refused', action: 'UpdateLivePullToPush', outcome: 'CodeTaskNotExist' },
  { step: 'delete again: refused', action: 'DeleteLivePullToPush', outcome: 'CodeTaskNotExist' },
];

/**
 * Create → describe → update before start → advance past StartTime → refused update while
 * running (FileIndex) → allowed update (CallbackUrl, RepeatNumber) → stop → update stopped-only
 * fields (FileIndex, SourceUrls) → restart → delete. Never throws for a refused call: the
 * refusal is the step's outcome.
 */
export async function runLifecycleScript(call: CallAdapter, clock: ClockControl): Promise<StepOutcome[]> {
  const outcomes: StepOutcome[] = [];
  const start = new Date((await clock.now()).getTime() + 120_000);
  const utc = (date: Date) => `${date.toISOString().slice(0, 19)}Z`;

  const step = async (
    name: string,
    action: OperationName,
    params: Record<string, unknown>,
    pick: (body: Record<string, unknown>) => Record<string, unknown> = () => ({}),
  ) => {
    let outcome: StepOutcome;
    try {
      const body = await call(action, params);
      outcome = { step: name, action, outcome: 'OK', fields: pick(body) };
    } catch (error) {
      const code = (error as { code?: unknown }).code;
      if (typeof code !== 'string') throw error;
      outcome = { step: name, action, outcome: code };
    }
    outcomes.push(outcome);
    return outcome;
  };
  const retCode = (body: Record<string, unknown>) => ({ RetCode: body['RetCode'] });

  let taskId = '';
  await step(
    'create a VOD task starting in 2 minutes',
    'CreateLivePullToPush',
    {
      Region: REGION,
      TaskName: 'lifecycle script',
      StartTime: utc(start),
      EndTime: utc(new Date(start.getTime() + 6 * 3600_000)),
      SourceType: 'vod',
      SourceUrls: ['media-1', 'media-2', 'media-3'],
      DstUrl: `rtmp://push.example.com/live/lifecycle-${start.getTime()}`,
    },
    (body) => {
      taskId = String(body['TaskId']);
      return retCode(body);
    },
  );
  const task = () => ({ Region: REGION, TaskId: taskId });
  const describe = (name: string, current = false) =>
    step(name, 'DescribeLivePullToPush', task(), (body) => {
      const info = body['TaskInfo'] as Record<string, unknown> | undefined;
      return {
        TaskStatus: body['TaskStatus'],
        FileIndex: info?.['FileIndex'],
        RepeatNumber: info?.['RepeatNumber'],
        SourceUrls: info?.['SourceUrls'],
        ...(current ? { CurrentFileIndex: body['CurrentFileIndex'] } : {}),
      };
    });

  await describe('describe: idle');
  const laterStart = new Date(start.getTime() + 60_000);
  await step(
    'update before start: StartTime, SourceUrls, RepeatNumber',
    'UpdateLivePullToPush',
    {
      ...task(),
      StartTime: utc(laterStart),
      SourceUrls: ['media-1', 'media-2', 'media-3', 'media-4'],
      RepeatNumber: 1,
    },
    retCode,
  );
  await describe('describe: idle with the new values');
  await clock.advance(300);
  await describe('describe after StartTime: running');
  await step('update FileIndex while running: refused', 'UpdateLivePullToPush', { ...task(), FileIndex: 2 });
  await step(
    'update CallbackUrl and RepeatNumber while running',
    'UpdateLivePullToPush',
    {
      ...task(),
      CallbackUrl: 'http://127.0.0.1:9/unreachable-callback',
      RepeatNumber: -1,
    },
    retCode,
  );
  await describe('describe: running, RepeatNumber -1');
  await step('stop', 'StopLivePullToPush', task());
  await step('stop again: refused', 'StopLivePullToPush', task());
  await step(
    'update stopped-only fields: FileIndex, SourceUrls',
    'UpdateLivePullToPush',
    {
      ...task(),
      FileIndex: 1,
      SourceUrls: ['media-9', 'media-8'],
    },
    retCode,
  );
  await describe('describe: stopped with the new values');
  await step('restart', 'RestartLivePullToPush', task());
  await describe('describe: running from FileIndex 1', true);
  await step('delete', 'DeleteLivePullToPush', task(), retCode);
  await step('update after delete: refused', 'UpdateLivePullToPush', { ...task(), RepeatNumber: 2 });
  await step('delete again: refused', 'DeleteLivePullToPush', task());
  return outcomes;
}
