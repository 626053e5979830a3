import type { OperationName } from '../../../generated/operations.js';
import { LiveNetworkError } from '../errors/live-network-error.js';
import { LiveTimeoutError } from '../errors/live-timeout-error.js';
import { safeError } from '../redaction/safe-error.js';
import { answerError } from '../transport/answer-error.js';
import { errorCode } from '../transport/connection-error.js';
import type { SendOutcome } from '../transport/send-outcome.js';

/** A failed attempt: the error to throw if it is the last, whether a retry is safe, and what to log. */
export interface Failure {
  readonly error: Error;
  readonly retryable: boolean;
  readonly statusCode: number | undefined;
  readonly requestId: string | undefined;
  /** The API Code, Node's error code, or `Timeout`. */
  readonly errorCode: string;
  /** The service's `x-acs-retry-after`, milliseconds. */
  readonly retryAfterMs: number | undefined;
}

/**
 * What went wrong and whether another attempt is safe; `secrets` (the credentials) are masked in
 * every message the error carries. A POST (CreateLivePullToPush) is retried
 * only when it provably did not take effect: throttled, or never sent.
 */
export function classifyFailure(
  action: OperationName,
  method: 'GET' | 'POST',
  outcome: SendOutcome,
  attempts: number,
  timeoutMs: number,
  secrets: readonly (string | undefined)[] = [],
): Failure {
  const idempotent = method !== 'POST';
  switch (outcome.kind) {
    case 'answer': {
      const error = answerError(action, outcome, attempts, undefined, secrets);
      return {
        error,
        retryable: error.isThrottling || (idempotent && error.isServerError),
        statusCode: outcome.status,
        requestId: error.requestId,
        errorCode: error.code,
        retryAfterMs: error.retryAfterMs,
      };
    }
    case 'timeout':
      return {
        error: new LiveTimeoutError({ action, timeoutMs, phase: 'request', attempts }),
        retryable: idempotent,
        statusCode: undefined,
        requestId: undefined,
        errorCode: 'Timeout',
        retryAfterMs: undefined,
      };
    case 'failed': {
      const error = new LiveNetworkError({
        action,
        attempts,
        code: errorCode(outcome.error),
        requestSent: outcome.requestSent,
        // Transports quote the request in their errors (node-fetch: the signed URL, with its
        // Signature and SecurityToken): only a scrubbed copy is kept.
        cause: safeError(outcome.error, secrets),
      });
      return {
        error,
        retryable: idempotent || !outcome.requestSent,
        statusCode: undefined,
        requestId: undefined,
        errorCode: error.code ?? 'NetworkError',
        retryAfterMs: undefined,
      };
    }
  }
}
