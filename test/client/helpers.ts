import type { AttemptEvent } from '../../src/index.js';

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
