/**
 * The `x-acs-retry-after` header as milliseconds (the unit the official core reads it in), or
 * `undefined` when absent or not a non-negative integer.
 */
export function parseRetryAfter(header: string | readonly string[] | undefined): number | undefined {
  const value = typeof header === 'string' ? header.trim() : undefined;
  if (value === undefined || !/^\d{1,9}$/.test(value)) return undefined;
  return Number(value);
}
