import { mkdtemp, rm } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, beforeAll, expect, it } from 'vitest';
import type { CodecChoice } from '../../src/emulator/relay/codec-choice.js';
import { locateFfmpeg } from '../../src/emulator/relay/ffmpeg-tools.js';
import { ListProbes } from '../../src/emulator/relay/list-probes.js';
import type { PlannedEntry } from '../../src/emulator/relay/prepare-input.js';
import {
  type RelayEnd,
  type RelayPosition,
  startTaskRelay,
  type TaskRelayOptions,
} from '../../src/emulator/relay/task-relay.js';
import { freePort } from '../fleet/redis-server.js';
import { type LivePublisher, makeClip, makeWebmClip, publishLive, serveLive } from './clips.js';
import { type MediaServer, startMediaServer } from './media-server.js';
import { describeWithMediaTools } from './media-tools.js';
import { readRecording } from './recording.js';
import { type RtmpServer, startRtmpServer } from './rtmp-server.js';

/** Entries in order: `order` (file indexes), first one from `offset`, then around again forever when `loop`. */
function* plan(order: number[], offset = 0, loop = false): Generator<PlannedEntry> {
  let first = true;
  do {
    for (const fileIndex of order) {
      yield { fileIndex, offsetSeconds: first ? offset : 0 };
      first = false;
    }
  } while (loop);
}

/** A promise with its resolve function (Node 20 has no Promise.withResolvers). */
function deferred<T>(): { promise: Promise<T>; resolve: (value: T) => void } {
  let resolve!: (value: T) => void;
  const promise = new Promise<T>((done) => {
    resolve = done;
  });
  return { promise, resolve };
}

/** A ledger that remembers what it was told: every process a relay started, and which it said were gone. */
function ledgerSpy() {
  const pids: number[] = [];
  const removed: number[] = [];
  return {
    pids,
    ledger: { add: (_task: string, pid: number) => pids.push(pid), remove: (pid: number) => removed.push(pid) },
    /** Every recorded process was unrecorded and is gone. */
    expectAllReaped(): void {
      expect([...removed].sort()).toEqual([...pids].sort());
      for (const pid of pids) expect(() => process.kill(pid, 0)).toThrow();
    },
  };
}

interface Watched {
  positions: RelayPosition[];
  running: Promise<CodecChoice>;
  ended: Promise<RelayEnd>;
  relay: ReturnType<typeof startTaskRelay>;
}

describeWithMediaTools('the ffmpeg relay engine against nginx-rtmp', () => {
  let dir: string;
  let media: MediaServer;
  let rtmp: RtmpServer;
  let files: string[];
  /** Clips that differ from `files`' MP4s: in container (time base), and in size and sample rate. */
  let joinable: { flv: string; small: string };
  const tools = () => locateFfmpeg();
  let n = 0;

  beforeAll(async () => {
    dir = await mkdtemp(join(tmpdir(), 'live-relay-clips-'));
    const clips = await Promise.all([makeClip(dir, 'red', 2), makeClip(dir, 'green', 2), makeClip(dir, 'blue', 3)]);
    const webm = await makeWebmClip(dir, 'yellow', 2);
    const flv = await makeClip(dir, 'green', 2, 440, { container: 'flv' });
    const small = await makeClip(dir, 'blue', 2, 660, { size: '160x120', sampleRate: 48_000 });
    media = await startMediaServer([...clips, webm, flv, small]);
    files = [...clips, webm].map((file) => media.urlOf(file));
    joinable = { flv: media.urlOf(flv), small: media.urlOf(small) };
    rtmp = await startRtmpServer();
  });

  afterAll(async () => {
    await media?.close();
    await rtmp?.stop();
    await rm(dir, { recursive: true, force: true });
  });

  function watch(options: Partial<TaskRelayOptions> & Pick<TaskRelayOptions, 'source'>): Watched & { name: string } {
    n += 1;
    const name = `s${n}`;
    const positions: RelayPosition[] = [];
    const running = deferred<CodecChoice>();
    const ended = deferred<RelayEnd>();
    const relay = startTaskRelay({
      tools: tools(),
      taskId: `task-${name}`,
      destination: rtmp.urlOf(name),
      onRunning: running.resolve,
      onEnd: ended.resolve,
      ...options,
    });
    const timer = setInterval(() => {
      const position = relay.position();
      if (position !== undefined) positions.push(position);
    }, 200);
    void ended.promise.finally(() => clearInterval(timer));
    return { name, positions, running: running.promise, ended: ended.promise, relay };
  }

  it('plays a list in order as one publish, copying, and reports the file playing', async () => {
    const { name, positions, running, ended } = watch({ source: { kind: 'list', files, plan: plan([0, 1]) } });
    expect(await running).toEqual({ mode: 'copy' });
    expect(await ended).toEqual({ kind: 'finished', playedSeconds: expect.any(Number) });
    const recordings = await rtmp.recordings(name);
    expect(recordings).toHaveLength(1);
    const received = await readRecording(recordings[0]!);
    expect(received.runs.map((run) => run.colour)).toEqual(['red', 'green']);
    expect(received.seconds).toBeCloseTo(4, 0);
    const indexes = [...new Set(positions.map((position) => position.fileIndex))];
    expect(indexes).toEqual([0, 1]);
  });

  it('starts the first file at the Offset (snapped to its keyframe) and the next from the start', async () => {
    const { name, ended } = watch({ source: { kind: 'list', files, plan: plan([2, 0], 1) } });
    expect(await ended).toEqual({ kind: 'finished', playedSeconds: expect.any(Number) });
    const received = await readRecording((await rtmp.recordings(name))[0]!);
    expect(received.runs.map((run) => run.colour)).toEqual(['blue', 'red']);
    expect(received.runs[0]!.seconds).toBeCloseTo(2, 0);
    expect(received.seconds).toBeCloseTo(4, 0);
  });

  it('plays as many entries as it is told, and a change while running needs no new publish', async () => {
    const { name, relay, running, ended } = watch({
      source: { kind: 'list', files, plan: plan([0, 1], 0, true) },
      playCount: 2,
    });
    await running;
    relay.setPlayCount(6);
    expect(await ended).toEqual({ kind: 'finished', playedSeconds: expect.any(Number) });
    const recordings = await rtmp.recordings(name);
    expect(recordings).toHaveLength(1);
    const received = await readRecording(recordings[0]!);
    expect(received.runs.map((run) => run.colour)).toEqual(['red', 'green', 'red', 'green', 'red', 'green']);
    // Grown in time, the list still ends exactly where the new count does: 300 frames, not one more.
    expect(received.seconds).toBeCloseTo(12, 1);
  });

  it('ends exactly at the play count: not a frame of the next entry reaches the receiver', async () => {
    const { name, ended } = watch({ source: { kind: 'list', files, plan: plan([0, 1], 0, true) }, playCount: 2 });
    expect(await ended).toEqual({ kind: 'finished', playedSeconds: 4 });
    const received = await readRecording((await rtmp.recordings(name))[0]!);
    expect(received.runs.map((run) => run.colour)).toEqual(['red', 'green']);
    expect(received.seconds).toBeCloseTo(4, 1);
  });

  it('a play count raised too close to the end goes on in a new publish, nothing skipped or repeated', async () => {
    const { name, relay, ended } = watch({
      source: { kind: 'list', files, plan: plan([2, 0], 0, true) },
      playCount: 1,
    });
    // Less than 1.5 s before the 3 s clip ends: too late to extend the list ffmpeg plays.
    while ((relay.position()?.pushedSeconds ?? 0) < 1.6) await new Promise((resolve) => setTimeout(resolve, 20));
    relay.setPlayCount(2);
    expect(await ended).toEqual({ kind: 'finished', playedSeconds: 5 });
    const recordings = await rtmp.recordings(name);
    expect(recordings).toHaveLength(2);
    const [first, second] = await Promise.all(recordings.map((file) => readRecording(file)));
    expect(first!.runs.map((run) => run.colour)).toEqual(['blue']);
    expect(first!.seconds).toBeCloseTo(3, 1);
    expect(second!.runs.map((run) => run.colour)).toEqual(['red']);
    expect(second!.seconds).toBeCloseTo(2, 1);
  });

  it('re-encodes what FLV cannot carry and says why', async () => {
    const { name, running, ended } = watch({ source: { kind: 'list', files, plan: plan([3], 0, true) }, playCount: 1 });
    expect(await running).toEqual({ mode: 'encode', why: expect.stringContaining('video vp9, audio opus') });
    expect(await ended).toEqual({ kind: 'finished', playedSeconds: expect.any(Number) });
    const received = await readRecording((await rtmp.recordings(name))[0]!);
    expect(received.runs.map((run) => run.colour)).toEqual(['yellow']);
  });

  it('joins entries the concat demuxer cannot (an FLV between MP4s): copied one by one, one publish, in order', async () => {
    const { name, positions, running, ended } = watch({
      source: { kind: 'list', files: [files[0]!, joinable.flv], plan: plan([0, 1, 0]) },
    });
    expect(await running).toMatchObject({ mode: 'join', readers: 'copy', why: expect.stringContaining('time base') });
    expect(await ended).toEqual({ kind: 'finished', playedSeconds: expect.any(Number) });
    const recordings = await rtmp.recordings(name);
    expect(recordings).toHaveLength(1);
    const received = await readRecording(recordings[0]!);
    expect(received.runs.map((run) => run.colour)).toEqual(['red', 'green', 'red']);
    expect(received.seconds).toBeCloseTo(6, 0);
    const indexes = positions.map((position) => position.fileIndex);
    expect(indexes.filter((index, i) => i === 0 || index !== indexes[i - 1])).toEqual([0, 1, 0]);
  });

  it('normalises entries of other sizes and codecs to the first one’s size, and ends exactly at the play count', async () => {
    const { name, relay, running, ended } = watch({
      source: { kind: 'list', files: [files[0]!, joinable.small, files[3]!], plan: plan([0, 1, 2], 1, true) },
      playCount: 2,
    });
    expect(await running).toMatchObject({
      mode: 'join',
      readers: 'normalise',
      target: { size: { width: 320, height: 240 } },
    });
    relay.setPlayCount(3);
    // 1 s of red (from its keyframe at the Offset), 2 s of blue, and the WebM's 2.008 s.
    expect(await ended).toEqual({ kind: 'finished', playedSeconds: expect.closeTo(5, 1) });
    const recordings = await rtmp.recordings(name);
    expect(recordings).toHaveLength(1);
    const received = await readRecording(recordings[0]!);
    expect(received.runs.map((run) => run.colour)).toEqual(['red', 'blue', 'yellow']);
    expect(received.seconds).toBeCloseTo(5, 0);
    expect(received.size).toBe('320x240');
  });

  it('a later entry whose server is gone ends a joined list there, PullStreamFailed, and no reader is left', async () => {
    const doomed = await startMediaServer([join(dir, 'green-2s.flv')]);
    try {
      const { pids, ledger, expectAllReaped } = ledgerSpy();
      const listed = [files[0]!, `${doomed.urlOf(join(dir, 'green-2s.flv'))}?auth_key=SECRET`];
      // Probed (as a retry reuses its probes), then gone before its reader starts.
      const probes = new ListProbes(tools().ffprobe, listed);
      await probes.all(new AbortController().signal);
      await doomed.kill();
      const { name, ended } = watch({
        source: { kind: 'list', files: listed, plan: plan([0, 1]), probes },
        ledger,
      });
      const end = await ended;
      expect(end).toMatchObject({
        kind: 'failed',
        reason: 'PullStreamFailed',
        detail: expect.stringContaining('refused'),
      });
      expect(JSON.stringify(end)).not.toContain('SECRET');
      // The publisher and one reader per entry, each recorded, reaped and unrecorded.
      expect(pids).toHaveLength(3);
      expectAllReaped();
      const received = await readRecording((await rtmp.recordings(name))[0]!);
      expect(received.runs.map((run) => run.colour)).toEqual(['red']);
      expect(received.seconds).toBeCloseTo(2, 0);
    } finally {
      await doomed.close();
    }
  });

  it('a joined list stopped on request leaves neither its publisher nor a reader', async () => {
    const { pids, ledger, expectAllReaped } = ledgerSpy();
    const { relay, running } = watch({
      source: { kind: 'list', files: [files[0]!, joinable.flv], plan: plan([0, 1], 0, true) },
      ledger,
    });
    await running;
    await new Promise((resolve) => setTimeout(resolve, 1000));
    await relay.stop();
    expect(pids.length).toBeGreaterThanOrEqual(2);
    expectAllReaped();
  });

  it('stops on request: the process is gone and the stream ends', async () => {
    const { pids, ledger, expectAllReaped } = ledgerSpy();
    const { name, relay, running } = watch({
      source: { kind: 'list', files, plan: plan([0, 1], 0, true) },
      ledger,
    });
    await running;
    await new Promise((resolve) => setTimeout(resolve, 1000));
    await relay.stop();
    expect(pids).toHaveLength(1);
    expectAllReaped();
    const received = await readRecording((await rtmp.recordings(name))[0]!);
    expect(received.seconds).toBeLessThan(4);
  });

  it('a source that cannot be opened is PullStreamFailed, with ffprobe’s words', async () => {
    const { ended } = watch({
      source: { kind: 'list', files: [`${files[0]}-missing?auth_key=SECRET`], plan: plan([0]) },
    });
    const end = await ended;
    expect(end).toMatchObject({ kind: 'failed', reason: 'PullStreamFailed', detail: expect.stringContaining('404') });
    expect(JSON.stringify(end)).not.toContain('SECRET');
  });

  it('a destination that refuses is PushStreamFailed', async () => {
    const port = await freePort();
    const { ended } = watch({
      source: { kind: 'list', files, plan: plan([0]) },
      destination: `rtmp://127.0.0.1:${port}/live/x?auth_key=SECRET`,
    });
    const end = await ended;
    expect(end).toMatchObject({
      kind: 'failed',
      reason: 'PushStreamFailed',
      detail: expect.stringContaining('Connection refused'),
    });
    expect(JSON.stringify(end)).not.toContain('SECRET');
  });

  /** Where a live publisher sends (or serves) the red clip, and the URL the relay reads it from. */
  const liveSources: [string, () => Promise<{ source: string; publisher: LivePublisher }>][] = [
    [
      'an RTMP stream',
      async () => ({
        source: rtmp.urlOf('live-source'),
        publisher: publishLive(join(dir, 'red-2s.mp4'), rtmp.urlOf('live-source')),
      }),
    ],
    [
      'an HTTP-FLV stream served to one connection only (ffmpeg -listen 1)',
      async () => {
        const source = `http://127.0.0.1:${await freePort()}/live.flv`;
        return { source, publisher: await serveLive(join(dir, 'red-2s.mp4'), source) };
      },
    ],
    [
      'an SRT stream from a listener that takes one caller',
      async () => {
        const port = await freePort();
        const listener = `srt://127.0.0.1:${port}?mode=listener`;
        return {
          source: `srt://127.0.0.1:${port}?mode=caller`,
          publisher: await serveLive(join(dir, 'red-2s.mp4'), listener, 'mpegts'),
        };
      },
    ],
  ];

  it.each(liveSources)(
    'relays %s as it arrives, opening it once; a source that dies is PullStreamFailed',
    async (_, start) => {
      const { source, publisher } = await start();
      try {
        const { pids, ledger, expectAllReaped } = ledgerSpy();
        const { name, running, ended, positions } = watch({ source: { kind: 'live', url: source }, ledger });
        expect(await running).toEqual({ mode: 'copy' });
        await new Promise((resolve) => setTimeout(resolve, 2000));
        await publisher.kill();
        // ffmpeg notices a silent RTMP source after about two 5 s read timeouts.
        expect(await ended).toMatchObject({ kind: 'failed', reason: 'PullStreamFailed' });
        expect(positions.at(-1)).toMatchObject({ entry: 0, fileIndex: 0 });
        // The reader and the publisher, nothing else, and neither left running.
        expect(pids).toHaveLength(2);
        expectAllReaped();
        const received = await readRecording((await rtmp.recordings(name))[0]!);
        expect(received.runs.map((run) => run.colour)).toEqual(['red']);
        expect(received.seconds).toBeGreaterThan(1.5);
      } finally {
        await publisher.kill();
      }
    },
    40_000,
  );

  it('re-encodes a live source FLV cannot carry (VP9/Opus in Matroska), says why, and stops whole', async () => {
    const source = `http://127.0.0.1:${await freePort()}/live.mkv`;
    const publisher = await serveLive(join(dir, 'yellow-2s.webm'), source, 'matroska');
    try {
      const { pids, ledger, expectAllReaped } = ledgerSpy();
      const { name, relay, running } = watch({ source: { kind: 'live', url: source }, ledger });
      expect(await running).toEqual({
        mode: 'encode',
        why: 're-encoding to H.264/AAC: video vp9, audio opus cannot travel in FLV',
      });
      await new Promise((resolve) => setTimeout(resolve, 2500));
      await relay.stop();
      expect(pids).toHaveLength(2);
      expectAllReaped();
      const received = await readRecording((await rtmp.recordings(name))[0]!);
      expect(received.runs.map((run) => run.colour)).toEqual(['yellow']);
      expect(received.seconds).toBeGreaterThan(1);
    } finally {
      await publisher.kill();
    }
  }, 40_000);

  it('a live source that cannot be opened is PullStreamFailed, with ffmpeg’s words, and leaves no process', async () => {
    const { ledger, expectAllReaped } = ledgerSpy();
    const { ended } = watch({
      source: { kind: 'live', url: `http://127.0.0.1:${await freePort()}/live.flv?auth_key=SECRET` },
      ledger,
    });
    const end = await ended;
    expect(end).toEqual({
      kind: 'failed',
      reason: 'PullStreamFailed',
      detail: expect.stringMatching(/^http:\/\/127\.0\.0\.1:\d+\/live\.flv\?auth_key=\*\*\*: Connection refused$/),
    });
    expectAllReaped();
  });

  it('a destination that dies mid-stream is PushStreamFailed', async () => {
    const doomed = await startRtmpServer();
    try {
      const { running, ended } = watch({
        source: { kind: 'list', files, plan: plan([0, 1], 0, true) },
        destination: doomed.urlOf('x'),
      });
      await running;
      await new Promise((resolve) => setTimeout(resolve, 1000));
      await doomed.stop();
      expect(await ended).toMatchObject({ kind: 'failed', reason: 'PushStreamFailed' });
    } finally {
      await doomed.stop();
    }
  });
});
