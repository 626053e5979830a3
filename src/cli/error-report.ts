import { LiveApiError } from '../client/errors/live-api-error.js';
import { LiveCredentialsError } from '../client/errors/live-credentials-error.js';
import { LiveNetworkError } from '../client/errors/live-network-error.js';
import { LivePaginationError } from '../client/errors/live-pagination-error.js';
import { LiveTimeoutError } from '../client/errors/live-timeout-error.js';
import { LiveWaitError } from '../client/errors/live-wait-error.js';
import { RateLimitUnavailableError } from '../client/rate-limit/redis/rate-limit-unavailable-error.js';
import { ExitCode } from './exit-code.js';
import { terminalSafe } from './terminal-safe.js';
import { UsageError } from './usage-error.js';

/** What to print on stderr for a failed run, and the exit status. */
export interface ErrorReport {
  readonly text: string;
  readonly exitCode: ExitCode;
}

const PREFIX = 'live-relay: ';

/**
 * Describes any failure of a run in a few lines a user can act on: the service's Code, Message,
 * RequestId and HTTP status for an API error; the cause for a network error or timeout; one
 * line per problem for a usage error. Never a stack trace, never a request, header or secret.
 */
export function reportError(error: unknown): ErrorReport {
  if (error instanceof UsageError) {
    const lines =
      error.headline === undefined
        ? error.problems.map((problem) => PREFIX + problem)
        : [PREFIX + error.headline, ...error.problems.map((problem) => `  ${problem}`)];
    if (error.hint !== undefined) lines.push(error.hint);
    return { text: `${lines.join('\n')}\n`, exitCode: ExitCode.Usage };
  }
  if (error instanceof LiveApiError) {
    // Code, Message, RequestId and Recommend are the answer's own text: escaped, as in tables.
    const lines = [
      `${PREFIX}${error.action} failed: ${terminalSafe(error.code)} (HTTP ${error.statusCode})`,
      `  Message:   ${terminalSafe(error.message)}`,
      `  RequestId: ${terminalSafe(error.requestId ?? '(none returned)')}`,
    ];
    if (error.recommend !== undefined) lines.push(`  Recommend: ${terminalSafe(error.recommend)}`);
    if (error.attempts > 1) lines.push(`  Attempts:  ${error.attempts}`);
    return { text: `${lines.join('\n')}\n`, exitCode: ExitCode.ApiError };
  }
  if (error instanceof LiveNetworkError) {
    const sent = error.requestSent ? 'the request may have reached the service' : 'nothing was sent';
    return { text: `${PREFIX}${error.message} (${sent}; ${attempts(error.attempts)})\n`, exitCode: ExitCode.ApiError };
  }
  if (error instanceof RateLimitUnavailableError) {
    return { text: `${PREFIX}${error.message} (nothing was sent)\n`, exitCode: ExitCode.ApiError };
  }
  if (error instanceof LivePaginationError) {
    return { text: `${PREFIX}${error.message}\n`, exitCode: ExitCode.ApiError };
  }
  if (error instanceof LiveWaitError) {
    const last = error.lastTask;
    const lines = [`${PREFIX}${error.message}`];
    if (last !== undefined) {
      lines.push(
        `  Last seen: TaskStatus ${last.TaskStatus}${last.TaskInvalidReason === undefined ? '' : ` (${last.TaskInvalidReason})`}, CurrentFileIndex ${last.CurrentFileIndex ?? '?'}, CurrentOffset ${last.CurrentOffset ?? '?'}`,
      );
    }
    return { text: `${lines.join('\n')}\n`, exitCode: ExitCode.ApiError };
  }
  if (error instanceof LiveTimeoutError) {
    return { text: `${PREFIX}${error.message} (${attempts(error.attempts)})\n`, exitCode: ExitCode.ApiError };
  }
  if (error instanceof LiveCredentialsError) {
    const lines = [
      `${PREFIX}no credentials found. Give --access-key-id and --access-key-secret, --profile NAME, or set`,
      '  ALIBABA_CLOUD_ACCESS_KEY_ID and ALIBABA_CLOUD_ACCESS_KEY_SECRET. Sources tried:',
      ...error.tried.map((source) => `  - ${source}`),
    ];
    return { text: `${lines.join('\n')}\n`, exitCode: ExitCode.Usage };
  }
  // A bug, not a user error: say so plainly, still without a stack trace.
  const description = error instanceof Error ? `${error.name}: ${error.message}` : String(error);
  return { text: `${PREFIX}unexpected error: ${description}\n`, exitCode: ExitCode.ApiError };
}

function attempts(count: number): string {
  return count === 1 ? '1 attempt' : `${count} attempts`;
}
