import { execFile } from 'node:child_process';
import { join } from 'node:path';
import { REPO_ROOT } from './repo-root.js';

/** The project's own Redocly CLI: never an `npx` download. */
const REDOCLY = join(REPO_ROOT, 'node_modules', '.bin', 'redocly');

/** Runs the local `redocly` with `args` from the repository root; rejects with its output on failure. */
export function runRedocly(args: readonly string[]): Promise<void> {
  return new Promise((done, fail) => {
    execFile(REDOCLY, [...args], { cwd: REPO_ROOT, maxBuffer: 16 * 1024 * 1024 }, (error, stdout, stderr) => {
      if (error === null) return done();
      fail(new Error(`redocly ${args[0] ?? ''} failed (${error.message.split('\n')[0]})\n${stdout}${stderr}`));
    });
  });
}
