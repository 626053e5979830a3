import type { OperationName } from '../../../generated/operations.js';
import type { SignatureVersion } from '../../wire/signature-schemes.js';
import type { AttemptLogger } from '../attempt-event.js';
import type { ResolveCredentials } from '../credentials/credentials-option.js';
import { LiveTimeoutError } from '../errors/live-timeout-error.js';
import type { ResolvedRateLimit } from '../rate-limit/rate-limit-options.js';
import { acquireSlot, releaseSlot } from '../rate-limit/slot-queue.js';
import { backoffDelay } from '../retry/backoff-delay.js';
import { classifyFailure } from '../retry/classify-failure.js';
import type { ResolvedRetry } from '../retry/retry-options.js';
import { abortableDelay } from '../timing/abortable-delay.js';
import { parseBody } from './answer-error.js';
import type { Endpoint } from './endpoint.js';
import { type RelayAnswer, RelayResponse } from './relay-response.js';
import type { Send, SendOutcome } from './send-outcome.js';
import { signAttempt } from './sign-attempt.js';

/** A client's transport settings, every default applied. */
export interface TransportConfig {
  readonly endpoint: Endpoint;
  readonly signatureVersion: SignatureVersion;
  readonly credentials: ResolveCredentials;
  readonly retry: ResolvedRetry;
  readonly rateLimit: ResolvedRateLimit | undefined;
  /** Per-attempt limit, milliseconds. */
  readonly timeoutMs: number;
  readonly userAgent: string;
  readonly logger: AttemptLogger | undefined;
  readonly send: Send;
}

/** One call: the operation, its parameters and the caller's limits. */
export interface CallContext {
  readonly action: OperationName;
  /** The operation table's method for the action. */
  readonly method: 'GET' | 'POST';
  /** The operation's parameters in wire form: signed and sent as they are. */
  readonly params: Readonly<Record<string, string>>;
  readonly signal: AbortSignal | undefined;
  /** Overrides the client's per-attempt timeout, milliseconds. */
  readonly timeoutMs: number | undefined;
}

/**
 * What openapi-fetch's `fetch` runs, once per call: the attempt loop beneath it.
 * Each attempt takes a rate-limit slot, is signed anew (fresh date and nonce), sent, and
 * classified; failures are retried as `RetryOptions` describes. A 2xx answer resolves; anything
 * else throws the error of the last attempt ({@link LiveApiError}, {@link LiveNetworkError},
 * {@link LiveTimeoutError}) or the signal's reason when the caller aborts.
 */
export function createCallTransport(config: TransportConfig): (call: CallContext) => Promise<RelayAnswer> {
  return async (call) => {
    const { method } = call;
    const pending = config.credentials();
    const credentials = 'then' in pending ? await pending : pending;
    const timeoutMs = call.timeoutMs ?? config.timeoutMs;
    let previousDelayMs = 0;

    for (let attempt = 1; ; attempt++) {
      call.signal?.throwIfAborted();
      const startedAt = monotonicMs();
      const lease =
        config.rateLimit === undefined
          ? undefined
          : await acquireSlot(config.rateLimit, credentials.accessKeyId, Date.now() + timeoutMs, call.signal);
      if (config.rateLimit !== undefined && lease === undefined) {
        log(
          config,
          call,
          attempt,
          startedAt,
          { statusCode: undefined, requestId: undefined, errorCode: 'RateLimitTimeout' },
          undefined,
        );
        throw new LiveTimeoutError({ action: call.action, timeoutMs, phase: 'rate-limit', attempts: attempt });
      }
      let outcome: SendOutcome | undefined;
      try {
        outcome = await config.send(
          signAttempt({
            signatureVersion: config.signatureVersion,
            method,
            host: config.endpoint.host,
            action: call.action,
            params: call.params,
            credentials,
            userAgent: config.userAgent,
            retry: attempt === 1 ? undefined : { attempts: attempt - 1, delayMs: previousDelayMs },
          }),
          { timeoutMs: Math.max(1, timeoutMs - (monotonicMs() - startedAt)), signal: call.signal },
        );
      } finally {
        if (lease !== undefined) {
          if (outcome?.kind === 'timeout') {
            // The request may reach the service after we stopped waiting: the slot stays busy until
            // the exchange has really ended, and its window starts there.
            const rule = config.rateLimit!;
            void outcome.ended.then((endedAt) => releaseSlot(rule, lease, endedAt)).catch(() => undefined);
          } else {
            // The service counted this request no later than now: its window starts here.
            const released = releaseSlot(config.rateLimit!, lease, Date.now());
            // A store that fails to record a release only delays later calls; this answer still stands.
            if (released !== undefined) await released.catch(() => undefined);
          }
        }
      }

      if (outcome.kind === 'answer' && outcome.status >= 200 && outcome.status < 300) {
        const body = parseBody(outcome.body);
        if (typeof body === 'object' && body !== null) {
          const requestId = (body as { RequestId?: unknown }).RequestId;
          log(
            config,
            call,
            attempt,
            startedAt,
            {
              statusCode: outcome.status,
              requestId: typeof requestId === 'string' ? requestId : undefined,
              errorCode: undefined,
            },
            undefined,
          );
          return new RelayResponse(outcome.status, outcome.headers, outcome.body, body);
        }
      }

      const failure = classifyFailure(call.action, method, outcome, attempt, timeoutMs, [
        credentials.accessKeySecret,
        credentials.securityToken,
      ]);
      const retryDelayMs =
        failure.retryable && attempt < config.retry.maxAttempts
          ? backoffDelay(attempt, config.retry, failure.retryAfterMs)
          : undefined;
      log(config, call, attempt, startedAt, failure, retryDelayMs);
      if (retryDelayMs === undefined) throw failure.error;
      await abortableDelay(retryDelayMs, call.signal);
      previousDelayMs = retryDelayMs;
    }
  };
}

/** Milliseconds on a monotonic clock. Not `performance.now()`: its first use loads Node's perf_hooks, a millisecond of a CLI run. */
function monotonicMs(): number {
  return Number(process.hrtime.bigint()) / 1e6;
}

function log(
  config: TransportConfig,
  call: CallContext,
  attempt: number,
  startedAt: number,
  result: {
    readonly statusCode: number | undefined;
    readonly requestId: string | undefined;
    readonly errorCode: string | undefined;
  },
  retryDelayMs: number | undefined,
): void {
  config.logger?.({
    action: call.action,
    attempt,
    statusCode: result.statusCode,
    requestId: result.requestId,
    durationMs: monotonicMs() - startedAt,
    errorCode: result.errorCode,
    retryDelayMs,
  });
}
