import { execFile } from 'node:child_process';
import { repoRoot } from './paths.js';

export interface ScriptResult {
  readonly code: number;
  readonly stdout: string;
  readonly stderr: string;
}

/** Runs a repository script as the package scripts do (`node --import tsx`), from the repo root or `cwd`. */
export function runScript(script: string, args: readonly string[] = [], cwd: string = repoRoot): Promise<ScriptResult> {
  return new Promise((resolve) => {
    const options = { cwd, maxBuffer: 16 * 1024 * 1024, env: { ...process.env, INIT_CWD: cwd } };
    execFile(process.execPath, ['--import', 'tsx', script, ...args], options, (error, stdout, stderr) => {
      const code = error === null ? 0 : typeof error.code === 'number' ? error.code : 1;
      resolve({ code, stdout, stderr });
    });
  });
}
