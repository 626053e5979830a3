import { LiveError } from '../../../errors/live-error.js';

/** ioredis cannot be loaded: a setup problem, never mistaken for a Redis outage. */
export class MissingIoredisError extends LiveError {
  override readonly name = 'MissingIoredisError';
}
