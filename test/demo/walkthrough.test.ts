import { execFile } from 'node:child_process';
import { fileURLToPath } from 'node:url';
import { describe, expect, it } from 'vitest';

const ROOT = fileURLToPath(new URL('../../', import.meta.url));

function runDemo(): Promise<{ code: number; stdout: string; stderr: string }> {
  return new Promise((resolve, reject) => {
    execFile(
      process.execPath,
      ['--import', 'tsx', 'src/demo/main.ts'],
      // The demo must not need credentials of its own: it signs with the embedded emulator's key.
      {
        cwd: ROOT,
        env: { PATH: process.env['PATH'] ?? '', HOME: process.env['HOME'] ?? '/nonexistent' },
        timeout: 60_000,
      },
      (error, stdout, stderr) => {
        if (error !== null && typeof error.code !== 'number') reject(error);
        else resolve({ code: error === null ? 0 : (error.code as number), stdout, stderr });
      },
    );
  });
}

describe('npm start (the walkthrough)', () => {
  it('walks a VOD relay task through its life, shows the callbacks, exits 0 and leaves nothing running', async () => {
    const { code, stdout, stderr } = await runDemo();
    expect(stderr).toBe('');
    expect(code).toBe(0);
    const lines = stdout.split('\n');
    const expected: RegExp[] = [
      /^✓ start the emulator → http:\/\/127\.0\.0\.1:\d+, task clock \S+Z$/,
      /^✓ start a callback receiver → http:\/\/127\.0\.0\.1:\d+\/callbacks$/,
      /^✓ create a VOD relay task → TaskId \S+, starts in 5 minutes, runs 3 hours$/,
      /^✓ describe it → Idle \(0\), 2 VOD media → rtmp:\/\/\S+$/,
      /^✓ update it before its start time → StartTime \S+Z, 3 VOD media$/,
      /^✓ advance the emulator clock 3 minutes → task clock \S+Z, task Running \(1\)$/,
      /^ {4}↳ callback LivePullToPushRunning → \/callbacks: Running \(1\)$/,
      /^✓ change SourceUrls while it runs → refused: CodeTaskHasStarted \(expected\)$/,
      /^✓ change CallbackUrl and RepeatNumber while it runs → accepted: RepeatNumber -1 \(loop\)/,
      /^✓ stop it → Offline \(3\)$/,
      /^ {4}↳ callback LivePullToPushRunning → \/callbacks\?rev=2: Offline \(3\), TriggerByUser$/,
      /^✓ change FileIndex and SourceUrls while it is stopped → accepted: 2 VOD media from file 1/,
      /^✓ restart it → Running \(1\)/,
      /^ {4}↳ callback LivePullToPushRunning → \/callbacks\?rev=2: Running \(1\)$/,
      /^✓ delete it → Exit \(-1\), TriggerByUser$/,
      /^ {4}↳ callback LivePullToPushExit → \/callbacks\?rev=2: Exit \(-1\), TriggerByUser$/,
      /^Closed the emulator and the callback receiver\.$/,
    ];
    // Each step appears, in order.
    let from = 0;
    for (const pattern of expected) {
      const index = lines.findIndex((line, i) => i >= from && pattern.test(line));
      expect(index, `${pattern} after line ${from}:\n${stdout}`).toBeGreaterThanOrEqual(from);
      from = index + 1;
    }
    expect(stdout).not.toMatch(/^✗/m);
  });
});
