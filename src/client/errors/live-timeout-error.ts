import type { OperationName } from '../../../generated/operations.js';
import { LiveError } from '../../errors/live-error.js';

/** Where an attempt ran out of time; see {@link LiveTimeoutError}. */
export type TimeoutPhase = 'rate-limit' | 'request';

/**
 * Thrown when an attempt does not finish within `timeoutMs` (client option or per call; default
 * 10 000 ms), counted from the moment it asks the rate limiter for a slot to the last byte of
 * the answer.
 *
 * `phase` says where the time went: `rate-limit` (the next free slot was farther away than the
 * time left; nothing was sent) or `request` (sending, or waiting for the answer). A `request`
 * timeout is retried like a connection error, except for CreateLivePullToPush, which may have
 * taken effect and is never retried after a timeout.
 */
export class LiveTimeoutError extends LiveError {
  override readonly name = 'LiveTimeoutError';
  /** The operation that was called. */
  readonly action: OperationName;
  /** The per-attempt limit that was exceeded, in milliseconds. */
  readonly timeoutMs: number;
  /** `rate-limit`: no slot in time, nothing sent. `request`: sent (or sending), no answer in time. */
  readonly phase: TimeoutPhase;
  /** How many attempts were made, this one included. */
  readonly attempts: number;

  constructor(fields: { action: OperationName; timeoutMs: number; phase: TimeoutPhase; attempts: number }) {
    super(
      fields.phase === 'rate-limit'
        ? `${fields.action}: no rate-limit slot frees up within the ${fields.timeoutMs} ms timeout; nothing was sent`
        : `${fields.action}: no answer within the ${fields.timeoutMs} ms timeout`,
    );
    this.action = fields.action;
    this.timeoutMs = fields.timeoutMs;
    this.phase = fields.phase;
    this.attempts = fields.attempts;
  }
}
