import { failure, type VerifyFailure, type VerifyOptions } from './verify-result.js';

/** Default of `VerifyOptions.maxSkewMs`: 15 minutes, in milliseconds (the gateway's documented window). */
export const DEFAULT_MAX_SKEW_MS = 15 * 60 * 1000;

/**
 * Checks that the signing time is within the allowed skew of `now`, in either direction (a
 * future-dated request is as suspect as a stale one). `undefined` when it is fine.
 */
export function checkSigningWindow(signedAt: Date, options: VerifyOptions, field: string): VerifyFailure | undefined {
  const skew = signedAt.getTime() - options.now.getTime();
  const max = options.maxSkewMs ?? DEFAULT_MAX_SKEW_MS;
  if (Math.abs(skew) <= max) return undefined;
  const direction = skew > 0 ? 'ahead of' : 'behind';
  return failure(
    'InvalidTimeStamp.Expired',
    `${field} is ${Math.round(Math.abs(skew) / 1000)} s ${direction} server time; at most ${max / 1000} s is allowed`,
  );
}
