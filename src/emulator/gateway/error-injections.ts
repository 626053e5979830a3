import { errorCodes, type OperationName } from '../../../generated/operations.js';
import { type Refusal, refuse } from './refusal.js';

/** One injected error: the next `remaining` signed calls of `action` (any when absent) answer `code`. */
export interface ErrorInjection {
  readonly code: string;
  readonly action: OperationName | undefined;
  remaining: number;
}

/**
 * Errors a test asked for (`POST /_emulator/errors`), so code that calls the service can be tried
 * against every error the spec lists, `CodeInvalidAliUid` and `InternalError` included. A signed
 * call that passed authentication, the replay guard and the throttle takes the oldest matching
 * injection instead of reaching the task service; it then answers like a real refusal (the
 * spec's status and message, a RequestId, the arrival log records the code).
 */
export class ErrorInjections {
  readonly #pending: ErrorInjection[] = [];

  /**
   * Adds an injection; the caller has checked that `code` is a key of `errorCodes`.
   * @param times how many matching calls answer `code` (>= 1)
   */
  add(code: string, action: OperationName | undefined, times: number): void {
    this.#pending.push({ code, action, remaining: times });
  }

  /** The refusal for a call of `action`, if an injection matches it (one use of it is spent). */
  take(action: OperationName): Refusal | undefined {
    const index = this.#pending.findIndex((injection) => injection.action === undefined || injection.action === action);
    if (index === -1) return undefined;
    const injection = this.#pending[index]!;
    injection.remaining -= 1;
    if (injection.remaining === 0) this.#pending.splice(index, 1);
    const spec = errorCodes[injection.code];
    // The spec's `%s` templates get the code's own description, as the real service fills them.
    return refuse(injection.code, spec?.message.includes('%s') ? spec.description : undefined);
  }

  /** What is still pending, oldest first. */
  list(): { Code: string; Action?: OperationName; Times: number }[] {
    return this.#pending.map(({ code, action, remaining }) => ({
      Code: code,
      ...(action === undefined ? {} : { Action: action }),
      Times: remaining,
    }));
  }

  /** Drops every pending injection; returns how many there were. */
  clear(): number {
    const count = this.#pending.length;
    this.#pending.length = 0;
    return count;
  }
}
