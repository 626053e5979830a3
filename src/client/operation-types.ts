import type { OperationName } from '../../generated/operations.js';
import type { RequestParams, ResponseBody } from '../../generated/validators.js';

/** The typed parameters of an operation, in the API's own names (`SourceUrls` as `string[]`). */
export type LiveRequest<A extends OperationName> = RequestParams<A>;

/** The 200 body of an operation. */
export type LiveResponse<A extends OperationName> = ResponseBody<A>;

/** Per-call options, the optional last argument of every client method. */
export interface CallOptions {
  /** Aborts the call, including a wait for a rate-limit slot or a retry; it rejects with `signal.reason`. */
  readonly signal?: AbortSignal;
  /** Per-attempt timeout for this call, milliseconds. @default the client's `timeoutMs` */
  readonly timeoutMs?: number;
}

/** A client method's name: the action with a lower-case first letter, as Alibaba's SDKs name it. */
export type MethodName<A extends OperationName> = Uncapitalize<A>;

/** `CreateLivePullToPush` → `createLivePullToPush`. */
export function methodName<A extends OperationName>(action: A): MethodName<A> {
  return (action.charAt(0).toLowerCase() + action.slice(1)) as MethodName<A>;
}

/** One method per operation, e.g. `updateLivePullToPush(params, options?)`. */
export type OperationMethods = {
  readonly [A in OperationName as MethodName<A>]: (
    params: LiveRequest<A>,
    options?: CallOptions,
  ) => Promise<LiveResponse<A>>;
};
