import type { OperationName } from '../../../generated/operations.js';
import type { RequestParams, ResponseBody } from '../../../generated/validators.js';
import type { TaskRuntime } from './task-runtime.js';

export type { RequestParams };

/** The 200 body of one action without RequestId, which the gateway adds. */
export type ServiceBody<A extends OperationName> = Omit<ResponseBody<A>, 'RequestId'>;

/** One operation: runs synchronously inside `handle` at task time `nowMs`; throws ServiceError. */
export type OperationHandler<A extends OperationName> = (
  runtime: TaskRuntime,
  params: RequestParams<A>,
  nowMs: number,
) => ServiceBody<A>;
