/**
 * `live-relay emulator --relay --data FILE` killed with SIGKILL: no ffmpeg of it keeps pushing,
 * and the same command on the same data file plays its Running tasks again (spec/decisions.md D-40).
 */
import { type ChildProcess, spawn } from 'node:child_process';
import { readdirSync } from 'node:fs';
import { mkdtemp, rm } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { afterAll, beforeAll, expect, it } from 'vitest';
import { DEFAULT_ACCESS_KEY_ID, DEFAULT_ACCESS_KEY_SECRET } from '../../src/emulator/gateway/access-keys.js';
import { createLiveClient } from '../../src/index.js';
import { makeClip } from './clips.js';
import { type MediaServer, startMediaServer } from './media-server.js';
import { describeWithMediaTools } from './media-tools.js';
import { relaysOf, until } from './relay-processes.js';
import { createTask, REGION, watchTask } from './relay-task.js';
import { type RtmpServer, startRtmpServer } from './rtmp-server.js';

const MAIN = fileURLToPath(new URL('../../src/cli/emulator-command.ts', import.meta.url));
const ROOT = fileURLToPath(new URL('../../', import.meta.url));

interface Emulator {
  child: ChildProcess;
  url: string;
  exited: Promise<void>;
}

function startEmulatorProcess(dataFile: string): Promise<Emulator> {
  const child = spawn(process.execPath, ['--import', 'tsx', MAIN, '--port', '0', '--relay', '--data', dataFile], {
    cwd: ROOT,
    stdio: ['ignore', 'pipe', 'pipe'],
  });
  let output = '';
  const exited = new Promise<void>((resolve) => child.once('exit', () => resolve()));
  return new Promise((resolve, reject) => {
    child.stderr!.on('data', (chunk: Buffer) => (output += chunk.toString()));
    child.stdout!.on('data', (chunk: Buffer) => {
      output += chunk.toString();
      const match = /listening on (http:\/\/\S+)\n/.exec(output);
      if (match) resolve({ child, url: match[1]!, exited });
    });
    void exited.then(() => reject(new Error(`emulator exited early: ${output}`)));
  });
}

describeWithMediaTools('an emulator with --relay killed with SIGKILL and started again on its data file', () => {
  let dir: string;
  let media: MediaServer;
  let rtmp: RtmpServer;
  const started: Emulator[] = [];

  beforeAll(async () => {
    dir = await mkdtemp(join(tmpdir(), 'live-relay-restart-'));
    const clips = await Promise.all([makeClip(dir, 'red', 2), makeClip(dir, 'green', 2)]);
    media = await startMediaServer(clips);
    rtmp = await startRtmpServer();
  });

  afterAll(async () => {
    for (const { child } of started) child.kill('SIGKILL');
    await Promise.all(started.map(({ exited }) => exited));
    await media?.close();
    await rtmp?.stop();
    await rm(dir, { recursive: true, force: true });
  });

  it('leaves no ffmpeg pushing, and plays the Running task again after the restart', async () => {
    const dataFile = join(dir, 'tasks.sqlite');
    const first = await startEmulatorProcess(dataFile);
    started.push(first);
    const credentials = { accessKeyId: DEFAULT_ACCESS_KEY_ID, accessKeySecret: DEFAULT_ACCESS_KEY_SECRET };
    const client = createLiveClient({ endpoint: first.url, credentials });
    const TaskId = await createTask(client, {
      SourceUrls: [media.urlOf('red-2s.mp4'), media.urlOf('green-2s.mp4')],
      DstUrl: rtmp.urlOf('restart'),
      RepeatNumber: -1,
    });
    await watchTask(client, TaskId, (task) => task.status === 1 && task.offset >= 1);
    expect(await until(() => relaysOf(TaskId).length === 1, 15_000)).toBe(true);

    first.child.kill('SIGKILL');
    await first.exited;
    // The kernel ends the relay with its parent (setpriv --pdeathsig).
    expect(await until(() => relaysOf(TaskId).length === 0, 5000)).toBe(true);

    const second = await startEmulatorProcess(dataFile);
    started.push(second);
    const again = createLiveClient({ endpoint: second.url, credentials });
    await watchTask(again, TaskId, (task) => task.status === 1);
    expect(await until(() => relaysOf(TaskId).length === 1, 15_000)).toBe(true);
    // A second publish on the same stream name: the relay pushes again.
    expect(await until(() => readdirSync(rtmp.recordsDir).length === 2, 15_000)).toBe(true);

    await again.stopLivePullToPush({ TaskId, Region: REGION });
    second.child.kill('SIGTERM');
    await second.exited;
    expect(relaysOf(TaskId)).toEqual([]);
  }, 60_000);
});
