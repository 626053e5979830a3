import { type AttemptEvent, createLiveClient, type LiveClient } from '../../src/index.js';
import { DESCRIBE_PARAMS, uniqueCredentials } from './fixtures.js';

/** A logger that records every attempt event, and the retry delays it reported. */
export function recordAttempts() {
  const events: AttemptEvent[] = [];
  return {
    events,
    get delays(): number[] {
      return events.flatMap((e) => (e.retryDelayMs === undefined ? [] : [e.retryDelayMs]));
    },
    logger: (event: AttemptEvent) => {
      events.push(event);
    },
  };
}

/**
 * A client of fresh credentials allowed one call a minute, its one call already made: the next
 * call waits about 60 s for a slot, or gives up when `timeoutMs` ends sooner.
 */
export async function clientOutOfBudget(endpoint: string, timeoutMs: number): Promise<LiveClient> {
  const client = createLiveClient({
    endpoint,
    credentials: uniqueCredentials(),
    rateLimit: { limit: 1, windowMs: 60_000 },
    timeoutMs,
  });
  await client.describeLivePullToPush(DESCRIBE_PARAMS);
  return client;
}
