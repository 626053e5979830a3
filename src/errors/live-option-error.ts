import { LiveError } from './live-error.js';

/**
 * Thrown when a factory (`createLiveClient`, `createRedisRateLimitStore`, `startEmulator`, the
 * event receivers) is given an option it cannot use. Thrown at once, before anything starts or
 * is sent; the message names the option, the rule and the value given (never a secret).
 */
export class LiveOptionError extends LiveError {
  override readonly name = 'LiveOptionError';
  override readonly code = 'InvalidOption';
  /** The option, as a path from the factory's options object: `retry.maxAttempts`, `endpoint`. */
  readonly option: string;

  constructor(option: string, message: string) {
    super(message);
    this.option = option;
  }
}
