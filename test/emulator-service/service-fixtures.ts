import { afterEach, beforeEach, expect } from 'vitest';
import type { OperationName } from '../../generated/operations.js';
import { errorCodes } from '../../generated/operations.js';
import { type RequestParams, type ResponseBody, responseValidators } from '../../generated/validators.js';
import { createTaskService, type TaskServiceOptions } from '../../src/emulator/service/create-task-service.js';
import { ServiceError } from '../../src/emulator/service/service-error.js';
import type { InjectedFault, TaskService } from '../../src/emulator/service/task-service.js';
import { formatUtcTimestamp } from '../../src/rules/index.js';

export type Region = RequestParams<'DescribeLivePullToPush'>['Region'];
export const REGION: Region = 'cn-shanghai';

/** A service whose transitions run only when a test reads or advances the clock. */
export function clockDrivenService(options: TaskServiceOptions = {}): TaskService {
  return createTaskService({ realTimeScheduling: false, ...options });
}

/** Task time `seconds` from the service's now, in the API format (truncated to the second, so never later). */
export function timeIn(service: TaskService, seconds: number): string {
  return formatUtcTimestamp(new Date(service.now().getTime() + seconds * 1000));
}

/**
 * Runs one operation and asserts the body (plus a RequestId, which the gateway adds) matches
 * the spec's response schema.
 */
export function call<A extends OperationName>(
  service: TaskService,
  action: A,
  params: RequestParams<A>,
): Omit<ResponseBody<A>, 'RequestId'> {
  const body = service.handle(action, params as Record<string, unknown>);
  const validate = responseValidators[action];
  if (!validate({ RequestId: 'test', ...body })) {
    expect.fail(`${action} response does not match the spec: ${JSON.stringify(validate.errors)}`);
  }
  return body as Omit<ResponseBody<A>, 'RequestId'>;
}

/** The ServiceError `run` throws; fails the test if it throws nothing or something else. */
export function serviceError(run: () => unknown): ServiceError {
  try {
    run();
  } catch (error) {
    expect(error).toBeInstanceOf(ServiceError);
    const serviceError = error as ServiceError;
    expect(Object.keys(errorCodes)).toContain(serviceError.code);
    return serviceError;
  }
  throw new Error('expected a ServiceError, but the call succeeded');
}

export type CreateParams = RequestParams<'CreateLivePullToPush'>;

/** Creates a vod task starting in `startsIn` seconds and ending `lastsFor` seconds later. */
export function createTask(
  service: TaskService,
  overrides: Partial<CreateParams> = {},
  { startsIn = 3600, lastsFor = 7200 }: { startsIn?: number; lastsFor?: number } = {},
): string {
  const body = call(service, 'CreateLivePullToPush', {
    Region: REGION,
    StartTime: timeIn(service, startsIn),
    EndTime: timeIn(service, startsIn + lastsFor),
    SourceType: 'vod',
    SourceUrls: ['media0001', 'media0002', 'media0003'],
    DstUrl: 'rtmp://push.example.com/app/stream',
    ...overrides,
  });
  return body.TaskId;
}

export function describeTask(service: TaskService, taskId: string, region: Region = REGION) {
  return call(service, 'DescribeLivePullToPush', { TaskId: taskId, Region: region });
}

export function statusOf(service: TaskService, taskId: string): number {
  return describeTask(service, taskId).TaskStatus;
}

/** A task that is Running: created, then the clock moved to its StartTime. */
export function runningTask(service: TaskService, overrides: Partial<CreateParams> = {}): string {
  const id = createTask(service, overrides, { startsIn: 60 });
  service.advanceClock(60);
  expect(statusOf(service, id)).toBe(1);
  return id;
}

/** A Recovering task: running, then `fault` injected (by default a pull failure no retry cures). */
export function recoveringTask(
  service: TaskService,
  fault: Omit<InjectedFault, 'TaskId'> = { Reason: 'PullStreamFailed' },
  overrides: Partial<CreateParams> = {},
): string {
  const id = runningTask(service, overrides);
  service.injectFault({ TaskId: id, ...fault });
  return id;
}

/** The service of the running test, with the helpers above bound to it. */
export interface ServiceUnderTest
  extends Pick<TaskService, 'advanceClock' | 'injectFault' | 'now' | 'reset' | 'relayInput'> {
  call<A extends OperationName>(action: A, params: RequestParams<A>): Omit<ResponseBody<A>, 'RequestId'>;
  create(overrides?: Partial<CreateParams>, window?: { startsIn?: number; lastsFor?: number }): string;
  running(overrides?: Partial<CreateParams>): string;
  recovering(fault?: Omit<InjectedFault, 'TaskId'>, overrides?: Partial<CreateParams>): string;
  describe(taskId: string, region?: Region): ReturnType<typeof describeTask>;
  status(taskId: string): number;
  timeIn(seconds: number): string;
  /** Replaces this test's service with a fresh one made with `options`. */
  reopen(options: TaskServiceOptions): Promise<void>;
}

/**
 * A fresh clock-driven service for each test of the file, closed after it. Use it inside tests
 * only: there is no service between them.
 */
export function servicePerTest(): ServiceUnderTest {
  let current: TaskService | undefined;
  beforeEach(() => {
    current = clockDrivenService();
  });
  afterEach(async () => {
    await current?.close();
    current = undefined;
  });
  const service = (): TaskService => {
    if (current === undefined) throw new Error('servicePerTest: the service exists only inside a test');
    return current;
  };
  return {
    advanceClock: (seconds) => service().advanceClock(seconds),
    injectFault: (fault) => service().injectFault(fault),
    now: () => service().now(),
    reset: () => service().reset(),
    relayInput: (taskId) => service().relayInput(taskId),
    call: (action, params) => call(service(), action, params),
    create: (overrides, window) => createTask(service(), overrides, window),
    running: (overrides) => runningTask(service(), overrides),
    recovering: (fault, overrides) => recoveringTask(service(), fault, overrides),
    describe: (taskId, region) => describeTask(service(), taskId, region),
    status: (taskId) => statusOf(service(), taskId),
    timeIn: (seconds) => timeIn(service(), seconds),
    async reopen(options) {
      await service().close();
      current = clockDrivenService(options);
    },
  };
}
