/** The walkthrough's output: one line per step, `✓ step → outcome`, details indented under it. */
export interface StepLog {
  /** Runs one step; prints `✓ title → outcome` with the outcome `run` returns, or `✗ title → error` and rethrows. */
  step<T>(title: string, run: () => Promise<T>, outcome: (result: T) => string): Promise<T>;
  /**
   * Runs a step that the service must refuse with `code`; prints `✓ title → refused: CODE
   * (expected)`. Any other outcome, success included, prints `✗` and throws.
   */
  refusal(title: string, code: string, run: () => Promise<unknown>): Promise<void>;
  /** A detail under the last step: `    ↳ text`. */
  detail(text: string): void;
}

/** Something with a string `code`, as the client's API errors have. */
interface Coded {
  readonly code: string;
}

/** A step log writing to `write` (for example `process.stdout.write`). */
export function createStepLog(write: (text: string) => void): StepLog {
  const fail = (title: string, reason: string): void => write(`✗ ${title} → ${reason}\n`);
  return {
    async step(title, run, outcome) {
      let result: Awaited<ReturnType<typeof run>>;
      try {
        result = await run();
      } catch (error) {
        fail(title, describe(error));
        throw error;
      }
      write(`✓ ${title} → ${outcome(result)}\n`);
      return result;
    },
    async refusal(title, code, run) {
      try {
        await run();
      } catch (error) {
        if (isCoded(error) && error.code === code) {
          write(`✓ ${title} → refused: ${code} (expected)\n`);
          return;
        }
        fail(title, `${describe(error)} (expected ${code})`);
        throw error;
      }
      fail(title, `accepted, but ${code} was expected`);
      throw new Error(`${title}: expected the service to refuse with ${code}`);
    },
    detail(text) {
      write(`    ↳ ${text}\n`);
    },
  };
}

function isCoded(error: unknown): error is Coded {
  return typeof error === 'object' && error !== null && typeof (error as { code?: unknown }).code === 'string';
}

function describe(error: unknown): string {
  if (isCoded(error) && error instanceof Error) return `${error.code}: ${error.message}`;
  return error instanceof Error ? error.message : String(error);
}
