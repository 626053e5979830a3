import { afterEach, describe, expect, it } from 'vitest';
import type { RequestParams } from '../../generated/validators.js';
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
  timeIn,
} from './service-fixtures.js';

type UpdateParams = RequestParams<'UpdateLivePullToPush'>;
type Param =
  | 'Region'
  | 'StartTime'
  | 'EndTime'
  | 'SourceUrls'
  | 'Offset'
  | 'FileIndex'
  | 'RepeatNumber'
  | 'CallbackUrl';
type State = 'Idle' | 'Running' | 'Recovering' | 'Offline' | 'Exit' | 'Unknown';

type Expected = 'ok' | 'unchanged' | string;

/** D-01 gives a started task, `1` Running or `2` Recovering, one row. */
const STARTED: Record<Param, Expected> = {
  Region: 'CodeTaskHasStarted',
  StartTime: 'unchanged',
  EndTime: 'CodeTaskHasStarted',
  SourceUrls: 'CodeTaskHasStarted',
  Offset: 'CodeTaskHasStarted',
  FileIndex: 'CodeTaskHasStarted',
  RepeatNumber: 'ok',
  CallbackUrl: 'ok',
};

/**
 * spec/decisions.md D-01 and D-13, written out independently of src/rules. `unchanged`: answered
 * with success, TaskInfo keeps the old value (the seed's "the update does not take effect").
 */
const EXPECTED: Record<State, Record<Param, Expected>> = {
  Idle: {
    Region: 'ok',
    StartTime: 'ok',
    EndTime: 'ok',
    SourceUrls: 'ok',
    Offset: 'ok',
    FileIndex: 'ok',
    RepeatNumber: 'ok',
    CallbackUrl: 'ok',
  },
  Running: STARTED,
  Recovering: STARTED,
  Offline: {
    Region: 'CodeTaskHasStarted',
    StartTime: 'unchanged',
    EndTime: 'ok',
    SourceUrls: 'ok',
    Offset: 'ok',
    FileIndex: 'ok',
    RepeatNumber: 'ok',
    CallbackUrl: 'ok',
  },
  Exit: {
    Region: 'CodeTaskNotExist',
    StartTime: 'CodeTaskNotExist',
    EndTime: 'unchanged',
    SourceUrls: 'CodeTaskNotExist',
    Offset: 'CodeTaskNotExist',
    FileIndex: 'CodeTaskNotExist',
    RepeatNumber: 'CodeTaskNotExist',
    CallbackUrl: 'CodeTaskNotExist',
  },
  Unknown: {
    Region: 'CodeTaskNotExist',
    StartTime: 'CodeTaskNotExist',
    EndTime: 'CodeTaskNotExist',
    SourceUrls: 'CodeTaskNotExist',
    Offset: 'CodeTaskNotExist',
    FileIndex: 'CodeTaskNotExist',
    RepeatNumber: 'CodeTaskNotExist',
    CallbackUrl: 'CodeTaskNotExist',
  },
};

const STATUS: Record<State, number | undefined> = {
  Idle: 0,
  Running: 1,
  Recovering: 2,
  Offline: 3,
  Exit: -1,
  Unknown: undefined,
};

let service: TaskService;
afterEach(async () => {
  await service.close();
});

function taskIn(state: State): string {
  switch (state) {
    case 'Idle':
      return createTask(service);
    case 'Unknown':
      return '00000000-0000-4000-8000-000000000000';
    default: {
      const id = runningTask(service);
      if (state === 'Recovering') service.injectFault({ TaskId: id, Reason: 'PullStreamFailed' });
      if (state === 'Offline') call(service, 'StopLivePullToPush', { TaskId: id, Region: REGION });
      if (state === 'Exit') call(service, 'DeleteLivePullToPush', { TaskId: id, Region: REGION });
      return id;
    }
  }
}

/** A value for `param` that is a real change and passes the time rules for a task from `runningTask` or `createTask`. */
function newValue(param: Param): Partial<UpdateParams> {
  switch (param) {
    case 'Region':
      return { Region: 'cn-beijing' };
    case 'StartTime':
      return { StartTime: timeIn(service, 5400) };
    case 'EndTime':
      return { EndTime: timeIn(service, 9000) };
    case 'SourceUrls':
      return { SourceUrls: ['media0009'] };
    case 'Offset':
      return { Offset: 30 };
    case 'FileIndex':
      return { FileIndex: 2 };
    case 'RepeatNumber':
      return { RepeatNumber: -1 };
    case 'CallbackUrl':
      return { CallbackUrl: 'http://127.0.0.1:9/hook' };
  }
}

/** Where the change shows in TaskInfo. */
const INFO_FIELD: Record<Exclude<Param, 'Region'>, string> = {
  StartTime: 'StartTime',
  EndTime: 'EndTime',
  SourceUrls: 'SourceUrls',
  Offset: 'Offset',
  FileIndex: 'FileIndex',
  RepeatNumber: 'RepeatNumber',
  CallbackUrl: 'CallbackURL',
};

describe('UpdateLivePullToPush by task state', () => {
  for (const state of Object.keys(EXPECTED) as State[]) {
    for (const param of Object.keys(EXPECTED[state]) as Param[]) {
      const expected = EXPECTED[state][param];
      const title = { ok: 'accepted and shown in TaskInfo', unchanged: 'answered OK, left unchanged' }[expected];
      it(`${state} × ${param}: ${title ?? expected}`, () => {
        service = clockDrivenService();
        const id = taskIn(state);
        const change = newValue(param);
        const update = () => call(service, 'UpdateLivePullToPush', { TaskId: id, Region: REGION, ...change });
        if (expected === 'unchanged') {
          const before = describeTask(service, id);
          expect(update()).toEqual({ RetCode: 0, Description: 'OK' });
          expect(describeTask(service, id)).toEqual(before);
          return;
        }
        if (expected !== 'ok') {
          const error = serviceError(update);
          expect(error.code).toBe(expected);
          expect(error.param).toBe(expected === 'CodeTaskNotExist' ? 'TaskId' : param);
          if (STATUS[state] !== undefined) expect(statusOf(service, id)).toBe(STATUS[state]);
          return;
        }
        expect(update()).toEqual({ RetCode: 0, Description: 'OK' });
        if (param === 'Region') {
          expect(describeTask(service, id, 'cn-beijing').TaskStatus).toBe(STATUS[state]);
          expect(serviceError(() => describeTask(service, id)).code).toBe('CodeTaskNotExist');
          return;
        }
        const task = describeTask(service, id);
        expect(task.TaskStatus).toBe(STATUS[state]);
        expect((task.TaskInfo as Record<string, unknown>)[INFO_FIELD[param]]).toEqual(Object.values(change)[0]);
      });
    }
  }

  it("accepts the task's own Region in every live state (it names the live center, not a change)", () => {
    service = clockDrivenService();
    for (const state of ['Idle', 'Running', 'Recovering', 'Offline'] as const) {
      const id = taskIn(state);
      expect(call(service, 'UpdateLivePullToPush', { TaskId: id, Region: REGION, RepeatNumber: 1 })).toEqual({
        RetCode: 0,
        Description: 'OK',
      });
    }
  });

  it('reports one refused parameter per issue, first one as the error parameter', () => {
    service = clockDrivenService();
    const id = taskIn('Running');
    const error = serviceError(() =>
      call(service, 'UpdateLivePullToPush', { TaskId: id, Region: REGION, FileIndex: 1, Offset: 3, RepeatNumber: 2 }),
    );
    expect(error.code).toBe('CodeTaskHasStarted');
    expect(error.message).toMatch(/Offset/);
    expect(error.message).toMatch(/FileIndex/);
    expect(describeTask(service, id).TaskInfo.RepeatNumber).toBe(0);
  });
});

describe('UpdateLivePullToPush time rules, merged with the stored window', () => {
  it('refuses an EndTime at or before the stored StartTime', () => {
    service = clockDrivenService();
    const id = createTask(service, {}, { startsIn: 3600 });
    const error = serviceError(() =>
      call(service, 'UpdateLivePullToPush', { TaskId: id, Region: REGION, EndTime: timeIn(service, 1800) }),
    );
    expect(error).toMatchObject({ code: 'InvalidParam.CodeIllegalDuration', param: 'EndTime' });
  });

  it('refuses a StartTime that stretches the stored window past seven days', () => {
    service = clockDrivenService();
    const id = createTask(service, {}, { startsIn: 3600, lastsFor: 6 * 86_400 });
    const error = serviceError(() =>
      call(service, 'UpdateLivePullToPush', { TaskId: id, Region: REGION, StartTime: timeIn(service, -86_400) }),
    );
    expect(error).toMatchObject({ code: 'InvalidParam.CodeIllegalDuration', param: 'StartTime' });
    expect(statusOf(service, id)).toBe(0);
  });

  it('refuses an EndTime in the past on a stopped task', () => {
    service = clockDrivenService();
    const id = taskIn('Offline');
    const error = serviceError(() =>
      call(service, 'UpdateLivePullToPush', { TaskId: id, Region: REGION, EndTime: timeIn(service, -10) }),
    );
    expect(error.code).toBe('InvalidParam.CodeIllegalDuration');
  });

  it('refuses SourceUrls that do not fit the stored SourceType', () => {
    service = clockDrivenService();
    const id = createTask(service, {
      SourceType: 'live',
      SourceProtocol: 'rtmp',
      SourceUrls: ['rtmp://pull.example.com/app/s'],
    });
    const error = serviceError(() =>
      call(service, 'UpdateLivePullToPush', {
        TaskId: id,
        Region: REGION,
        SourceUrls: ['rtmp://a/b/1', 'rtmp://a/b/2'],
      }),
    );
    expect(error).toMatchObject({ code: 'InvalidParameter', param: 'SourceUrls' });
  });
});

describe('when an Update takes effect', () => {
  it('applies FileIndex, Offset and SourceUrls changed on a stopped task only at the next Restart', () => {
    service = clockDrivenService();
    const id = taskIn('Offline');
    call(service, 'UpdateLivePullToPush', {
      TaskId: id,
      Region: REGION,
      FileIndex: 2,
      Offset: 45,
      SourceUrls: ['media0040', 'media0041', 'media0042'],
    });

    const stored = describeTask(service, id);
    expect(stored.TaskInfo).toMatchObject({
      FileIndex: 2,
      Offset: 45,
      SourceUrls: ['media0040', 'media0041', 'media0042'],
    });
    expect(stored).toMatchObject({ CurrentFileIndex: 0, CurrentOffset: 0 });
    expect(service.relayInput(id)).toEqual({
      sourceUrls: ['media0001', 'media0002', 'media0003'],
      fileIndex: 0,
      offset: 0,
    });

    call(service, 'RestartLivePullToPush', { TaskId: id, Region: REGION });
    expect(describeTask(service, id)).toMatchObject({ TaskStatus: 1, CurrentFileIndex: 2, CurrentOffset: 45 });
    expect(service.relayInput(id)).toEqual({
      sourceUrls: ['media0040', 'media0041', 'media0042'],
      fileIndex: 2,
      offset: 45,
    });
  });

  it('applies RepeatNumber to a running task at once', () => {
    service = clockDrivenService();
    const id = taskIn('Running');
    call(service, 'UpdateLivePullToPush', { TaskId: id, Region: REGION, RepeatNumber: 4 });
    expect(describeTask(service, id).TaskInfo.RepeatNumber).toBe(4);
  });

  it('uses FileIndex changed before StartTime from the start', () => {
    service = clockDrivenService();
    const id = createTask(service);
    call(service, 'UpdateLivePullToPush', { TaskId: id, Region: REGION, FileIndex: 1 });
    expect(describeTask(service, id)).toMatchObject({ CurrentFileIndex: 1 });
    service.advanceClock(3600);
    expect(describeTask(service, id)).toMatchObject({ TaskStatus: 1, CurrentFileIndex: 1 });
  });

  it('starts an Idle task at once when StartTime moves into the past, and reschedules a new EndTime', () => {
    service = clockDrivenService();
    const id = createTask(service);
    call(service, 'UpdateLivePullToPush', {
      TaskId: id,
      Region: REGION,
      StartTime: timeIn(service, -60),
      EndTime: timeIn(service, 600),
    });
    expect(statusOf(service, id)).toBe(1);
    service.advanceClock(600);
    expect(describeTask(service, id)).toMatchObject({ TaskStatus: -1, TaskExitReason: 'OverEndTime' });
  });

  it('moves the exit of a stopped task with a new EndTime', () => {
    service = clockDrivenService();
    const id = taskIn('Offline');
    const endTime = timeIn(service, 86_400 * 3);
    call(service, 'UpdateLivePullToPush', { TaskId: id, Region: REGION, EndTime: endTime });
    service.advanceClock(86_400 * 2);
    expect(statusOf(service, id)).toBe(3);
    service.advanceClock(86_400 * 1.5);
    expect(describeTask(service, id)).toMatchObject({ TaskStatus: -1, TaskExitTime: Date.parse(endTime) / 1000 });
  });

  it('does not change a Describe answer already returned', () => {
    service = clockDrivenService();
    const id = taskIn('Offline');
    const before = describeTask(service, id);
    const snapshot = structuredClone(before);
    call(service, 'UpdateLivePullToPush', {
      TaskId: id,
      Region: REGION,
      SourceUrls: ['media0042', 'media0043'],
      FileIndex: 1,
    });
    call(service, 'RestartLivePullToPush', { TaskId: id, Region: REGION });
    expect(before).toEqual(snapshot);
  });
});
