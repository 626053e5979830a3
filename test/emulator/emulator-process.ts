/** Test helper: `live-relay emulator` as a real child process (from source, through tsx). */
import { type ChildProcess, spawn } from 'node:child_process';
import { fileURLToPath } from 'node:url';
import { DEFAULT_ACCESS_KEY_ID, DEFAULT_ACCESS_KEY_SECRET } from '../../src/emulator/gateway/access-keys.js';
import { createParams, expectOk, REGION } from './fixtures.js';
import { type RawResponse, sendSigned } from './signed-request.js';

/** The key a command-line emulator accepts when none is given. */
export const BUILT_IN_KEY = { accessKeyId: DEFAULT_ACCESS_KEY_ID, accessKeySecret: DEFAULT_ACCESS_KEY_SECRET };

const COMMAND = fileURLToPath(new URL('../../src/cli/emulator-command.ts', import.meta.url));
const ROOT = fileURLToPath(new URL('../../', import.meta.url));

/** An emulator process that started and prints its URL. */
export interface RunningProcess {
  readonly started: true;
  readonly child: ChildProcess;
  readonly url: string;
  readonly pid: number;
  /** Resolves with the exit code (or signal name) once the process has ended. */
  readonly exited: Promise<number | string | null>;
  /** SIGTERM, then waits for the exit. */
  stop(): Promise<number | string | null>;
}

/** An emulator process that ended before serving. */
export interface RefusedProcess {
  readonly started: false;
  readonly code: number | string | null;
  readonly stdout: string;
  readonly stderr: string;
}

/**
 * Runs `live-relay emulator --port 0 ...args` and resolves once it listens or has exited.
 * `uid`/`gid` run it as another user (only root can), for file-permission cases; `env` adds to
 * (or overrides) the environment.
 */
export function runEmulatorProcess(
  args: readonly string[],
  user?: { uid: number; gid: number },
  env: Readonly<Record<string, string>> = {},
): Promise<RunningProcess | RefusedProcess> {
  const child = spawn(process.execPath, ['--import', 'tsx', COMMAND, '--port', '0', ...args], {
    cwd: ROOT,
    stdio: ['ignore', 'pipe', 'pipe'],
    env: { ...process.env, ...(user === undefined ? {} : { HOME: '/tmp' }), ...env },
    ...(user === undefined ? {} : { uid: user.uid, gid: user.gid }),
  });
  let stdout = '';
  let stderr = '';
  const exited = new Promise<number | string | null>((resolve) =>
    child.on('exit', (code, signal) => resolve(code ?? signal)),
  );
  return new Promise((resolve) => {
    child.stderr!.on('data', (chunk: Buffer) => (stderr += chunk.toString()));
    child.stdout!.on('data', (chunk: Buffer) => {
      stdout += chunk.toString();
      const match = /listening on (http:\/\/\S+)\n[\s\S]*Press Ctrl\+C/.exec(stdout);
      if (match)
        resolve({
          started: true,
          child,
          url: match[1]!,
          pid: child.pid!,
          exited,
          stop: () => {
            child.kill('SIGTERM');
            return exited;
          },
        });
    });
    void exited.then((code) => resolve({ started: false, code, stdout, stderr }));
  });
}

/** Asserts the process started, for TypeScript and for a readable failure. */
export function expectStarted(result: RunningProcess | RefusedProcess): RunningProcess {
  if (!result.started) throw new Error(`the emulator did not start (${result.code}): ${result.stderr}`);
  return result;
}

/** Creates a task (starting a minute after `now`) with the built-in key; returns its TaskId. */
export async function createTaskAt(url: string, now = new Date()): Promise<string> {
  const res = await sendSigned(url, {
    action: 'CreateLivePullToPush',
    params: createParams(now),
    credentials: BUILT_IN_KEY,
  });
  expectOk(res);
  return res.body.TaskId as string;
}

/** DescribeLivePullToPush with the built-in key. */
export function describeTaskAt(url: string, taskId: string): Promise<RawResponse> {
  return sendSigned(url, {
    action: 'DescribeLivePullToPush',
    params: { Region: REGION, TaskId: taskId },
    credentials: BUILT_IN_KEY,
  });
}
