import { signalGroup, spawnChild } from './spawn-child.js';
import { ToolFailedError } from './tool-failed-error.js';

export interface RunToolOptions {
  /** Kill the tool (SIGKILL) and reject after this many ms. */
  readonly timeoutMs: number;
  /** Kill the tool and reject when aborted (a task stopped while its inputs were being probed). */
  readonly signal?: AbortSignal;
}

/**
 * Runs a short-lived tool (ffprobe) to completion and resolves with its stdout; rejects with
 * {@link ToolFailedError} carrying its last stderr line on a non-zero exit, a timeout or an
 * abort. The process is always reaped before the promise settles.
 */
export function runTool(binary: string, args: readonly string[], options: RunToolOptions): Promise<{ stdout: string }> {
  return new Promise((resolve, reject) => {
    if (options.signal?.aborted) {
      reject(new ToolFailedError('stopped'));
      return;
    }
    const child = spawnChild(binary, args, { stdin: false });
    let stdout = '';
    let stderr = '';
    let stoppedBy: string | undefined;
    child.stdout?.setEncoding('utf8').on('data', (chunk: string) => (stdout += chunk));
    child.stderr?.setEncoding('utf8').on('data', (chunk: string) => {
      // Only the tail matters; a broken input can print a line per packet.
      stderr = (stderr + chunk).slice(-8192);
    });
    const stop = (why: string): void => {
      stoppedBy ??= why;
      signalGroup(child, 'SIGKILL');
    };
    const timer = setTimeout(() => stop(`no answer within ${options.timeoutMs / 1000} s`), options.timeoutMs);
    const onAbort = (): void => stop('stopped');
    options.signal?.addEventListener('abort', onAbort, { once: true });
    child.once('error', (error) => {
      stoppedBy ??= error.message;
    });
    child.once('close', (code) => {
      clearTimeout(timer);
      options.signal?.removeEventListener('abort', onAbort);
      if (stoppedBy === undefined && code === 0) {
        resolve({ stdout });
        return;
      }
      const lastLine = stderr.trim().split('\n').at(-1)?.trim();
      reject(new ToolFailedError(stoppedBy ?? (lastLine || `exited with status ${String(code)}`)));
    });
  });
}
