/**
 * Errors raised before a connection existed, as Node (and undici, in `cause.code`) report them:
 * refused, DNS failure, unreachable. A request that failed with one of these never left the process.
 */
const BEFORE_CONNECTING: ReadonlySet<string> = new Set([
  'ECONNREFUSED',
  'ENOTFOUND',
  'EAI_AGAIN',
  'EHOSTUNREACH',
  'ENETUNREACH',
]);

/** Node's error code of `error` or of its `cause`, if any. */
export function errorCode(error: unknown): string | undefined {
  const { code, cause } = (error ?? {}) as { code?: unknown; cause?: { code?: unknown } };
  if (typeof code === 'string') return code;
  return typeof cause?.code === 'string' ? cause.code : undefined;
}

/** True unless `error` provably happened before any connection was made. */
export function mayHaveBeenSent(error: unknown): boolean {
  return !BEFORE_CONNECTING.has(errorCode(error) ?? '');
}
