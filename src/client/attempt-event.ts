import type { OperationName } from '../../generated/operations.js';

/**
 * What the `logger` option sees after each attempt. It never holds a secret: no AccessKeySecret,
 * security token, signature, Authorization header or signed URL.
 */
export interface AttemptEvent {
  readonly action: OperationName;
  /** 1 for the first attempt of a call. */
  readonly attempt: number;
  /** The HTTP status, or `undefined` when no answer arrived (connection failure, timeout). */
  readonly statusCode: number | undefined;
  /** The service's RequestId, when it answered with one. */
  readonly requestId: string | undefined;
  /** From asking for a rate-limit slot to the end of the answer, milliseconds. */
  readonly durationMs: number;
  /**
   * `undefined` on success; else the error Code (`Throttling.User`), Node's error code
   * (`ECONNREFUSED`), `Timeout`, or `RateLimitTimeout` (no slot in time; nothing sent).
   */
  readonly errorCode: string | undefined;
  /** The wait before the next attempt, milliseconds; `undefined` when none follows. */
  readonly retryDelayMs: number | undefined;
}

/**
 * Receives one {@link AttemptEvent} per attempt, synchronously, e.g.
 * `(event) => pino.debug(event, 'live-relay attempt')`. It must not throw: an exception fails the call.
 */
export type AttemptLogger = (event: AttemptEvent) => void;
