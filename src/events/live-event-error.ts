import { LiveError } from '../errors/live-error.js';

/**
 * What was wrong with a task event body:
 *
 * - `InvalidJson`: the body is not UTF-8 JSON text;
 * - `NotAnObject`: it is JSON, but not an object (`null`, an array, a string, …);
 * - `UnknownEvent`: its `Event` is missing, not a string, or not a name the spec's webhooks declare;
 * - `InvalidEvent`: a known event whose fields break its schema (see `issues`);
 * - `BodyTooLarge`: only from the request handlers, for a body over their `maxBodyBytes`.
 */
export type LiveEventProblem = 'InvalidJson' | 'NotAnObject' | 'UnknownEvent' | 'InvalidEvent' | 'BodyTooLarge';

/** One broken rule of a task event body. */
export interface LiveEventIssue {
  /** The field, as a path into the body: `TaskId`, `TaskInfo.StartTime`, `TaskInfo.SourceUrls[0]`. */
  readonly field: string;
  /** A full sentence naming the field and the rule, e.g. `TaskStatus must be one of 1, 2, 3`. */
  readonly message: string;
}

/**
 * Thrown by `parseLiveEvent` (and reported by the request handlers) when a body is not a task
 * event the spec describes. `problem` says which step failed; `issues` lists every broken field
 * rule (for `UnknownEvent`, the one about `Event`). The message never quotes field values, which
 * may hold signed URLs, except the unknown event name (cut to 100 characters).
 */
export class LiveEventError extends LiveError {
  override readonly name = 'LiveEventError';
  readonly problem: LiveEventProblem;
  readonly issues: readonly LiveEventIssue[];
  /** The body's `Event` when it is a string (for `UnknownEvent`, the unrecognised name). */
  readonly eventName: string | undefined;

  constructor(
    problem: LiveEventProblem,
    message: string,
    details: {
      readonly issues?: readonly LiveEventIssue[];
      readonly eventName?: string | undefined;
      readonly cause?: unknown;
    } = {},
  ) {
    super(message, details.cause === undefined ? undefined : { cause: details.cause });
    this.problem = problem;
    this.issues = details.issues ?? [];
    this.eventName = details.eventName;
  }
}
