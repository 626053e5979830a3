import { redactText } from './redact-text.js';

/** Fields of Node's and undici's errors that say what failed without holding request data. */
const SAFE_FIELDS = ['code', 'errno', 'syscall', 'address', 'port', 'type'] as const;

/** How deep a cause chain is copied; deeper causes are dropped. */
const MAX_DEPTH = 8;

/**
 * A copy of `error` fit to carry as a `cause`: its name, message, stack and cause chain with every
 * secret redacted ({@link redactText}), and only the fields that name the failure (`code`, `errno`,
 * `syscall`, `address`, `port`, `type`). Everything else is dropped, since transports and clients
 * keep the request on their errors (a signed URL, ioredis's command arguments with an AUTH password).
 */
export function safeError(error: unknown, secrets: readonly (string | undefined)[] = [], depth = 0): Error {
  if (!(error instanceof Error)) return new Error(redactText(String(error), secrets));
  const copy = new Error(redactText(error.message, secrets), {
    ...(error.cause !== undefined && depth < MAX_DEPTH ? { cause: safeError(error.cause, secrets, depth + 1) } : {}),
  });
  if (error.name !== 'Error')
    Object.defineProperty(copy, 'name', { value: error.name, configurable: true, writable: true });
  const fields = error as Error & Partial<Record<(typeof SAFE_FIELDS)[number], unknown>>;
  for (const field of SAFE_FIELDS) {
    const value = fields[field];
    if (typeof value === 'string' || typeof value === 'number') Object.assign(copy, { [field]: value });
  }
  copy.stack = redactText(error.stack ?? `${error.name}: ${error.message}`, secrets);
  return copy;
}
