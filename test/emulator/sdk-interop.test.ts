/**
 * The emulator driven by Alibaba's official SDK cores (openapi-core 1.0.8, openapi-client 0.4.15,
 * pop-core 1.8.0) over real HTTP: what they send must verify, what we answer must parse, and
 * errors must surface through them with the right code.
 */
import { createRequire } from 'node:module';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { type OperationName, operations } from '../../generated/operations.js';
import { type RunningEmulator, startEmulator } from '../../src/emulator/server.js';
import type { Credentials } from '../../src/wire/credentials.js';
import { CallFailure, officialClient, SDK_CLIENTS, type SdkClient } from '../support/official-sdk.js';
import { clockControl } from './control-client.js';
import { EXPECTED_LIFECYCLE, runLifecycleScript } from './lifecycle-script.js';
import { destroyAgent } from './signed-request.js';

const require = createRequire(import.meta.url);
const { ClientError, ThrottlingError } = require('@alicloud/openapi-core');

const REGION = 'cn-shanghai';
/** One key pair per client, so that the per-key limit of 10 calls/s does not couple the clients. */
const KEYS: Credentials[] = Array.from({ length: 12 }, (_, i) => ({
  accessKeyId: `LTAIinterop${i}`,
  accessKeySecret: `interop-secret-${i}`,
}));
const STS: Credentials = {
  accessKeyId: 'STS.interop',
  accessKeySecret: 'sts-interop-secret',
  securityToken: 'sts-token-interop',
};

let emulator: RunningEmulator;
const clients: SdkClient[] = [];

beforeAll(async () => {
  emulator = await startEmulator({ credentials: [...KEYS, STS] });
});
afterAll(async () => {
  for (const client of clients) client.close();
  destroyAgent();
  await emulator.close();
});

function track<T extends SdkClient>(client: T): T {
  clients.push(client);
  return client;
}

/** Resolves with the error code a call failed with, or `OK`. */
async function outcome(promise: Promise<unknown>): Promise<string> {
  try {
    await promise;
    return 'OK';
  } catch (error) {
    if (error instanceof CallFailure) return error.code;
    throw error;
  }
}

describe('the seven operations through each official core', () => {
  SDK_CLIENTS.forEach(({ name, create: createClient }, index) => {
    it(`${name}: each succeeds where the operation table accepts the method, else UnsupportedHTTPMethod`, async () => {
      const client = track(createClient(emulator.endpoint, KEYS[index]!));
      expect(client.name).toBe(name);
      const method = name === 'pop-core POST' ? 'POST' : name === 'pop-core GET' ? 'GET' : undefined;
      // openapi-* send what the generated Live SDK sends (operations[action].method); pop-core sends `method`.
      const expected = (action: OperationName) =>
        method === undefined || (operations[action].acceptedMethods as readonly string[]).includes(method)
          ? 'OK'
          : 'UnsupportedHTTPMethod';
      const clock = clockControl(emulator.url);
      const now = await clock.now();
      const utc = (ms: number) => `${new Date(ms).toISOString().slice(0, 19)}Z`;

      let taskId = '';
      const create = client
        .call('CreateLivePullToPush', {
          Region: REGION,
          TaskName: `interop ${name} 测试 (1)*!'~`,
          StartTime: utc(now.getTime() + 60_000),
          EndTime: utc(now.getTime() + 3600_000),
          SourceType: 'url',
          SourceUrls: ['http://example.com/v(1)~!*.mp4', 'http://example.com/b.flv?x=1&y=2'],
          DstUrl: `rtmp://push.example.com/app/${index}-${Date.now()}`,
          RepeatNumber: -1,
          CallbackUrl: 'https://callback.example.com/notify?a=1 b',
        })
        .then((body) => {
          taskId = String(body['TaskId']);
          expect(body['RetCode']).toBe(0);
        });
      expect(await outcome(create)).toBe(expected('CreateLivePullToPush'));
      if (taskId === '') {
        // This transport cannot create; make the task another way so the other calls have one.
        const other = track(officialClient('openapi-core-v3', emulator.endpoint, KEYS[index + 6]!));
        taskId = (
          await other.call('CreateLivePullToPush', {
            Region: REGION,
            StartTime: utc(now.getTime() + 60_000),
            EndTime: utc(now.getTime() + 3600_000),
            SourceType: 'url',
            SourceUrls: ['http://example.com/a.mp4'],
            DstUrl: `rtmp://push.example.com/app/x${index}-${Date.now()}`,
          })
        )['TaskId'] as string;
      }
      const task = { Region: REGION, TaskId: taskId };

      expect(
        await outcome(
          client.call('UpdateLivePullToPush', {
            ...task,
            RepeatNumber: 2,
            FileIndex: 1,
            SourceUrls: ['http://example.com/c.mp4', 'http://example.com/d.mp4'],
          }),
        ),
      ).toBe(expected('UpdateLivePullToPush'));
      expect(
        await outcome(
          client.call('DescribeLivePullToPush', task).then((body) => {
            expect(body['TaskId']).toBe(taskId);
            expect(body['TaskInfo']).toMatchObject({ SourceType: 'url' });
          }),
        ),
      ).toBe(expected('DescribeLivePullToPush'));
      expect(
        await outcome(
          client.call('DescribeLivePullToPushList', { Region: REGION, TaskId: taskId, PageSize: 5 }).then((body) => {
            expect(body['Total']).toBe(1);
            expect((body['TaskList'] as { TaskId: string }[])[0]?.TaskId).toBe(taskId);
          }),
        ),
      ).toBe(expected('DescribeLivePullToPushList'));
      await clock.advance(120);
      expect(await outcome(client.call('StopLivePullToPush', task))).toBe(expected('StopLivePullToPush'));
      expect(await outcome(client.call('RestartLivePullToPush', task))).toBe(expected('RestartLivePullToPush'));
      expect(await outcome(client.call('DeleteLivePullToPush', task))).toBe(expected('DeleteLivePullToPush'));
    });
  });

  it('openapi-core with STS credentials (x-acs-security-token / SecurityToken)', async () => {
    for (const signature of ['v3', 'v1'] as const) {
      const client = track(officialClient(`openapi-core-${signature}`, emulator.endpoint, STS));
      const body = await client.call('DescribeLivePullToPushList', { Region: REGION });
      expect(body['PageNumber']).toBe(1);
    }
    const popSts = track(officialClient('popcore-get', emulator.endpoint, STS));
    expect((await popSts.call('DescribeLivePullToPushList', { Region: REGION }))['PageNumber']).toBe(1);
  });
});

describe('errors surface through the official cores', () => {
  const missing = { Region: REGION, TaskId: 'no-such-task' };

  it('openapi-core throws ClientError with code, status and requestId', async () => {
    for (const signature of ['v3', 'v1'] as const) {
      const client = track(officialClient(`openapi-core-${signature}`, emulator.endpoint, KEYS[0]!));
      const failure = await client.call('DescribeLivePullToPush', missing).catch((error: unknown) => error);
      expect(failure).toBeInstanceOf(CallFailure);
      const original = (failure as CallFailure).original;
      expect(original).toBeInstanceOf(ClientError);
      expect(original.code).toBe('CodeTaskNotExist');
      expect(original.statusCode).toBe(400);
      expect(original.requestId).toMatch(/^[0-9A-F-]{36}$/);
    }
  });

  it('openapi-client throws with code and status', async () => {
    for (const signature of ['v3', 'v1'] as const) {
      const client = track(officialClient(`openapi-client-${signature}`, emulator.endpoint, KEYS[1]!));
      const failure = (await client
        .call('DescribeLivePullToPush', missing)
        .catch((error: unknown) => error)) as CallFailure;
      expect(failure.code).toBe('CodeTaskNotExist');
      expect(failure.status).toBe(400);
    }
  });

  it('pop-core throws <Code>Error for GET and POST', async () => {
    for (const method of ['GET', 'POST'] as const) {
      const client = track(
        officialClient(method === 'GET' ? 'popcore-get' : 'popcore-post', emulator.endpoint, KEYS[2]!),
      );
      const failure = (await client
        .call('CreateLivePullToPush', { Region: REGION })
        .catch((error: unknown) => error)) as CallFailure;
      expect(failure.code).toBe('MissingStartTime');
      expect(failure.original.name).toBe('MissingStartTimeError');
      expect(failure.status).toBe(400);
    }
  });

  it('a wrong secret is SignatureDoesNotMatch for every core', async () => {
    for (const { create: createClient } of SDK_CLIENTS) {
      const client = track(
        createClient(emulator.endpoint, { accessKeyId: KEYS[3]!.accessKeyId, accessKeySecret: 'not-the-secret' }),
      );
      // Create, because every transport may send it (pop-core POST included); the signature is checked before the parameters.
      expect(await outcome(client.call('CreateLivePullToPush', { Region: REGION })), client.name).toBe(
        'SignatureDoesNotMatch',
      );
    }
  });

  it('openapi-core throws ThrottlingError with retryAfter on the 11th call in one second; pop-core sees Throttling.User', async () => {
    const frozen = Date.now();
    const throttled = await startEmulator({ wallClock: () => frozen });
    try {
      const client = track(officialClient('openapi-core-v3', throttled.endpoint, throttled.credentials));
      for (let i = 0; i < 10; i++) await client.call('DescribeLivePullToPushList', { Region: REGION });
      const failure = (await client
        .call('DescribeLivePullToPushList', { Region: REGION })
        .catch((error: unknown) => error)) as CallFailure;
      expect(failure.original).toBeInstanceOf(ThrottlingError);
      expect(failure.original.code).toBe('Throttling.User');
      expect(failure.original.statusCode).toBe(400);
      expect(failure.original.retryAfter).toBe(1000);

      const pop = track(officialClient('popcore-get', throttled.endpoint, throttled.credentials));
      const popFailure = (await pop
        .call('DescribeLivePullToPushList', { Region: REGION })
        .catch((error: unknown) => error)) as CallFailure;
      expect(popFailure.code).toBe('Throttling.User');
      expect(popFailure.original.entry?.response?.headers['x-acs-retry-after']).toBe('1000');
    } finally {
      await throttled.close();
    }
  });
});

describe('scripted lifecycle through the official cores', () => {
  // The script makes 17 calls as fast as it can; the per-key limit is not what it is about.
  let unthrottled: RunningEmulator;
  beforeAll(async () => {
    unthrottled = await startEmulator({ qpsLimit: Infinity });
  });
  afterAll(async () => {
    await unthrottled.close();
  });
  const runs: [string, (emulator: RunningEmulator, key: Credentials) => SdkClient][] = [
    ['openapi-core v3', (e, k) => officialClient('openapi-core-v3', e.endpoint, k)],
    ['openapi-core v1', (e, k) => officialClient('openapi-core-v1', e.endpoint, k)],
    ['pop-core GET', (e, k) => officialClient('popcore-get', e.endpoint, k)],
  ];
  runs.forEach(([name, make], _index) => {
    it(name, async () => {
      const client = track(make(unthrottled, unthrottled.credentials));
      const outcomes = await runLifecycleScript(client.call, clockControl(unthrottled.url));
      expect(outcomes).toEqual(EXPECTED_LIFECYCLE);
    });
  });
});
