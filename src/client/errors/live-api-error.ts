import type { OperationName } from '../../../generated/operations.js';
import { LiveError } from '../../errors/live-error.js';

/** What the client read from an error answer; see {@link LiveApiError}. */
export interface LiveApiErrorFields {
  readonly action: OperationName;
  readonly statusCode: number;
  readonly code: string;
  readonly message: string;
  readonly requestId: string | undefined;
  readonly hostId: string | undefined;
  readonly recommend: string | undefined;
  readonly retryAfterMs: number | undefined;
  readonly attempts: number;
}

/**
 * Thrown when the service answers with HTTP 4xx or 5xx and the retry policy allows no further
 * attempt (throttling and 5xx are retried first, see `RetryOptions`; a CreateLivePullToPush is
 * retried after throttling only).
 *
 * It carries the service's error body (`code`, `message`, `requestId`, `hostId`, `recommend`), the
 * HTTP status, the `x-acs-retry-after` hint and how many attempts were made. A body without a
 * `Code` (for example a proxy's HTML page) gives the code `Http<status>`, e.g. `Http502`. Tell
 * the failure kinds apart with {@link isThrottling} and {@link isServerError}; look up a code's
 * documented meaning in `errorCodes` from `generated/operations.js`.
 */
export class LiveApiError extends LiveError {
  override readonly name = 'LiveApiError';
  /** The operation that was called. */
  readonly action: OperationName;
  /** The service's error `Code`, e.g. `CodeTaskNotExist`, `Throttling.User`. */
  override readonly code: string;
  /** The service's `RequestId` (or `x-acs-request-id` header); quote it to Alibaba Cloud support. */
  readonly requestId: string | undefined;
  /** The service's `HostId`: the endpoint that answered. */
  readonly hostId: string | undefined;
  /** The service's `Recommend`: a link to its troubleshooting page for this error. */
  readonly recommend: string | undefined;
  /** The HTTP status of the last attempt. */
  readonly statusCode: number;
  /** The `x-acs-retry-after` header of the last answer, in milliseconds, when sent. */
  readonly retryAfterMs: number | undefined;
  /** How many attempts were made, this one included (1 when nothing was retried). */
  readonly attempts: number;

  constructor(fields: LiveApiErrorFields) {
    super(fields.message);
    this.action = fields.action;
    this.code = fields.code;
    this.requestId = fields.requestId;
    this.hostId = fields.hostId;
    this.recommend = fields.recommend;
    this.statusCode = fields.statusCode;
    this.retryAfterMs = fields.retryAfterMs;
    this.attempts = fields.attempts;
  }

  /**
   * The account's request rate was exceeded (`Throttling`, `Throttling.User`, `Throttling.API`, …,
   * as the official core decides, or HTTP 429). The request was refused before it took effect.
   */
  get isThrottling(): boolean {
    return this.code.startsWith('Throttling') || this.statusCode === 429;
  }

  /** The service failed (HTTP 5xx); the request may or may not have taken effect. */
  get isServerError(): boolean {
    return this.statusCode >= 500;
  }
}
