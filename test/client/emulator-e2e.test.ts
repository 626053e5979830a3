/** The client against the real emulator (`startEmulator()`), over HTTP. */
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { type RunningEmulator, startEmulator } from '../../src/emulator/server.js';
import { type AttemptEvent, createLiveClient, LiveApiError, type LiveClient } from '../../src/index.js';
import { type SignatureVersion, signatureVersions } from '../../src/wire/signature-schemes.js';

const BURST_KEY = { accessKeyId: `burst-${process.pid}`, accessKeySecret: 'burst-secret' };

let emulator: RunningEmulator;
beforeAll(async () => {
  emulator = await startEmulator({ credentials: [BURST_KEY] });
});
afterAll(() => emulator.close());

const utc = (ms: number) => new Date(ms).toISOString().replace(/\.\d{3}Z$/, 'Z');

function clientFor(signatureVersion: SignatureVersion): LiveClient {
  return createLiveClient({ endpoint: emulator.url, credentials: emulator.credentials, signatureVersion });
}

describe.each(signatureVersions)('every operation, %s signature', (signatureVersion) => {
  it('creates, reads, lists, updates, stops, restarts and deletes a task', async () => {
    const client = clientFor(signatureVersion);
    const now = Date.now();
    const dstUrl = `rtmp://push.example.com/app/${signatureVersion}-${now}`;
    const created = await client.createLivePullToPush({
      Region: 'cn-shanghai',
      TaskName: `e2e ${signatureVersion}`,
      StartTime: utc(now - 60_000),
      EndTime: utc(now + 3_600_000),
      SourceType: 'live',
      SourceProtocol: 'rtmp',
      SourceUrls: ['rtmp://source.example.com/app/stream'],
      DstUrl: dstUrl,
    });
    const TaskId = created.TaskId;
    expect(TaskId).toEqual(expect.any(String));

    const described = await client.describeLivePullToPush({ TaskId, Region: 'cn-shanghai' });
    expect(described.TaskInfo).toMatchObject({
      TaskId,
      DstUrl: dstUrl,
      SourceUrls: ['rtmp://source.example.com/app/stream'],
    });
    expect(described.TaskStatus).toBe(1);

    const listed: string[] = [];
    for await (const task of client.paginateLivePullToPushList({
      Region: 'cn-shanghai',
      TaskName: `e2e ${signatureVersion}`,
    }))
      listed.push(task.TaskId);
    expect(listed).toContain(TaskId);

    await client.updateLivePullToPush({
      TaskId,
      Region: 'cn-shanghai',
      CallbackUrl: 'https://callback.example.com/hook?a=1 b',
    });
    expect((await client.describeLivePullToPush({ TaskId, Region: 'cn-shanghai' })).TaskInfo.CallbackURL).toBe(
      'https://callback.example.com/hook?a=1 b',
    );

    expect((await client.stopLivePullToPush({ TaskId, Region: 'cn-shanghai' })).TaskId).toBe(TaskId);
    expect((await client.describeLivePullToPush({ TaskId, Region: 'cn-shanghai' })).TaskStatus).toBe(3);
    expect((await client.restartLivePullToPush({ TaskId, Region: 'cn-shanghai' })).TaskId).toBe(TaskId);
    expect((await client.describeLivePullToPush({ TaskId, Region: 'cn-shanghai' })).TaskStatus).toBe(1);

    const deleted = await client.deleteLivePullToPush({ TaskId, Region: 'cn-shanghai' });
    expect(deleted.RequestId).toEqual(expect.any(String));
  });
});

describe('API errors', () => {
  it('surfaces CodeTaskNotExist with its code, message, RequestId and HTTP status, without retrying', async () => {
    const events: AttemptEvent[] = [];
    const client = createLiveClient({
      endpoint: emulator.url,
      credentials: emulator.credentials,
      logger: (e) => events.push(e),
    });
    const error: unknown = await client
      .describeLivePullToPush({ TaskId: 'no-such-task', Region: 'cn-shanghai' })
      .catch((e: unknown) => e);
    expect(error).toBeInstanceOf(LiveApiError);
    expect(error).toMatchObject({
      code: 'CodeTaskNotExist',
      statusCode: 400,
      attempts: 1,
      requestId: expect.any(String),
    });
    expect((error as LiveApiError).requestId).toBe(events[0]?.requestId);
    expect((error as LiveApiError).message.length).toBeGreaterThan(0);
  });
});

describe('rate limit against the emulator’s throttle', () => {
  it('completes a burst of 100 calls with no Throttling.User', async () => {
    const events: AttemptEvent[] = [];
    const client = createLiveClient({ endpoint: emulator.url, credentials: BURST_KEY, logger: (e) => events.push(e) });
    const results = await Promise.all(
      Array.from({ length: 100 }, () => client.describeLivePullToPushList({ Region: 'cn-shanghai', PageSize: 1 })),
    );
    expect(results).toHaveLength(100);
    expect(events.filter((e) => e.errorCode !== undefined)).toEqual([]);

    const log = (await (
      await fetch(`${emulator.url}/_emulator/requests?AccessKeyId=${BURST_KEY.accessKeyId}`)
    ).json()) as {
      Requests: Record<string, { outcome: string }[]>;
    };
    const outcomes = log.Requests[BURST_KEY.accessKeyId]!.map((r) => r.outcome);
    expect(outcomes).toHaveLength(100);
    expect(outcomes.filter((o) => o !== 'OK')).toEqual([]);
  }, 30_000);
});
