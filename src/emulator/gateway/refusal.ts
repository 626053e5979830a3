import type { ExtraHeaders } from '../http/send-json.js';

/**
 * A request the emulator answers with an error. The HTTP status and the message template come
 * from the spec's error table (`errorCodes`); the refusal only says which code and why.
 */
export interface Refusal {
  readonly refused: true;
  /** A key of the generated `errorCodes`. */
  readonly code: string;
  /** Fills the `%s` of the code's message, e.g. a parameter name for `MissingParameter`. */
  readonly fill?: string | undefined;
  /** A sentence appended to the message: what exactly was wrong and how to fix it. */
  readonly detail?: string | undefined;
  /** Extra response headers, e.g. `x-acs-retry-after`. */
  readonly headers?: ExtraHeaders | undefined;
  /**
   * An emulator-only answer (control routes): this status and `detail` as the message, for a
   * code the vendor spec does not have.
   */
  readonly status?: number | undefined;
}

/** Builds a {@link Refusal}. */
export function refuse(code: string, fill?: string, detail?: string, headers?: ExtraHeaders): Refusal {
  return { refused: true, code, fill, detail, headers };
}

/** An emulator-only refusal of a control route: its own code, status and message. */
export function refuseControl(code: string, status: number, message: string): Refusal {
  return { refused: true, code, detail: message, status };
}

/** Whether a step returned a refusal rather than its result. */
export function isRefusal(value: unknown): value is Refusal {
  return typeof value === 'object' && value !== null && (value as { refused?: unknown }).refused === true;
}

/**
 * `InvalidParameter` in the service's wording, `Specified parameter <name> is not valid`, followed
 * by the rule that was broken.
 */
export function invalidParameter(name: string, rule: string): Refusal {
  return refuse('InvalidParameter', `Specified parameter ${name} is not valid: ${rule}`);
}

/** `InternalError` for an exception the emulator did not expect (the spec's message is only `%s.`). */
export function internalError(): Refusal {
  return refuse('InternalError', undefined, 'The request processing has failed due to some unknown error');
}
