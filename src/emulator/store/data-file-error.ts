import { LiveError } from '../../errors/live-error.js';

/**
 * The emulator's `--data` file cannot be used: thrown while the store opens, before the emulator
 * serves anything, so a bad file stops the start instead of answering 500 later. The message is
 * one line naming the file and what is wrong with it.
 */
export class DataFileError extends LiveError {
  override readonly name = 'DataFileError';
  /** The path as given. */
  readonly file: string;

  constructor(file: string, problem: string, options?: { cause?: unknown }) {
    super(`data file ${JSON.stringify(file)}: ${problem}`, options);
    this.file = file;
  }
}
