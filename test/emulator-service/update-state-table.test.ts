import { describe, expect, it } from 'vitest';
import type { RequestParams } from '../../generated/validators.js';
import { REGION, serviceError, servicePerTest } from './service-fixtures.js';

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

const service = servicePerTest();

function taskIn(state: State): string {
  switch (state) {
    case 'Idle':
      return service.create();
    case 'Unknown':
      return '00000000-0000-4000-8000-000000000000';
    case 'Recovering':
      return service.recovering();
    default: {
      const id = service.running();
      if (state === 'Offline') service.call('StopLivePullToPush', { TaskId: id, Region: REGION });
      if (state === 'Exit') service.call('DeleteLivePullToPush', { TaskId: id, Region: REGION });
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
      return { StartTime: service.timeIn(5400) };
    case 'EndTime':
      return { EndTime: service.timeIn(9000) };
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
        const id = taskIn(state);
        const change = newValue(param);
        const update = () => service.call('UpdateLivePullToPush', { TaskId: id, Region: REGION, ...change });
        if (expected === 'unchanged') {
          const before = service.describe(id);
          expect(update()).toEqual({ RetCode: 0, Description: 'OK' });
          expect(service.describe(id)).toEqual(before);
          return;
        }
        if (expected !== 'ok') {
          const error = serviceError(update);
          expect(error.code).toBe(expected);
          expect(error.param).toBe(expected === 'CodeTaskNotExist' ? 'TaskId' : param);
          if (STATUS[state] !== undefined) expect(service.status(id)).toBe(STATUS[state]);
          return;
        }
        expect(update()).toEqual({ RetCode: 0, Description: 'OK' });
        if (param === 'Region') {
          expect(service.describe(id, 'cn-beijing').TaskStatus).toBe(STATUS[state]);
          expect(serviceError(() => service.describe(id)).code).toBe('CodeTaskNotExist');
          return;
        }
        const task = service.describe(id);
        expect(task.TaskStatus).toBe(STATUS[state]);
        expect((task.TaskInfo as Record<string, unknown>)[INFO_FIELD[param]]).toEqual(Object.values(change)[0]);
      });
    }
  }

  it("accepts the task's own Region in every live state (it names the live center, not a change)", () => {
    for (const state of ['Idle', 'Running', 'Recovering', 'Offline'] as const) {
      const id = taskIn(state);
      expect(service.call('UpdateLivePullToPush', { TaskId: id, Region: REGION, RepeatNumber: 1 })).toEqual({
        RetCode: 0,
        Description: 'OK',
      });
    }
  });

  it('reports one refused parameter per issue, first one as the error parameter', () => {
    const id = taskIn('Running');
    const error = serviceError(() =>
      service.call('UpdateLivePullToPush', { TaskId: id, Region: REGION, FileIndex: 1, Offset: 3, RepeatNumber: 2 }),
    );
    expect(error.code).toBe('CodeTaskHasStarted');
    expect(error.message).toMatch(/Offset/);
    expect(error.message).toMatch(/FileIndex/);
    expect(service.describe(id).TaskInfo.RepeatNumber).toBe(0);
  });
});

describe('UpdateLivePullToPush time rules, merged with the stored window', () => {
  it('refuses an EndTime at or before the stored StartTime', () => {
    const id = service.create({}, { startsIn: 3600 });
    const error = serviceError(() =>
      service.call('UpdateLivePullToPush', { TaskId: id, Region: REGION, EndTime: service.timeIn(1800) }),
    );
    expect(error).toMatchObject({ code: 'InvalidParam.CodeIllegalDuration', param: 'EndTime' });
  });

  it('refuses a StartTime that stretches the stored window past seven days', () => {
    const id = service.create({}, { startsIn: 3600, lastsFor: 6 * 86_400 });
    const error = serviceError(() =>
      service.call('UpdateLivePullToPush', { TaskId: id, Region: REGION, StartTime: service.timeIn(-86_400) }),
    );
    expect(error).toMatchObject({ code: 'InvalidParam.CodeIllegalDuration', param: 'StartTime' });
    expect(service.status(id)).toBe(0);
  });

  it('refuses an EndTime in the past on a stopped task', () => {
    const id = taskIn('Offline');
    const error = serviceError(() =>
      service.call('UpdateLivePullToPush', { TaskId: id, Region: REGION, EndTime: service.timeIn(-10) }),
    );
    expect(error.code).toBe('InvalidParam.CodeIllegalDuration');
  });

  it('refuses SourceUrls that do not fit the stored SourceType', () => {
    const id = service.create({
      SourceType: 'live',
      SourceProtocol: 'rtmp',
      SourceUrls: ['rtmp://pull.example.com/app/s'],
    });
    const error = serviceError(() =>
      service.call('UpdateLivePullToPush', {
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
    const id = taskIn('Offline');
    service.call('UpdateLivePullToPush', {
      TaskId: id,
      Region: REGION,
      FileIndex: 2,
      Offset: 45,
      SourceUrls: ['media0040', 'media0041', 'media0042'],
    });

    const stored = service.describe(id);
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

    service.call('RestartLivePullToPush', { TaskId: id, Region: REGION });
    expect(service.describe(id)).toMatchObject({ TaskStatus: 1, CurrentFileIndex: 2, CurrentOffset: 45 });
    expect(service.relayInput(id)).toEqual({
      sourceUrls: ['media0040', 'media0041', 'media0042'],
      fileIndex: 2,
      offset: 45,
    });
  });

  it('applies RepeatNumber to a running task at once', () => {
    const id = taskIn('Running');
    service.call('UpdateLivePullToPush', { TaskId: id, Region: REGION, RepeatNumber: 4 });
    expect(service.describe(id).TaskInfo.RepeatNumber).toBe(4);
  });

  it('uses FileIndex changed before StartTime from the start', () => {
    const id = service.create();
    service.call('UpdateLivePullToPush', { TaskId: id, Region: REGION, FileIndex: 1 });
    expect(service.describe(id)).toMatchObject({ CurrentFileIndex: 1 });
    service.advanceClock(3600);
    expect(service.describe(id)).toMatchObject({ TaskStatus: 1, CurrentFileIndex: 1 });
  });

  it('starts an Idle task at once when StartTime moves into the past, and reschedules a new EndTime', () => {
    const id = service.create();
    service.call('UpdateLivePullToPush', {
      TaskId: id,
      Region: REGION,
      StartTime: service.timeIn(-60),
      EndTime: service.timeIn(600),
    });
    expect(service.status(id)).toBe(1);
    service.advanceClock(600);
    expect(service.describe(id)).toMatchObject({ TaskStatus: -1, TaskExitReason: 'OverEndTime' });
  });

  it('moves the exit of a stopped task with a new EndTime', () => {
    const id = taskIn('Offline');
    const endTime = service.timeIn(86_400 * 3);
    service.call('UpdateLivePullToPush', { TaskId: id, Region: REGION, EndTime: endTime });
    service.advanceClock(86_400 * 2);
    expect(service.status(id)).toBe(3);
    service.advanceClock(86_400 * 1.5);
    expect(service.describe(id)).toMatchObject({ TaskStatus: -1, TaskExitTime: Date.parse(endTime) / 1000 });
  });

  it('does not change a Describe answer already returned', () => {
    const id = taskIn('Offline');
    const before = service.describe(id);
    const snapshot = structuredClone(before);
    service.call('UpdateLivePullToPush', {
      TaskId: id,
      Region: REGION,
      SourceUrls: ['media0042', 'media0043'],
      FileIndex: 1,
    });
    service.call('RestartLivePullToPush', { TaskId: id, Region: REGION });
    expect(before).toEqual(snapshot);
  });
});
