import { LiveError } from '../../../errors/live-error.js';

/**
 * Thrown by a call, before anything is sent, when the rate limit is shared through Redis with
 * `onRedisDown: 'fail-closed'` and Redis cannot be reached (refused, closed, or no answer within
 * `commandTimeoutMs`). Not retried: the call fails as soon as Redis has failed. Retry it later, or
 * choose `onRedisDown: 'fallback'` to keep calling at a conservative local rate during outages.
 */
export class RateLimitUnavailableError extends LiveError {
  override readonly name = 'RateLimitUnavailableError';
  override readonly code = 'RateLimitUnavailable';
  /** The Redis URL, its password replaced by `***`. */
  readonly redisUrl: string;

  constructor(redisUrl: string, cause: unknown) {
    const reason = cause instanceof Error ? cause.message : String(cause);
    super(
      `the shared rate limit at ${redisUrl} is unavailable (${reason}); with onRedisDown 'fail-closed' the call was not sent`,
      { cause },
    );
    this.redisUrl = redisUrl;
  }
}
