/**
 * `startEmulator({ relay: true })`: tasks relayed for real by ffmpeg to a real nginx-rtmp, driven
 * through the client over HTTP; what arrived is decoded and checked.
 */
import { mkdtemp, rm } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, beforeAll, expect, it } from 'vitest';
import { type RunningEmulator, startEmulator } from '../../src/emulator/server.js';
import { createLiveClient, type LiveClient } from '../../src/index.js';
import { freePort } from '../fleet/redis-server.js';
import { type Receiver, startReceiver } from '../support/callback-receiver.js';
import { type LivePublisher, makeClip, serveLive } from './clips.js';
import { type MediaServer, startMediaServer } from './media-server.js';
import { describeWithMediaTools } from './media-tools.js';
import { readRecording } from './recording.js';
import { relaysOf, until } from './relay-processes.js';
import { createTask, mediaArrived, REGION, type Seen, watchTask } from './relay-task.js';
import { type RtmpServer, startRtmpServer } from './rtmp-server.js';
import { startSilentServer } from './silent-server.js';

describeWithMediaTools('the emulator relaying for real (--relay)', () => {
  let dir: string;
  let media: MediaServer;
  let rtmp: RtmpServer;
  let receiver: Receiver;
  let emulator: RunningEmulator;
  let client: LiveClient;
  let red: string;
  let green: string;
  /** An HTTP-FLV file: the seed page allows MP4 and HTTP-FLV in one url list. */
  let blueFlv: string;
  const log: string[] = [];
  let n = 0;
  const stream = () => {
    n += 1;
    return `task${n}`;
  };
  const callbacksOf = (TaskId: string) =>
    receiver.events
      .filter((event) => event['TaskId'] === TaskId)
      .map((event) => [event['TaskStatus'], event['TaskInvalidReason']]);

  beforeAll(async () => {
    dir = await mkdtemp(join(tmpdir(), 'live-relay-clips-'));
    const clips = await Promise.all([makeClip(dir, 'red', 2), makeClip(dir, 'green', 2)]);
    const flv = await makeClip(dir, 'blue', 2, 660, { container: 'flv' });
    media = await startMediaServer([...clips, flv]);
    [red, green] = clips.map((clip) => media.urlOf(clip)) as [string, string];
    blueFlv = media.urlOf(flv);
    rtmp = await startRtmpServer();
    receiver = await startReceiver();
    emulator = await startEmulator({
      relay: true,
      retryIntervalSeconds: 2,
      relayLog: (line) => log.push(line),
      // VOD media IDs, each with the local file it plays and no duration: ffprobe measures it.
      media: Object.fromEntries(clips.map((file, i) => [`vid-${i}`, { file }])),
    });
    client = createLiveClient({ endpoint: emulator.url, credentials: emulator.credentials });
  });

  afterAll(async () => {
    await emulator?.close();
    await receiver?.close();
    await media?.close();
    await rtmp?.stop();
    await rm(dir, { recursive: true, force: true });
  });

  it('plays a url list in order; Describe follows ffmpeg; the list end leaves it Offline (D-36)', async () => {
    const name = stream();
    const TaskId = await createTask(client, {
      SourceUrls: [red, green],
      DstUrl: rtmp.urlOf(name),
      CallbackUrl: receiver.url,
    });
    const seen = await watchTask(client, TaskId, (task) => task.status === 3);
    const running = seen.filter((task) => task.status === 1).map((task) => task.index);
    expect(running).toContain(0);
    expect(running).toContain(1);
    expect(running).toEqual([...running].sort());
    expect(seen.at(-1)).toEqual({ status: 3, index: 1, offset: 2 });
    const received = await readRecording((await rtmp.recordings(name))[0]!);
    expect(received.runs.map((run) => run.colour)).toEqual(['red', 'green']);
    expect(received.seconds).toBeCloseTo(4, 1);
    await emulator.service.callbacksIdle();
    expect(callbacksOf(TaskId)).toEqual([
      [1, undefined],
      [3, undefined],
    ]);
    expect(log.some((line) => line.includes(`task ${TaskId}: Running`))).toBe(true);
    expect(log.some((line) => line.includes(`task ${TaskId}: Offline (the list has ended)`))).toBe(true);
  });

  it('plays a list of MP4 and HTTP-FLV files as one publish, joining them one by one', async () => {
    const name = stream();
    const TaskId = await createTask(client, { SourceUrls: [red, blueFlv, green], DstUrl: rtmp.urlOf(name) });
    const seen = await watchTask(client, TaskId, (task) => task.status === 3);
    const indexes = seen.filter((task) => task.status === 1).map((task) => task.index);
    expect([...new Set(indexes)]).toEqual([0, 1, 2]);
    expect(seen.at(-1)).toEqual({ status: 3, index: 2, offset: 2 });
    const recordings = await rtmp.recordings(name);
    expect(recordings).toHaveLength(1);
    const received = await readRecording(recordings[0]!);
    expect(received.runs.map((run) => run.colour)).toEqual(['red', 'blue', 'green']);
    expect(received.seconds).toBeCloseTo(6, 0);
    expect(
      log.some((line) => line.includes(`task ${TaskId}: ffmpeg relaying`) && line.includes('joining entries')),
    ).toBe(true);
  });

  it('plays VOD media IDs from the catalog’s files', async () => {
    const name = stream();
    const TaskId = await createTask(client, {
      SourceType: 'vod',
      SourceUrls: ['vid-1', 'vid-0'],
      DstUrl: rtmp.urlOf(name),
    });
    const seen = await watchTask(client, TaskId, (task) => task.status === 3);
    expect(seen.at(-1)).toEqual({ status: 3, index: 1, offset: 2 });
    const received = await readRecording((await rtmp.recordings(name))[0]!);
    expect(received.runs.map((run) => run.colour)).toEqual(['green', 'red']);
    expect(received.seconds).toBeCloseTo(4, 1);
  });

  it('starts at FileIndex and Offset, then plays RepeatNumber more passes of the whole list', async () => {
    const name = stream();
    const TaskId = await createTask(client, {
      SourceUrls: [red, green],
      DstUrl: rtmp.urlOf(name),
      FileIndex: 1,
      Offset: 1,
      RepeatNumber: 1,
    });
    await watchTask(client, TaskId, (task) => task.status === 3);
    const received = await readRecording((await rtmp.recordings(name))[0]!);
    expect(received.runs.map((run) => run.colour)).toEqual(['green', 'red', 'green']);
    expect(received.runs[0]!.seconds).toBeCloseTo(1, 0);
    expect(received.seconds).toBeCloseTo(5, 0);
  });

  it('a RepeatNumber update while Running takes effect in the same publish', async () => {
    const name = stream();
    const TaskId = await createTask(client, { SourceUrls: [red, green], DstUrl: rtmp.urlOf(name) });
    // As soon as the publish starts: the list can grow until 1.5 s before it ends (D-40).
    await mediaArrived(() => rtmp.recordings(name), 1);
    await client.updateLivePullToPush({ TaskId, Region: REGION, RepeatNumber: 1 });
    await watchTask(client, TaskId, (task) => task.status === 3);
    const recordings = await rtmp.recordings(name);
    expect(recordings).toHaveLength(1);
    const received = await readRecording(recordings[0]!);
    expect(received.runs.map((run) => run.colour)).toEqual(['red', 'green', 'red', 'green']);
    expect(received.seconds).toBeCloseTo(8, 1);
  });

  it('Stop ends the stream; a FileIndex set while stopped is what Restart plays', async () => {
    const name = stream();
    const TaskId = await createTask(client, { SourceUrls: [red, green], DstUrl: rtmp.urlOf(name), RepeatNumber: -1 });
    await mediaArrived(() => rtmp.recordings(name));
    await client.stopLivePullToPush({ TaskId, Region: REGION });
    const stopped = await readRecording((await rtmp.recordings(name))[0]!);
    expect(stopped.runs.map((run) => run.colour)).toEqual(['red']);
    await client.updateLivePullToPush({ TaskId, Region: REGION, FileIndex: 1, RepeatNumber: 0 });
    await client.restartLivePullToPush({ TaskId, Region: REGION });
    const seen = await watchTask(client, TaskId, (task) => task.status === 3);
    expect(seen.filter((task) => task.status === 1).every((task) => task.index === 1)).toBe(true);
    const recordings = await rtmp.recordings(name);
    expect(recordings).toHaveLength(2);
    const restarted = await readRecording(recordings[1]!);
    expect(restarted.runs.map((run) => run.colour)).toEqual(['green']);
  });

  it('a source that dies goes Recovering, and Running again once it is back within the retries', async () => {
    const flaky = await startMediaServer([join(dir, 'red-2s.mp4'), join(dir, 'green-2s.mp4')]);
    try {
      const name = stream();
      const TaskId = await createTask(client, {
        SourceUrls: [flaky.urlOf('red-2s.mp4'), flaky.urlOf('green-2s.mp4')],
        DstUrl: rtmp.urlOf(name),
        RepeatNumber: -1,
        RetryCount: 10,
        CallbackUrl: receiver.url,
      });
      await mediaArrived(() => rtmp.recordings(name));
      await flaky.kill();
      const seen: Seen[] = [];
      await watchTask(client, TaskId, (task) => task.status === 2, 30_000, seen);
      await new Promise((resolve) => setTimeout(resolve, 3000));
      await flaky.revive();
      await watchTask(client, TaskId, (task) => task.status === 1, 30_000, seen);
      await client.stopLivePullToPush({ TaskId, Region: REGION });
      await emulator.service.callbacksIdle();
      expect(callbacksOf(TaskId).map(([status]) => status)).toEqual([1, 2, 1, 3]);
      expect(log.some((line) => line.includes(`task ${TaskId}: Recovering (PullStreamFailed:`))).toBe(true);
      const recordings = await rtmp.recordings(name);
      expect(recordings.length).toBeGreaterThanOrEqual(2);
      expect((await readRecording(recordings.at(-1)!)).seconds).toBeGreaterThan(0);
    } finally {
      await flaky.close();
    }
  }, 60_000);

  it('a live source is relayed by its reader and publisher; when it dies, a retry takes the next one', async () => {
    // Served once (ffmpeg -listen 1): opened twice, it would never be relayed.
    const source = `http://127.0.0.1:${await freePort()}/live.flv`;
    const first = await serveLive(join(dir, 'red-2s.mp4'), source);
    let second: LivePublisher | undefined;
    try {
      const name = stream();
      const TaskId = await createTask(client, {
        SourceType: 'live',
        SourceProtocol: 'http-flv',
        SourceUrls: [source],
        DstUrl: rtmp.urlOf(name),
        RetryCount: 10,
        CallbackUrl: receiver.url,
      });
      const seen: Seen[] = [];
      await watchTask(client, TaskId, (task) => task.status === 1, 30_000, seen);
      await mediaArrived(() => rtmp.recordings(name));
      // Both are marked for the orphan sweep.
      expect(relaysOf(TaskId)).toHaveLength(2);
      await first.kill();
      await watchTask(client, TaskId, (task) => task.status === 2, 30_000, seen);
      second = await serveLive(join(dir, 'green-2s.mp4'), source);
      await watchTask(client, TaskId, (task) => task.status === 1, 30_000, seen);
      const recordings = () => rtmp.recordings(name).then((files) => files.slice(1));
      await mediaArrived(recordings);
      await client.stopLivePullToPush({ TaskId, Region: REGION });
      expect(await until(() => relaysOf(TaskId).length === 0, 7000)).toBe(true);
      await emulator.service.callbacksIdle();
      expect(callbacksOf(TaskId).map(([status]) => status)).toEqual([1, 2, 1, 3]);
      expect(log.some((line) => line.includes(`task ${TaskId}: Recovering (PullStreamFailed:`))).toBe(true);
      const [before, after] = await Promise.all(
        [(await rtmp.recordings(name))[0]!, (await recordings()).at(-1)!].map(readRecording),
      );
      expect(before!.runs.map((run) => run.colour)).toEqual(['red']);
      expect(after!.runs.map((run) => run.colour)).toEqual(['green']);
    } finally {
      await first.kill();
      await second?.kill();
    }
  }, 60_000);

  it('a dead destination is PushStreamFailed: retried, then Offline with the callback', async () => {
    const port = await freePort();
    const TaskId = await createTask(client, {
      SourceUrls: [red, green],
      DstUrl: `rtmp://127.0.0.1:${port}/live/nobody?auth_key=SECRET`,
      RetryCount: 1,
      CallbackUrl: receiver.url,
    });
    const seen = await watchTask(client, TaskId, (task) => task.status === 3);
    expect(seen.at(-1)?.reason).toBe('PushStreamFailed');
    await emulator.service.callbacksIdle();
    expect(callbacksOf(TaskId)).toEqual([
      [1, undefined],
      [2, undefined],
      [3, 'PushStreamFailed'],
    ]);
    const lines = log.filter((line) => line.includes(TaskId));
    expect(
      lines.some((line) => line.includes('Offline (PushStreamFailed:') && line.includes('Connection refused')),
    ).toBe(true);
    expect(lines.some((line) => line.includes('retry 1 failed (PushStreamFailed:'))).toBe(true);
    expect(lines.join('\n')).not.toContain('SECRET');
  });

  it('Delete and EndTime end the relay: no ffmpeg is left, and the log says why', async () => {
    const deleted = stream();
    const doomed = await createTask(client, {
      SourceUrls: [red, green],
      DstUrl: rtmp.urlOf(deleted),
      RepeatNumber: -1,
    });
    await mediaArrived(() => rtmp.recordings(deleted));
    expect(relaysOf(doomed)).toHaveLength(1);
    await client.deleteLivePullToPush({ TaskId: doomed, Region: REGION });
    expect(await until(() => relaysOf(doomed).length === 0, 7000)).toBe(true);
    expect(log).toContain(`task ${doomed}: Exit (deleted by the user)`);

    const ending = stream();
    const endMs = Math.ceil(Date.now() / 1000) * 1000 + 6000;
    const TaskId = await createTask(client, {
      SourceUrls: [red, green],
      DstUrl: rtmp.urlOf(ending),
      RepeatNumber: -1,
      EndTime: new Date(endMs).toISOString().replace(/\.\d{3}Z$/, 'Z'),
    });
    await watchTask(client, TaskId, (task) => task.status === -1, 20_000);
    expect(Date.now()).toBeGreaterThanOrEqual(endMs);
    expect(await until(() => relaysOf(TaskId).length === 0, 7000)).toBe(true);
    expect(log).toContain(`task ${TaskId}: Exit (EndTime reached)`);
    const received = await readRecording((await rtmp.recordings(ending))[0]!);
    expect(received.seconds).toBeGreaterThan(2);
    expect(received.seconds).toBeLessThan(7);
  }, 40_000);

  it('a retry still connecting when the next one is due goes on instead of being cut short', async () => {
    // ffmpeg gives a silent destination 5 s for the RTMP handshake; retries are due every 2 s.
    const silent = await startSilentServer();
    try {
      const TaskId = await createTask(client, {
        SourceUrls: [red],
        DstUrl: `rtmp://127.0.0.1:${silent.port}/live/silent`,
        RetryCount: 2,
        CallbackUrl: receiver.url,
      });
      const seen = await watchTask(client, TaskId, (task) => task.status === 3, 40_000);
      expect(seen.at(-1)?.reason).toBe('PushStreamFailed');
      // The run, then one attempt that spans both retries: not a third ffmpeg cutting the second short.
      expect(silent.connections()).toBe(2);
      await emulator.service.callbacksIdle();
      expect(callbacksOf(TaskId)).toEqual([
        [1, undefined],
        [2, undefined],
        [3, 'PushStreamFailed'],
      ]);
      expect(
        log.some((line) => line.includes(`task ${TaskId}: Offline (PushStreamFailed:`) && line.includes('timed out')),
      ).toBe(true);
    } finally {
      await silent.close();
    }
  }, 60_000);

  it('the clock control answers 409: the task clock is the real clock', async () => {
    const answer = await fetch(`${emulator.url}/_emulator/clock`, { method: 'POST', body: '{"advanceSeconds": 60}' });
    expect(answer.status).toBe(409);
    expect(await answer.json()).toMatchObject({ Code: 'ClockLocked', Message: expect.stringContaining('real clock') });
  });
});
