import { LiveError } from '../../errors/live-error.js';

/** The task clock cannot be moved: in relay mode it is the real clock, because real media plays on it. */
export class ClockLockedError extends LiveError {
  override readonly name = 'ClockLockedError';
  override readonly code = 'ClockLocked';
}
