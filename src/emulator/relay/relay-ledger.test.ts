import { spawn } from 'node:child_process';
import { mkdtemp, readFile, rm } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterEach, describe, expect, it } from 'vitest';
import { RelayLedger } from './relay-ledger.js';

describe('RelayLedger', () => {
  const dirs: string[] = [];
  afterEach(async () => {
    for (const dir of dirs.splice(0)) await rm(dir, { recursive: true, force: true });
  });

  async function ledgerFile(): Promise<string> {
    const dir = await mkdtemp(join(tmpdir(), 'live-relay-ledger-'));
    dirs.push(dir);
    return join(dir, 'relays.json');
  }

  function sleeper(taskId: string) {
    const child = spawn('sleep', ['30'], {
      detached: true,
      stdio: 'ignore',
      env: { ...process.env, RELAY_TASK_ID: taskId },
    });
    const exited = new Promise<NodeJS.Signals | null>((resolve) =>
      child.once('exit', (_code, signal) => resolve(signal)),
    );
    return { pid: child.pid!, exited };
  }

  it('ends a survivor it recorded, found by pid, start time and task mark', async () => {
    const file = await ledgerFile();
    const survivor = sleeper('t-1');
    new RelayLedger(file).add('t-1', survivor.pid);
    const swept = await new RelayLedger(file).sweep();
    expect(swept).toEqual([{ taskId: 't-1', pid: survivor.pid }]);
    expect(await survivor.exited).toBe('SIGTERM');
    expect(JSON.parse(await readFile(file, 'utf8'))).toEqual({ processes: [] });
  });

  it('leaves alone a process whose mark is not the recorded task', async () => {
    const file = await ledgerFile();
    const stranger = sleeper('t-other');
    new RelayLedger(file).add('t-1', stranger.pid);
    expect(await new RelayLedger(file).sweep()).toEqual([]);
    expect(() => process.kill(stranger.pid, 0)).not.toThrow();
    process.kill(stranger.pid, 'SIGKILL');
    await stranger.exited;
  });

  it('forgets a process once removed, and starts from nothing without a file', async () => {
    const file = await ledgerFile();
    const ledger = new RelayLedger(file);
    const child = sleeper('t-2');
    ledger.add('t-2', child.pid);
    ledger.remove(child.pid);
    expect(await new RelayLedger(file).sweep()).toEqual([]);
    process.kill(child.pid, 'SIGKILL');
    await child.exited;
    expect(await new RelayLedger(await ledgerFile()).sweep()).toEqual([]);
  });
});
