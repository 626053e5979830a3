import { LiveError } from '../../errors/live-error.js';

/** A probe (ffprobe) that failed: it could not open the input, or took too long. */
export class ToolFailedError extends LiveError {
  override readonly name: string = 'ToolFailedError';
  /** The tool's last error line, or what stopped it (may hold URLs: mask before logging). */
  readonly detail: string;

  constructor(detail: string) {
    super(detail);
    this.detail = detail;
  }
}
