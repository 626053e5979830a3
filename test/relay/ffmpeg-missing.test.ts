/**
 * `live-relay emulator --relay` on a machine without ffmpeg: it stops at start with one line saying
 * how to install it; without `--relay` nothing changes. Needs no ffmpeg, so it always runs.
 */
import { mkdtemp, rm } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { expectStarted, runEmulatorProcess } from '../emulator/emulator-process.js';

describe('live-relay emulator --relay without ffmpeg', () => {
  let empty: string;
  /** A PATH with no ffmpeg on it. */
  let noFfmpeg: { PATH: string };

  beforeAll(async () => {
    empty = await mkdtemp(join(tmpdir(), 'live-relay-no-ffmpeg-'));
    noFfmpeg = { PATH: empty };
  });

  afterAll(async () => {
    await rm(empty, { recursive: true, force: true });
  });

  it.each([
    ['ffmpeg is not on PATH', [] as string[]],
    ['--ffmpeg names no file', ['--ffmpeg', '/nonexistent/ffmpeg']],
  ])('stops at start with one line saying how to install it (%s)', async (_case, extra) => {
    const result = await runEmulatorProcess(['--relay', ...extra], undefined, noFfmpeg);
    expect(result.started).toBe(false);
    if (result.started) return;
    expect(result.code).toBe(1);
    expect(result.stdout).toBe('');
    expect(result.stderr).toMatch(/^live-relay emulator: cannot start: .*apt-get install ffmpeg.*\n$/);
  });

  it('starts as usual without --relay', async () => {
    const running = expectStarted(await runEmulatorProcess([], undefined, noFfmpeg));
    expect(await running.stop()).toBe(0);
  });
});
