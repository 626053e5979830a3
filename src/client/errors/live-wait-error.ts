import { LiveError } from '../../errors/live-error.js';
import type { LiveResponse } from '../operation-types.js';

/** Why a wait ended without the state wanted. */
export type WaitFailure = 'timeout' | 'unreachable';

/**
 * Thrown by `waitForLivePullToPush` when the task did not reach the wanted state: `timeout` when
 * `timeoutMs` passed, `unreachable` when the task exited (TaskStatus -1) while another state was
 * awaited, which it can never reach again. `lastTask` is the last Describe answer seen (undefined
 * if no poll answered before the time ran out).
 */
export class LiveWaitError extends LiveError {
  override readonly name = 'LiveWaitError';
  override readonly code: 'WaitTimeout' | 'WaitUnreachable';
  readonly failure: WaitFailure;
  readonly taskId: string;
  /** What was awaited, in words (`TaskStatus 1 (Running)`, `a custom condition`). */
  readonly awaited: string;
  readonly lastTask: LiveResponse<'DescribeLivePullToPush'> | undefined;
  /** Describe calls made. */
  readonly polls: number;
  /** Milliseconds from the start of the wait to this error. */
  readonly elapsedMs: number;

  constructor(fields: {
    failure: WaitFailure;
    taskId: string;
    awaited: string;
    lastTask: LiveResponse<'DescribeLivePullToPush'> | undefined;
    polls: number;
    elapsedMs: number;
  }) {
    const last = fields.lastTask === undefined ? 'no answer yet' : `last TaskStatus ${fields.lastTask.TaskStatus}`;
    super(
      fields.failure === 'timeout'
        ? `task ${fields.taskId} did not reach ${fields.awaited} within ${fields.elapsedMs} ms (${last}, ${fields.polls} polls)`
        : `task ${fields.taskId} exited (TaskStatus -1) and can no longer reach ${fields.awaited}`,
    );
    this.code = fields.failure === 'timeout' ? 'WaitTimeout' : 'WaitUnreachable';
    this.failure = fields.failure;
    this.taskId = fields.taskId;
    this.awaited = fields.awaited;
    this.lastTask = fields.lastTask;
    this.polls = fields.polls;
    this.elapsedMs = fields.elapsedMs;
  }
}
