import { type ChildProcess, spawn } from 'node:child_process';
import { accessSync, constants } from 'node:fs';

/** util-linux's setpriv (Essential on Debian): sets the parent-death signal, then execs. */
const SETPRIV = '/usr/bin/setpriv';

const hasSetpriv = (() => {
  try {
    accessSync(SETPRIV, constants.X_OK);
    return true;
  } catch {
    return false;
  }
})();

export interface SpawnOptions {
  /** Extra environment variables (the orphan sweep marks relays with the task's ID). */
  readonly env?: Readonly<Record<string, string>>;
  /** Whether ffmpeg gets a stdin pipe (its `q` command) or none. */
  readonly stdin: boolean;
  /** Whether the tool gets a fourth pipe (fd 3), which it can read as `pipe:3`. */
  readonly inputPipe?: boolean;
}

/**
 * Spawns a media tool so that it cannot outlive us: in its own process group (so a stop reaches
 * every process it forks) and, through `setpriv --pdeathsig SIGKILL`, killed by the kernel when
 * the emulator dies, even by `kill -9` (ffmpeg itself keeps publishing when its parent dies, and
 * broken pipes do not stop it). setpriv execs, so `child.pid` is the tool's own pid.
 * Call this from the main thread: the death signal follows the spawning thread.
 */
export function spawnChild(binary: string, args: readonly string[], options: SpawnOptions): ChildProcess {
  const [command, argv] = hasSetpriv
    ? [SETPRIV, ['--pdeathsig', 'SIGKILL', '--', binary, ...args]]
    : [binary, [...args]];
  return spawn(command, argv, {
    detached: true,
    stdio: [
      options.stdin ? 'pipe' : 'ignore',
      'pipe',
      'pipe',
      ...(options.inputPipe === true ? (['pipe'] as const) : []),
    ],
    env: { ...process.env, ...options.env },
  });
}

/** Sends `signal` to the child's whole process group; false when it has already gone. */
export function signalGroup(child: ChildProcess, signal: NodeJS.Signals): boolean {
  if (child.pid === undefined || child.exitCode !== null || child.signalCode !== null) return false;
  try {
    process.kill(-child.pid, signal);
    return true;
  } catch {
    return false;
  }
}
