import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { schemaEnums } from '../../generated/operations.js';
import type { RequestParams } from '../../generated/validators.js';
import { ServiceError } from '../../src/emulator/service/service-error.js';
import type { TaskService } from '../../src/emulator/service/task-service.js';
import { call, clockDrivenService, timeIn } from './service-fixtures.js';

const REGIONS = ['cn-shanghai', 'cn-beijing'] as const;

type Op =
  | { kind: 'create'; startsIn: number; lastsFor: number; retryCount: number; retryInterval: number }
  | {
      kind: 'update';
      task: number;
      region: 0 | 1;
      startIn?: number;
      endIn?: number;
      fileIndex?: number;
      repeat?: number;
      urls?: boolean;
    }
  | { kind: 'stop' | 'restart' | 'delete'; task: number }
  | { kind: 'fault'; task: number; pull: boolean; recoverAfter?: number }
  | { kind: 'list'; page: number; size: number; name?: string }
  | { kind: 'advance'; seconds: number };

const taskIndex = fc.nat({ max: 5 });
const op: fc.Arbitrary<Op> = fc.oneof(
  {
    weight: 3,
    arbitrary: fc.record({
      kind: fc.constant('create' as const),
      startsIn: fc.integer({ min: -600, max: 3600 }),
      lastsFor: fc.integer({ min: 700, max: 3 * 86_400 }),
      retryCount: fc.integer({ min: 0, max: 4 }),
      retryInterval: fc.integer({ min: 60, max: 300 }),
    }),
  },
  {
    weight: 2,
    arbitrary: fc.record(
      {
        kind: fc.constant('update' as const),
        task: taskIndex,
        region: fc.constantFrom(0 as const, 1 as const),
        startIn: fc.integer({ min: -3600, max: 86_400 }),
        endIn: fc.integer({ min: -600, max: 9 * 86_400 }),
        fileIndex: fc.nat({ max: 5 }),
        repeat: fc.integer({ min: -1, max: 3 }),
        urls: fc.boolean(),
      },
      { requiredKeys: ['kind', 'task', 'region'] },
    ),
  },
  {
    weight: 3,
    arbitrary: fc.record({
      kind: fc.constantFrom('stop' as const, 'restart' as const, 'delete' as const),
      task: taskIndex,
    }),
  },
  {
    weight: 2,
    arbitrary: fc.record(
      {
        kind: fc.constant('fault' as const),
        task: taskIndex,
        pull: fc.boolean(),
        recoverAfter: fc.integer({ min: 1, max: 4 }),
      },
      { requiredKeys: ['kind', 'task', 'pull'] },
    ),
  },
  {
    weight: 1,
    arbitrary: fc.record(
      {
        kind: fc.constant('list' as const),
        page: fc.integer({ min: 1, max: 3 }),
        size: fc.integer({ min: 1, max: 5 }),
        name: fc.constantFrom('t-1', 't-', '2'),
      },
      { requiredKeys: ['kind', 'page', 'size'] },
    ),
  },
  {
    weight: 4,
    arbitrary: fc.record({
      kind: fc.constant('advance' as const),
      seconds: fc.oneof(
        { weight: 4, arbitrary: fc.integer({ min: 0, max: 400 }) },
        { weight: 1, arbitrary: fc.integer({ min: 0, max: 2 * 86_400 }) },
      ),
    }),
  },
);

/** Runs `work`; a refusal must be a ServiceError with a code the spec knows. */
function attempt(work: () => unknown): ServiceError | undefined {
  try {
    work();
    return undefined;
  } catch (error) {
    expect(error).toBeInstanceOf(ServiceError);
    return error as ServiceError;
  }
}

/** Describe in whichever region holds the task, or undefined once it is gone. */
function find(service: TaskService, id: string) {
  for (const Region of REGIONS) {
    try {
      return { region: Region, task: call(service, 'DescribeLivePullToPush', { TaskId: id, Region }) };
    } catch (error) {
      expect(error).toMatchObject({ code: 'CodeTaskNotExist' });
    }
  }
  return undefined;
}

function apply(service: TaskService, ids: string[], step: Op): void {
  const pick = (index: number) => ids[index % Math.max(ids.length, 1)];
  switch (step.kind) {
    case 'create': {
      const created = attempt(() => {
        const { TaskId } = call(service, 'CreateLivePullToPush', {
          Region: REGIONS[ids.length % 2]!,
          TaskName: `t-${ids.length}`,
          StartTime: timeIn(service, step.startsIn),
          EndTime: timeIn(service, step.startsIn + step.lastsFor),
          SourceType: 'vod',
          SourceUrls: ['media0001', 'media0002'],
          DstUrl: `rtmp://push.example.com/app/${ids.length}`,
          RetryCount: step.retryCount,
          RetryInterval: step.retryInterval,
        });
        ids.push(TaskId);
      });
      expect(created).toBeUndefined();
      return;
    }
    case 'update': {
      const id = pick(step.task);
      if (id === undefined) return;
      const params: RequestParams<'UpdateLivePullToPush'> = { TaskId: id, Region: REGIONS[step.region] };
      if (step.startIn !== undefined) params.StartTime = timeIn(service, step.startIn);
      if (step.endIn !== undefined) params.EndTime = timeIn(service, step.endIn);
      if (step.fileIndex !== undefined) params.FileIndex = step.fileIndex;
      if (step.repeat !== undefined) params.RepeatNumber = step.repeat;
      if (step.urls === true) params.SourceUrls = ['media0003'];
      attempt(() => call(service, 'UpdateLivePullToPush', params));
      return;
    }
    case 'stop':
    case 'restart':
    case 'delete': {
      const id = pick(step.task);
      const found = id === undefined ? undefined : find(service, id);
      if (id === undefined || found === undefined) return;
      const action = {
        stop: 'StopLivePullToPush',
        restart: 'RestartLivePullToPush',
        delete: 'DeleteLivePullToPush',
      } as const;
      attempt(() => call(service, action[step.kind], { TaskId: id, Region: found.region }));
      return;
    }
    case 'fault': {
      const id = pick(step.task);
      if (id === undefined) return;
      const recover = step.recoverAfter === undefined ? {} : { RecoverAfterRetries: step.recoverAfter };
      attempt(() =>
        service.injectFault({ TaskId: id, Reason: step.pull ? 'PullStreamFailed' : 'PushStreamFailed', ...recover }),
      );
      return;
    }
    case 'list':
      for (const Region of REGIONS) {
        call(service, 'DescribeLivePullToPushList', {
          Region,
          PageNumber: step.page,
          PageSize: step.size,
          ...(step.name === undefined ? {} : { TaskName: step.name }),
        });
      }
      return;
    case 'advance':
      service.advanceClock(step.seconds);
      return;
  }
}

describe('task service properties', () => {
  it('keeps its invariants under random operations and clock moves', () => {
    fc.assert(
      fc.property(fc.array(op, { minLength: 10, maxLength: 40, size: 'max' }), (steps) => {
        const service = clockDrivenService({ retentionSeconds: 3 * 86_400 });
        const ids: string[] = [];
        const exited = new Map<string, unknown>();
        const purged = new Set<string>();
        try {
          for (const step of steps) {
            apply(service, ids, step);
            const visible: Record<string, number> = { 'cn-shanghai': 0, 'cn-beijing': 0 };
            for (const id of ids) {
              const found = find(service, id);
              if (found === undefined) {
                // Once gone, gone for good (only exited tasks are purged).
                expect(exited.has(id) || purged.has(id)).toBe(true);
                purged.add(id);
                continue;
              }
              expect(purged.has(id)).toBe(false);
              visible[found.region]! += 1;
              const { task } = found;
              expect(schemaEnums.TaskStatus).toContain(task.TaskStatus);
              expect(task.TaskExitTime !== undefined).toBe(task.TaskStatus === -1);
              expect(task.TaskExitReason !== undefined).toBe(task.TaskStatus === -1);
              if (task.TaskInvalidReason !== undefined) expect(task.TaskStatus).toBe(3);
              if (task.TaskExitReason === 'OverEndTime')
                expect(task.TaskExitTime).toBe(Date.parse(task.TaskInfo.EndTime!) / 1000);
              if (task.TaskStatus === -1) {
                // Exited tasks never change and refuse every mutation.
                if (exited.has(id)) {
                  expect(task).toEqual(exited.get(id));
                  continue;
                }
                exited.set(id, task);
                for (const action of ['StopLivePullToPush', 'RestartLivePullToPush', 'DeleteLivePullToPush'] as const) {
                  expect(attempt(() => call(service, action, { TaskId: id, Region: found.region }))?.code).toBe(
                    'CodeTaskNotExist',
                  );
                }
                const update = attempt(() =>
                  call(service, 'UpdateLivePullToPush', { TaskId: id, Region: found.region, RepeatNumber: 1 }),
                );
                expect(update?.code).toBe('CodeTaskNotExist');
              } else {
                expect(exited.has(id)).toBe(false);
              }
            }
            for (const Region of REGIONS) {
              expect(call(service, 'DescribeLivePullToPushList', { Region }).Total).toBe(visible[Region]);
            }
          }
        } finally {
          void service.close();
        }
      }),
      { numRuns: 40 },
    );
  });
});
