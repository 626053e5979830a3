import type { OperationName } from '../../../generated/operations.js';
import { LiveError } from '../../errors/live-error.js';
import { redactText } from '../redaction/redact-text.js';

/** What the client knows about a failed connection; see {@link LiveNetworkError}. */
export interface LiveNetworkErrorFields {
  readonly action: OperationName;
  readonly attempts: number;
  /** Node's error code, e.g. `ECONNREFUSED`, `ECONNRESET`, `ENOTFOUND`. */
  readonly code: string | undefined;
  /** False only when the request provably never left this process (refused connection, DNS failure). */
  readonly requestSent: boolean;
  readonly cause: unknown;
}

/**
 * Thrown when no HTTP answer arrived because the connection failed: refused, reset, DNS lookup
 * failed, closed mid-answer, or a custom `fetch` threw. Thrown after the retries the retry policy
 * allows; a CreateLivePullToPush is retried only when `requestSent` is false.
 *
 * It carries Node's error `code`, the underlying error as `cause` (a copy without request data or secrets), the number of `attempts`, and
 * `requestSent`: whether the request may have reached the service (and so may have taken effect).
 */
export class LiveNetworkError extends LiveError {
  override readonly name = 'LiveNetworkError';
  /** The operation that was called. */
  readonly action: OperationName;
  /** Node's error code (`ECONNREFUSED`, `ECONNRESET`, `ENOTFOUND`, `EAI_AGAIN`, …), when it has one. */
  override readonly code: string | undefined;
  /**
   * False when the request provably never reached the service (connection refused, DNS failure);
   * true when it may have, e.g. a reset after the request was written.
   */
  readonly requestSent: boolean;
  /** How many attempts were made, this one included. */
  readonly attempts: number;

  constructor(fields: LiveNetworkErrorFields) {
    // The transport passes a cause already scrubbed of known secrets (`safeError`); the patterns are
    // masked again here for a cause built elsewhere.
    const reason = redactText(fields.cause instanceof Error ? fields.cause.message : String(fields.cause));
    super(`${fields.action}: the connection failed: ${reason}`, { cause: fields.cause });
    this.action = fields.action;
    this.code = fields.code;
    this.requestSent = fields.requestSent;
    this.attempts = fields.attempts;
  }
}
