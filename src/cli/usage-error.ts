import { LiveError } from '../errors/live-error.js';

/**
 * A command line the CLI cannot run: unknown command or option, a value that does not parse, or
 * a request that fails validation. Thrown before anything is sent; exits with status 2.
 */
export class UsageError extends LiveError {
  override readonly name = 'UsageError';

  /**
   * @param problems one line per violation, each naming the flag it is about
   * @param hint what to run for more help, printed last
   * @param headline a summary line printed first (the problems are then indented under it)
   */
  constructor(
    readonly problems: readonly string[],
    readonly hint?: string,
    readonly headline?: string,
  ) {
    super([headline, ...problems].filter((line) => line !== undefined).join('\n'));
  }
}
