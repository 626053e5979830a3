/** The task clock cannot be moved: in relay mode it is the real clock, because real media plays on it. */
export class ClockLockedError extends Error {
  override readonly name = 'ClockLockedError';
}
