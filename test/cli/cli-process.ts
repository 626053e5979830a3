import { execFile } from 'node:child_process';
import { fileURLToPath } from 'node:url';

/** The repository root, where `node --import tsx src/cli/main.ts` resolves. */
export const ROOT = fileURLToPath(new URL('../../', import.meta.url));

/** What one CLI run printed and how it exited. */
export interface CliResult {
  readonly code: number;
  readonly stdout: string;
  readonly stderr: string;
}

/**
 * Runs the CLI from source as a child process (no build needed). The child sees only the
 * variables in `env` plus PATH and HOME, so the developer's own credentials never leak in. `input`
 * is written to its stdin, which is then closed.
 */
export function runCli(
  args: readonly string[],
  env: Readonly<Record<string, string>> = {},
  input?: string,
): Promise<CliResult> {
  return new Promise((resolve, reject) => {
    const child = execFile(
      process.execPath,
      ['--import', 'tsx', 'src/cli/main.ts', ...args],
      {
        cwd: ROOT,
        env: { PATH: process.env['PATH'] ?? '', HOME: process.env['HOME'] ?? '/nonexistent', NO_COLOR: '1', ...env },
        timeout: 30_000,
      },
      (error, stdout, stderr) => {
        if (error !== null && typeof error.code !== 'number') {
          reject(error);
          return;
        }
        resolve({ code: error === null ? 0 : (error.code as number), stdout, stderr });
      },
    );
    child.stdin?.end(input);
  });
}
