/**
 * The base of every error live-relay throws for a caller to act on: an API refusal, a failed
 * connection, bad parameters or options, a missing optional dependency, a malformed task event.
 * `catch (error) { if (error instanceof LiveError) … }` tells them from bugs and from other
 * libraries' errors; the subclass (one per file) says what happened and carries the details.
 *
 * `code` is a stable, machine-readable name where the failure has one (the service's error code,
 * Node's socket error code, `InvalidOption`, …). Messages never carry a secret.
 */
export abstract class LiveError extends Error {
  abstract override readonly name: string;
  /** A stable name for the failure, when it has one. */
  declare readonly code?: string | undefined;
}
