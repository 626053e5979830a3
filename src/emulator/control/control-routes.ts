import { errorCodes, type OperationName, operationNames } from '../../../generated/operations.js';
import { formatTimestamp } from '../../wire/timestamp.js';
import type { Gateway } from '../gateway/gateway.js';
import { invalidParameter, isRefusal, type Refusal, refuse, refuseControl } from '../gateway/refusal.js';
import { ClockLockedError } from '../service/clock-locked-error.js';
import { ServiceError } from '../service/service-error.js';
import type { InjectedFault, TaskService } from '../service/task-service.js';

/** Prefix of the unsigned control routes; nothing under it is part of the vendor API. */
export const CONTROL_PREFIX = '/_emulator/';

/** Largest clock step one call may take: 366 days, in seconds (the clock must stay a valid date). */
export const MAX_ADVANCE_SECONDS = 366 * 24 * 3600;

/** What a control route answers: a 200 body (RequestId is added by the caller) or a refusal. */
export type ControlAnswer = { readonly refused: false; readonly body: Record<string, unknown> } | Refusal;

/** The parts of a control request a route reads. */
export interface ControlRequest {
  readonly method: string;
  /** Path without the query, e.g. `/_emulator/clock`. */
  readonly path: string;
  /** Decoded URL query. */
  readonly query: Readonly<Record<string, string>>;
  /** The body as text (`''` when none). */
  readonly body: string;
}

/**
 * The emulator's own routes, for tests and demos (unsigned; the emulator binds loopback):
 *
 * - `GET /_emulator/clock` → `{now}`; `POST /_emulator/clock` `{"advanceSeconds": N}` moves the
 *   task clock forward N seconds (0 to {@link MAX_ADVANCE_SECONDS}), running every transition
 *   that falls due → `{now}`;
 * - `POST /_emulator/faults` `{"TaskId", "Reason": "PullStreamFailed"|"PushStreamFailed",
 *   "RecoverAfterRetries"?}` makes a running task fail → `{}`;
 * - `POST /_emulator/errors` `{"Code", "Action"?, "Times"?}` makes the next `Times` (default 1)
 *   signed calls of `Action` (default any) answer `Code`, any code the spec lists, with its status
 *   → `{Pending: [...]}`; `DELETE /_emulator/errors` drops them → `{Cleared: n}`;
 * - `POST /_emulator/reset` forgets every task, nonce, throttle window, arrival and injected error → `{}`;
 * - `GET /_emulator/requests[?AccessKeyId=ID]` → `{Requests: {<AccessKeyId>: [{seq, time, action, outcome}]}}`,
 *   oldest first (see `ArrivalLog`).
 *
 * Bad input is refused with `InvalidParameter` naming the field; an unknown route with
 * `InvalidAction.NotFound`; a known route with the wrong method with `UnsupportedHTTPMethod`.
 */
export function handleControl(request: ControlRequest, service: TaskService, gateway: Gateway): ControlAnswer {
  const name = request.path.slice(CONTROL_PREFIX.length);
  const route = Object.hasOwn(ROUTES, name) ? ROUTES[name] : undefined;
  if (route === undefined) {
    return refuse('InvalidAction.NotFound', undefined, `${request.path} is not an emulator control route`);
  }
  const handler = Object.hasOwn(route, request.method) ? route[request.method] : undefined;
  if (handler === undefined) {
    return refuse('UnsupportedHTTPMethod', undefined, `${request.path} accepts ${Object.keys(route).join(' or ')}`);
  }
  try {
    return handler(request, service, gateway);
  } catch (error) {
    if (error instanceof ClockLockedError) return refuseControl('ClockLocked', 409, error.message);
    if (error instanceof ServiceError && Object.hasOwn(errorCodes, error.code)) {
      return refuse(error.code, undefined, error.message);
    }
    throw error;
  }
}

type Handler = (request: ControlRequest, service: TaskService, gateway: Gateway) => ControlAnswer;

const ROUTES: Readonly<Record<string, Readonly<Record<string, Handler>>>> = {
  clock: {
    GET: (_request, service) => ok({ now: formatTimestamp(service.now()) }),
    POST: (request, service) => {
      const body = jsonObject(request.body);
      if (isRefusal(body)) return body;
      const seconds = body['advanceSeconds'];
      if (typeof seconds !== 'number' || !(seconds >= 0 && seconds <= MAX_ADVANCE_SECONDS)) {
        return invalid('advanceSeconds', `must be a number of seconds from 0 to ${MAX_ADVANCE_SECONDS}`);
      }
      return ok(service.advanceClock(seconds));
    },
  },
  faults: {
    POST: (request, service) => {
      const body = jsonObject(request.body);
      if (isRefusal(body)) return body;
      // Shapes only; the task service checks the values (known Reason, RecoverAfterRetries >= 1).
      const { TaskId: taskId, Reason: reason, RecoverAfterRetries: recoverAfter } = body;
      if (typeof taskId !== 'string' || taskId === '') return invalid('TaskId', 'must be a non-empty string');
      if (typeof reason !== 'string') return invalid('Reason', 'must be PullStreamFailed or PushStreamFailed');
      if (recoverAfter !== undefined && typeof recoverAfter !== 'number') {
        return invalid('RecoverAfterRetries', 'must be an integer >= 1');
      }
      service.injectFault({
        TaskId: taskId,
        Reason: reason as InjectedFault['Reason'],
        ...(recoverAfter === undefined ? {} : { RecoverAfterRetries: recoverAfter }),
      });
      return ok({});
    },
  },
  errors: {
    POST: (request, _service, gateway) => {
      const body = jsonObject(request.body);
      if (isRefusal(body)) return body;
      const { Code: code, Action: action, Times: times } = body;
      if (typeof code !== 'string' || !Object.hasOwn(errorCodes, code)) {
        return invalid('Code', `must be an error code the spec lists: ${Object.keys(errorCodes).join(', ')}`);
      }
      if (
        action !== undefined &&
        !(typeof action === 'string' && (operationNames as readonly string[]).includes(action))
      ) {
        return invalid('Action', `must be one of ${operationNames.join(', ')} (or absent for any operation)`);
      }
      if (times !== undefined && !(Number.isSafeInteger(times) && (times as number) >= 1)) {
        return invalid('Times', 'must be an integer >= 1 (default 1)');
      }
      gateway.injections.add(code, action as OperationName | undefined, (times as number | undefined) ?? 1);
      return ok({ Pending: gateway.injections.list() });
    },
    DELETE: (_request, _service, gateway) => ok({ Cleared: gateway.injections.clear() }),
  },
  reset: {
    POST: (_request, service, gateway) => {
      service.reset();
      gateway.reset();
      return ok({});
    },
  },
  requests: {
    GET: (request, _service, gateway) => {
      const id = request.query['AccessKeyId'];
      return ok({ Requests: id === undefined ? gateway.arrivals.all() : { [id]: gateway.arrivals.of(id) } });
    },
  },
};

function ok(body: Record<string, unknown>): ControlAnswer {
  return { refused: false, body };
}

function invalid(field: string, rule: string): Refusal {
  return invalidParameter(field, `${field} ${rule}`);
}

/** Parses a JSON object body; an empty body counts as `{}`. */
function jsonObject(text: string): Record<string, unknown> | Refusal {
  if (text.trim() === '') return {};
  let value: unknown;
  try {
    value = JSON.parse(text);
  } catch {
    return invalidParameter('body', 'the body must be a JSON object');
  }
  if (typeof value !== 'object' || value === null || Array.isArray(value)) {
    return invalidParameter('body', 'the body must be a JSON object');
  }
  return value as Record<string, unknown>;
}
