import { expect } from 'vitest';
import type { OperationName } from '../../generated/operations.js';
import { errorCodes } from '../../generated/operations.js';
import { type RequestParams, type ResponseBody, responseValidators } from '../../generated/validators.js';
import { createTaskService, type TaskServiceOptions } from '../../src/emulator/service/create-task-service.js';
import { ServiceError } from '../../src/emulator/service/service-error.js';
import type { TaskService } from '../../src/emulator/service/task-service.js';
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
