import { type ChildProcess, spawn } from 'node:child_process';
import { fileURLToPath } from 'node:url';
import { afterAll, describe, expect, it } from 'vitest';
import { runEmulatorCommand } from '../../src/cli/emulator-command.js';
import { DEFAULT_ACCESS_KEY_ID, DEFAULT_ACCESS_KEY_SECRET } from '../../src/emulator/gateway/access-keys.js';
import { expectOk, REGION } from './fixtures.js';
import { destroyAgent, sendSigned } from './signed-request.js';

const MAIN = fileURLToPath(new URL('../../src/cli/emulator-command.ts', import.meta.url));
const ROOT = fileURLToPath(new URL('../../', import.meta.url));

afterAll(() => destroyAgent());

/** Starts the process entry and resolves once it printed its URL. */
function start(
  args: string[],
): Promise<{ child: ChildProcess; url: string; output: () => string; exited: Promise<number | null> }> {
  const child = spawn(process.execPath, ['--import', 'tsx', MAIN, ...args], {
    cwd: ROOT,
    stdio: ['ignore', 'pipe', 'pipe'],
  });
  let stdout = '';
  let stderr = '';
  const exited = new Promise<number | null>((resolve) => child.on('exit', (code) => resolve(code)));
  return new Promise((resolve, reject) => {
    child.stderr!.on('data', (chunk: Buffer) => (stderr += chunk.toString()));
    child.stdout!.on('data', (chunk: Buffer) => {
      stdout += chunk.toString();
      const match = /listening on (http:\/\/\S+)\n[\s\S]*Press Ctrl\+C/.exec(stdout);
      if (match) resolve({ child, url: match[1]!, output: () => stdout, exited });
    });
    void exited.then((code) => reject(new Error(`emulator exited early (${code}): ${stdout}${stderr}`)));
  });
}

describe('node --import tsx src/cli/emulator-command.ts', () => {
  it('serves signed calls with the configured key, never prints that secret, and exits 0 on SIGTERM', async () => {
    const secret = 'my-own-secret-value';
    const { child, url, output, exited } = await start([
      '--port',
      '0',
      '--access-key-id',
      'LTAIprocessTest',
      '--access-key-secret',
      secret,
    ]);
    try {
      expect(output()).toContain('AccessKeyId: LTAIprocessTest');
      expect(output()).not.toContain(secret);
      const res = await sendSigned(url, {
        action: 'DescribeLivePullToPushList',
        params: { Region: REGION },
        credentials: { accessKeyId: 'LTAIprocessTest', accessKeySecret: secret },
      });
      expectOk(res);
      destroyAgent();
    } finally {
      child.kill('SIGTERM');
    }
    expect(await exited).toBe(0);
    expect(output()).toContain('stopped');
  });

  it('prints the built-in test key, secret included, and exits 0 on SIGINT', async () => {
    const { child, output, exited } = await start(['--port', '0']);
    expect(output()).toContain(`AccessKeyId: ${DEFAULT_ACCESS_KEY_ID}`);
    expect(output()).toContain(`AccessKeySecret: ${DEFAULT_ACCESS_KEY_SECRET}`);
    child.kill('SIGINT');
    expect(await exited).toBe(0);
  });

  it('runEmulatorCommand returns 2 for a bad command line, without starting', async () => {
    let stderr = '';
    const io = { stdout: { write: () => true }, stderr: { write: (text: string) => (stderr += text) } };
    expect(await runEmulatorCommand(['--port', 'abc', '--access-key-id', 'x'], io)).toBe(2);
    expect(stderr).toContain('--port');
    expect(stderr).toContain('--access-key-secret');
    expect(await runEmulatorCommand(['--verbose', 'yes'], io)).toBe(2);
    expect(stderr).toContain('--verbose: unknown option');
  });
});
