/**
 * The CLI's exit statuses. Scripts branch on them, so they never change meaning:
 * a usage or local validation error (2) means nothing was sent.
 */
export const ExitCode = {
  /** The call succeeded (or help was printed). */
  Success: 0,
  /** The service answered with an error, or it could not be reached (network, timeout). */
  ApiError: 1,
  /** Bad command line or a request that fails validation; nothing was sent. */
  Usage: 2,
} as const;

export type ExitCode = (typeof ExitCode)[keyof typeof ExitCode];
