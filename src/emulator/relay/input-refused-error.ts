import { ToolFailedError } from './tool-failed-error.js';

/**
 * An input the relay cannot push: a probe failed (unreachable, not media), a file has no
 * duration, or a list's files differ so they cannot be joined into one publish.
 * The relay reports it as PullStreamFailed with this message (URLs already masked).
 */
export class InputRefusedError extends ToolFailedError {
  override readonly name: string = 'InputRefusedError';
}
