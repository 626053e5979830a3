import { maskSecrets, maskUrl } from './mask-secrets.js';
import { ToolFailedError } from './tool-failed-error.js';

/**
 * An input the relay cannot push: a probe failed (unreachable, not media), a file has no
 * duration, or a list's files differ so they cannot be joined into one publish.
 * The relay reports it as PullStreamFailed with this message (URLs already masked).
 */
export class InputRefusedError extends ToolFailedError {
  override readonly name: string = 'InputRefusedError';
}

/** A failed probe of `input` as a refusal whose message names the input once (ffprobe often names it itself). */
export function probeRefusal(input: string, error: unknown): InputRefusedError {
  const detail = maskSecrets(error instanceof ToolFailedError ? error.detail : String(error));
  const name = maskUrl(input);
  return new InputRefusedError(detail.includes(name) ? detail : `${name}: ${detail}`);
}
