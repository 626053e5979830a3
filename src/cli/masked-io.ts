import { redactText } from '../client/redaction/redact-text.js';
import type { CliIo, TextSink } from './io.js';

/** A {@link CliIo} whose stderr masks secrets; more can be added once they are known (read from a file). */
export interface MaskedIo extends CliIo {
  readonly secrets: Set<string>;
}

/**
 * `io` with every line written to stderr passed through `redactText` with `secrets` (and any added
 * later): the last guard that keeps a secret out of a message, whichever code wrote it. Stdout, the
 * response body, is left as the service sent it.
 */
export function maskedIo(io: CliIo, secrets: Iterable<string>): MaskedIo {
  const known = new Set(secrets);
  const stderr: TextSink = {
    write: (text: string) => io.stderr.write(redactText(text, known)),
    // Read when asked: for the process's stderr, asking builds the stream.
    get isTTY() {
      return io.stderr.isTTY;
    },
  };
  return { ...io, stderr, secrets: known };
}
