import { LiveOptionError } from '../../errors/live-option-error.js';
import { TASK_STATES, type TaskStateName } from '../../rules/index.js';
import { LiveWaitError } from '../errors/live-wait-error.js';
import type { CallOptions, LiveRequest, LiveResponse } from '../operation-types.js';
import { abortableDelay } from '../timing/abortable-delay.js';

/** One Describe answer. */
export type DescribedTask = LiveResponse<'DescribeLivePullToPush'>;

/** A task state by its callback name (`'Running'`) or in lower case (`'running'`), or a test of the task. */
export type WaitCondition = TaskStateName | Lowercase<TaskStateName> | ((task: DescribedTask) => boolean);

export interface WaitOptions {
  /** The state to wait for, or a test each Describe answer is given. */
  readonly until: WaitCondition;
  /** Give up after this long, in milliseconds. @default 300000 (5 min) */
  readonly timeoutMs?: number;
  /** Aborts the wait (and a Describe in flight); it rejects with `signal.reason`. */
  readonly signal?: AbortSignal;
  /** First pause between polls, in milliseconds. @default 1000 */
  readonly minDelayMs?: number;
  /** Longest pause between polls, in milliseconds. @default 20000 */
  readonly maxDelayMs?: number;
}

/** What the waiter needs of a client: `createLiveClient()` fits. */
export interface DescribingClient {
  describeLivePullToPush(
    params: LiveRequest<'DescribeLivePullToPush'>,
    options?: CallOptions,
  ): Promise<LiveResponse<'DescribeLivePullToPush'>>;
}

export const DEFAULT_WAIT_TIMEOUT_MS = 300_000;
export const DEFAULT_WAIT_MIN_DELAY_MS = 1000;
export const DEFAULT_WAIT_MAX_DELAY_MS = 20_000;

/**
 * Polls DescribeLivePullToPush until the task is in the wanted state (or passes the test), in
 * the style of AWS SDK v3's `waitUntil…`: resolves with that Describe answer. Polls are ordinary
 * client calls, so they share the client's rate limit (10 calls per second per account), its
 * retries and timeouts. Between polls it waits with exponential backoff and jitter from
 * `minDelayMs` to `maxDelayMs`, and it polls once more at the deadline.
 *
 * @throws LiveWaitError `timeout` after `timeoutMs`; `unreachable` when the task exits while
 *   another state is awaited. Both carry the last Describe answer.
 * @throws LiveApiError and the client's other errors as a Describe call throws them (an unknown
 *   or purged task is `CodeTaskNotExist`)
 * @throws LiveOptionError for an `until`, `timeoutMs` or delay that cannot be used
 */
export async function waitForLivePullToPush(
  client: DescribingClient,
  task: LiveRequest<'DescribeLivePullToPush'>,
  options: WaitOptions,
): Promise<DescribedTask> {
  const { test, awaited, status } = condition(options.until);
  const timeoutMs = positive('timeoutMs', options.timeoutMs ?? DEFAULT_WAIT_TIMEOUT_MS);
  const minDelayMs = positive('minDelayMs', options.minDelayMs ?? DEFAULT_WAIT_MIN_DELAY_MS);
  const maxDelayMs = Math.max(positive('maxDelayMs', options.maxDelayMs ?? DEFAULT_WAIT_MAX_DELAY_MS), minDelayMs);
  const started = Date.now();
  const deadline = started + timeoutMs;
  const callOptions: CallOptions = options.signal === undefined ? {} : { signal: options.signal };
  let lastTask: DescribedTask | undefined;
  for (let polls = 1; ; polls++) {
    lastTask = await client.describeLivePullToPush(task, callOptions);
    if (test(lastTask)) return lastTask;
    const fail = (failure: 'timeout' | 'unreachable'): LiveWaitError =>
      new LiveWaitError({ failure, taskId: task.TaskId, awaited, lastTask, polls, elapsedMs: Date.now() - started });
    if (status !== undefined && status !== TASK_STATES.Exit && lastTask.TaskStatus === TASK_STATES.Exit) {
      throw fail('unreachable');
    }
    const left = deadline - Date.now();
    if (left <= 0) throw fail('timeout');
    // Full jitter above the floor: polls from many waiters spread out instead of arriving together.
    const ceiling = Math.min(maxDelayMs, minDelayMs * 2 ** (polls - 1));
    const pause = minDelayMs + Math.floor(Math.random() * (ceiling - minDelayMs + 1));
    await abortableDelay(Math.min(pause, left), options.signal);
  }
}

const NAMES = Object.keys(TASK_STATES) as TaskStateName[];

function condition(until: WaitCondition): { test: (task: DescribedTask) => boolean; awaited: string; status?: number } {
  if (typeof until === 'function') return { test: until, awaited: 'the awaited condition' };
  const name = NAMES.find((n) => n.toLowerCase() === String(until).toLowerCase());
  if (name === undefined) {
    throw new LiveOptionError(
      'until',
      `until must be a task state (${NAMES.join(', ')}, in any case) or a function, got ${JSON.stringify(until)}`,
    );
  }
  const status = TASK_STATES[name];
  return { test: (task) => task.TaskStatus === status, awaited: `TaskStatus ${status} (${name})`, status };
}

function positive(option: string, value: number): number {
  if (!(Number.isFinite(value) && value > 0)) {
    throw new LiveOptionError(option, `${option} must be a positive number of milliseconds, got ${String(value)}`);
  }
  return value;
}
