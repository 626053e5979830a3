import type { IncomingHttpHeaders } from 'node:http';
import { errorCodes, type OperationSpec } from '../../../generated/operations.js';
import { detectSignatureScheme } from '../../wire/signature-schemes.js';
import type { FormParams } from '../http/parse-form.js';
import { ServiceError } from '../service/service-error.js';
import type { TaskService } from '../service/task-service.js';
import type { AccessKeys } from './access-keys.js';
import { ArrivalLog } from './arrival-log.js';
import { authenticate } from './authenticate.js';
import { ErrorInjections } from './error-injections.js';
import { internalError, isRefusal, type Refusal, refuse } from './refusal.js';
import { ReplayGuard } from './replay-guard.js';
import { resolveOperation } from './resolve-operation.js';
import { RETRY_AFTER_HEADER } from './retry-after-header.js';
import { SlidingWindowThrottle } from './throttle.js';
import { validateParams } from './validate-params.js';

/** One RPC call as the HTTP layer decoded it. */
export interface RpcRequest {
  /** Upper-case HTTP method. */
  readonly method: string;
  /** Decoded URL query. */
  readonly query: FormParams;
  /** Decoded `application/x-www-form-urlencoded` body, if there was one. */
  readonly form: FormParams | undefined;
  /** Lower-case header names (Node's `IncomingMessage.headers`). */
  readonly headers: IncomingHttpHeaders;
  /** Exact body bytes (V3 hashes them). */
  readonly rawBody: Buffer | undefined;
}

/** A call the service answered: the 200 body, RequestId first. */
export interface Success {
  readonly refused: false;
  readonly body: Record<string, unknown>;
}

/** How the gateway is set up; every field is resolved (see `startEmulator` for the defaults). */
export interface GatewayOptions {
  readonly keys: AccessKeys;
  readonly service: TaskService;
  /** Admitted requests per AccessKeyId per second; `Infinity` switches throttling off. */
  readonly qpsLimit: number;
  readonly maxNoncesPerKey: number;
  readonly arrivalLogSize: number;
  /** Real wall-clock time in ms: the timestamp window, nonce expiry and throttle run on it. */
  readonly clock: () => number;
  /** Called with any exception the service throws that is not a ServiceError. */
  readonly onInternalError: (error: unknown, requestId: string) => void;
}

/**
 * The request pipeline in front of the task service, in the order the checks run:
 *
 * 1. route: `Action`, `Version`, HTTP method (no caller needed);
 * 2. authenticate: signature, AccessKeyId, signing time against real time, STS token;
 * 3. replay: the nonce must be fresh for this AccessKeyId;
 * 4. throttle: at most `qpsLimit` admitted calls per key in any one-second window;
 * 5. an injected error (`POST /_emulator/errors`), if one matches the action;
 * 6. validate: strip unknown parameters, decode, check the generated schema;
 * 7. the task service.
 *
 * A request counts against its key's limit once steps 2 and 3 passed: an unverified request
 * cannot be attributed (and must not use up someone else's quota), a refused one takes no
 * slot. Every request from step 3 on is recorded in the key's arrival log.
 */
export class Gateway {
  readonly arrivals: ArrivalLog;
  /** Errors the next matching signed calls answer with (emulator control route). */
  readonly injections = new ErrorInjections();
  private readonly replay: ReplayGuard;
  private readonly throttle: SlidingWindowThrottle;

  constructor(private readonly options: GatewayOptions) {
    this.arrivals = new ArrivalLog(options.arrivalLogSize);
    this.replay = new ReplayGuard(options.maxNoncesPerKey);
    this.throttle = new SlidingWindowThrottle(options.qpsLimit);
  }

  handle(request: RpcRequest, requestId: string): Success | Refusal {
    const { method, query, form, headers } = request;
    // Each scheme signs the action and version where it carries them, so that copy is read first.
    const headersFirst = detectSignatureScheme(request)?.envelope === 'headers';
    const action = named(request, 'Action', 'x-acs-action', headersFirst);
    const version = named(request, 'Version', 'x-acs-version', headersFirst);
    const op = resolveOperation(method, action, version);
    if (isRefusal(op)) return op;

    const now = this.options.clock();
    const caller = authenticate(
      { method, pathname: '/', query, form, headers, rawBody: request.rawBody },
      this.options.keys,
      new Date(now),
    );
    if (isRefusal(caller)) return caller;

    const outcome =
      this.admit(caller.accessKeyId, caller.nonce, caller.signedAt, now) ??
      this.injections.take(op.action) ??
      this.run(op, caller.params, requestId);
    this.arrivals.record(caller.accessKeyId, {
      time: now,
      action: op.action,
      outcome: outcome.refused ? outcome.code : 'OK',
    });
    return outcome;
  }

  /** Forgets nonces, throttle windows, arrivals and injected errors. */
  reset(): void {
    this.arrivals.clear();
    this.injections.clear();
    this.replay.clear();
    this.throttle.clear();
  }

  private admit(accessKeyId: string, nonce: string, signedAt: Date, now: number): Refusal | undefined {
    const replayed = this.replay.check(accessKeyId, nonce, signedAt, now);
    if (replayed !== undefined) return replayed;
    const wait = this.throttle.admit(accessKeyId, now);
    if (wait === 0) return undefined;
    return refuse(
      'Throttling.User',
      undefined,
      `AccessKeyId ${accessKeyId} is over ${this.options.qpsLimit} requests per second; retry in ${wait} ms`,
      { [RETRY_AFTER_HEADER]: String(wait) },
    );
  }

  private run(op: OperationSpec, wire: Record<string, string>, requestId: string): Success | Refusal {
    const params = validateParams(op, wire);
    if (isRefusal(params)) return params;
    try {
      const result = this.options.service.handle(op.action, params);
      return { refused: false, body: { RequestId: requestId, ...result } };
    } catch (error) {
      if (error instanceof ServiceError && Object.hasOwn(errorCodes, error.code)) {
        return refuse(error.code, undefined, error.message);
      }
      this.options.onInternalError(error, requestId);
      return internalError();
    }
  }
}

/** A value that travels as a V1 parameter or a V3 header. */
function named(request: RpcRequest, param: string, header: string, headerFirst: boolean): string | undefined {
  const fromHeader = request.headers[header];
  const headerValue = typeof fromHeader === 'string' ? fromHeader : undefined;
  const paramValue = request.query[param] ?? request.form?.[param];
  return headerFirst ? (headerValue ?? paramValue) : (paramValue ?? headerValue);
}
