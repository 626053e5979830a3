import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import type { TaskStatus } from './api-types.js';
import { checkUpdateAllowed, planUpdate, TASK_STATES, taskStateName, UPDATE_RULES } from './task-state.js';

const CURRENT = { Region: 'cn-shanghai' };
const IDENTITY = { TaskId: 'fd245384-4067-4f91-9d75-9666a6bc0000', Region: 'cn-shanghai' };

/** One value per Update parameter that would change the task. */
const CHANGE = {
  Region: 'cn-beijing',
  StartTime: '2024-08-24T00:00:00Z',
  EndTime: '2024-08-25T00:00:00Z',
  SourceUrls: ['rtmp://pull.example.com/app/other'],
  Offset: 5,
  FileIndex: 2,
  RepeatNumber: -1,
  CallbackUrl: 'https://hooks.example.com/live',
} as const;
type ChangedParam = keyof typeof CHANGE;

/**
 * The expected verdict of every (state, parameter) pair, written out by hand from the seed doc so
 * the table in task-state.ts is checked, not restated: `false` = CodeTaskHasStarted, `'no-effect'`
 * = answered with success and left unchanged ("the update does not take effect").
 */
const EXPECTED: Record<'Idle' | 'Running' | 'Recovering' | 'Offline', Record<ChangedParam, string | false>> = {
  Idle: {
    Region: 'immediately',
    StartTime: 'immediately',
    EndTime: 'immediately',
    SourceUrls: 'immediately',
    Offset: 'immediately',
    FileIndex: 'immediately',
    RepeatNumber: 'immediately',
    CallbackUrl: 'next-event',
  },
  Running: {
    Region: false,
    StartTime: 'no-effect',
    EndTime: false,
    SourceUrls: false,
    Offset: false,
    FileIndex: false,
    RepeatNumber: 'immediately',
    CallbackUrl: 'next-event',
  },
  Recovering: {
    Region: false,
    StartTime: 'no-effect',
    EndTime: false,
    SourceUrls: false,
    Offset: false,
    FileIndex: false,
    RepeatNumber: 'immediately',
    CallbackUrl: 'next-event',
  },
  Offline: {
    Region: false,
    StartTime: 'no-effect',
    EndTime: 'immediately',
    SourceUrls: 'next-restart',
    Offset: 'next-restart',
    FileIndex: 'next-restart',
    RepeatNumber: 'immediately',
    CallbackUrl: 'next-event',
  },
};

const cases = Object.entries(EXPECTED).flatMap(([state, row]) =>
  Object.entries(row).map(
    ([param, verdict]) => [state as keyof typeof EXPECTED, param as ChangedParam, verdict] as const,
  ),
);

describe('task states', () => {
  it('names the TaskStatus numbers as the callback doc does', () => {
    expect(([0, 1, 2, 3, -1] as const).map(taskStateName)).toEqual([
      'Idle',
      'Running',
      'Recovering',
      'Offline',
      'Exit',
    ]);
    expect(TASK_STATES).toEqual({ Idle: 0, Running: 1, Recovering: 2, Offline: 3, Exit: -1 });
  });
});

describe('planUpdate: each state × each parameter', () => {
  it('covers every parameter of the table', () => {
    expect(Object.keys(UPDATE_RULES).sort()).toEqual(Object.keys(CHANGE).sort());
  });

  it.each(cases)('%s + %s → %s', (state, param, verdict) => {
    const status = TASK_STATES[state];
    const plan = planUpdate(status, { ...IDENTITY, [param]: CHANGE[param] }, CURRENT);
    if (verdict === false) {
      expect(plan.changes).toEqual([]);
      expect(plan.issues).toEqual([expect.objectContaining({ param, code: 'CodeTaskHasStarted' })]);
      expect(plan.issues[0]?.message).toMatch(
        new RegExp(`^${param} cannot change after the task has started \\(it is ${state}: `),
      );
    } else if (verdict === 'no-effect') {
      expect(plan).toEqual({ changes: [], ignored: [param], issues: [] });
    } else {
      expect(plan).toEqual({ changes: [{ param, takesEffect: verdict }], ignored: [], issues: [] });
    }
  });

  it('accepts only an EndTime on an exited task, without effect', () => {
    expect(planUpdate(TASK_STATES.Exit, { ...IDENTITY, EndTime: CHANGE.EndTime }, CURRENT)).toEqual({
      changes: [],
      ignored: ['EndTime'],
      issues: [],
    });
    expect(
      planUpdate(TASK_STATES.Exit, { ...IDENTITY, EndTime: CHANGE.EndTime, RepeatNumber: 1 }, CURRENT).issues.map(
        (i) => i.code,
      ),
    ).toEqual(['CodeTaskNotExist']);
  });

  it('refuses everything else on an exited task with one CodeTaskNotExist', () => {
    const { EndTime: _kept, ...rest } = CHANGE;
    expect(checkUpdateAllowed(TASK_STATES.Exit, { ...IDENTITY, ...rest }, CURRENT)).toEqual([
      {
        param: 'TaskId',
        code: 'CodeTaskNotExist',
        message:
          'TaskId "fd245384-4067-4f91-9d75-9666a6bc0000" names a task that has exited (TaskStatus -1); it can no longer be updated',
      },
    ]);
    expect(checkUpdateAllowed(TASK_STATES.Exit, IDENTITY, CURRENT).map((i) => i.code)).toEqual(['CodeTaskNotExist']);
  });
});

describe('planUpdate: identifying parameters', () => {
  it('treats TaskId, RegionId and an unchanged Region as no change in any live state', () => {
    for (const status of [0, 1, 2, 3] as const) {
      expect(planUpdate(status, { ...IDENTITY, RegionId: 'cn-hangzhou' }, CURRENT)).toEqual({
        changes: [],
        ignored: [],
        issues: [],
      });
    }
  });

  it('names both Regions when refusing a move', () => {
    expect(checkUpdateAllowed(TASK_STATES.Running, { ...IDENTITY, Region: 'cn-beijing' }, CURRENT)[0]?.message).toBe(
      `Region cannot change after the task has started (it is Running: a running task accepts only RepeatNumber and CallbackUrl; the task's Region is cn-shanghai, got "cn-beijing")`,
    );
    expect(
      checkUpdateAllowed(
        TASK_STATES.Offline,
        { ...IDENTITY, Region: 'cn-beijing', StartTime: CHANGE.StartTime },
        CURRENT,
      )[0]?.message,
    ).toBe(
      `Region cannot change after the task has started (it is Offline: a stopped task accepts every parameter except Region; the task's Region is cn-shanghai, got "cn-beijing")`,
    );
  });

  it('ignores undefined values and keys the schema would reject', () => {
    expect(
      planUpdate(TASK_STATES.Running, { ...IDENTITY, SourceUrls: undefined, DstUrl: 'rtmp://x/y' }, CURRENT),
    ).toEqual({
      changes: [],
      ignored: [],
      issues: [],
    });
  });
});

describe('planUpdate: properties', () => {
  const status = fc.constantFrom<TaskStatus>(0, 1, 2, 3, -1);
  const region = fc.constantFrom('cn-shanghai', 'cn-beijing', 'ap-southeast-1');
  const params = fc.record(
    {
      TaskId: fc.string(),
      Region: region,
      RegionId: fc.string(),
      StartTime: fc.constant(CHANGE.StartTime),
      EndTime: fc.constant(CHANGE.EndTime),
      SourceUrls: fc.constant(CHANGE.SourceUrls),
      Offset: fc.nat(),
      FileIndex: fc.nat(),
      RepeatNumber: fc.integer({ min: -1 }),
      CallbackUrl: fc.constantFrom('https://hooks.example.com/a', 'http://10.0.0.1:8080/b'),
    },
    { requiredKeys: ['TaskId', 'Region'] },
  );

  it('never lets Region change once the task has started', () => {
    fc.assert(
      fc.property(fc.constantFrom<TaskStatus>(1, 2, 3, -1), params, region, (s, p, currentRegion) => {
        const plan = planUpdate(s, p, { Region: currentRegion });
        expect(plan.changes.some((c) => c.param === 'Region')).toBe(false);
        if (s !== -1 && p.Region !== currentRegion) {
          expect(plan.issues).toContainEqual(expect.objectContaining({ param: 'Region', code: 'CodeTaskHasStarted' }));
        }
      }),
    );
  });

  it('lets a running task change only CallbackUrl and RepeatNumber', () => {
    fc.assert(
      fc.property(fc.constantFrom<TaskStatus>(1, 2), params, (s, p) => {
        for (const change of planUpdate(s, p, CURRENT).changes) {
          expect(['CallbackUrl', 'RepeatNumber']).toContain(change.param);
        }
      }),
    );
  });

  it('accounts for every parameter given exactly once, as a change, a no-effect or an issue', () => {
    fc.assert(
      fc.property(fc.constantFrom<TaskStatus>(0, 1, 2, 3), params, region, (s, p, currentRegion) => {
        const plan = planUpdate(s, p, { Region: currentRegion });
        const given = Object.keys(p).filter(
          (k) => !['TaskId', 'RegionId'].includes(k) && !(k === 'Region' && p.Region === currentRegion),
        );
        const seen = [...plan.changes.map((c) => c.param), ...plan.ignored, ...plan.issues.map((i) => i.param)];
        expect(seen.sort()).toEqual(given.sort());
      }),
    );
  });

  it('agrees with checkUpdateAllowed', () => {
    fc.assert(
      fc.property(status, params, (s, p) => {
        expect(checkUpdateAllowed(s, p, CURRENT)).toEqual(planUpdate(s, p, CURRENT).issues);
      }),
    );
  });
});
