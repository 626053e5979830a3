import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { Arrival } from '../../src/emulator/gateway/arrival-log.js';
import { type RunningEmulator, startEmulator } from '../../src/emulator/server.js';
import { control } from './control-client.js';
import { createParams, expectOk, REGION } from './fixtures.js';
import { destroyAgent, sendSigned } from './signed-request.js';

const CLIENTS = 50;
/** One key per client, as 50 separate accounts would call. */
const KEYS = Array.from({ length: CLIENTS }, (_, i) => ({
  accessKeyId: `LTAIconcurrent${i}`,
  accessKeySecret: `secret-${i}`,
}));

let emulator: RunningEmulator;

beforeAll(async () => {
  emulator = await startEmulator({ credentials: KEYS });
});
afterAll(async () => {
  destroyAgent();
  await emulator.close();
});

describe('concurrent updates of one task', () => {
  it('leave the task as the last update the gateway processed left it', async () => {
    const created = await sendSigned(emulator.url, {
      action: 'CreateLivePullToPush',
      method: 'POST',
      params: createParams(emulator.service.now(), {}, 30),
      credentials: emulator.credentials,
    });
    expectOk(created);
    const task = { Region: REGION, TaskId: created.body.TaskId as string };
    expectOk(await control(emulator.url, 'POST', 'clock', { advanceSeconds: 60 }));
    expectOk(
      await sendSigned(emulator.url, { action: 'StopLivePullToPush', params: task, credentials: emulator.credentials }),
    );

    // Client i writes RepeatNumber i and FileIndex i % 3 (the task has three SourceUrls).
    const answers = await Promise.all(
      KEYS.map((credentials, i) =>
        sendSigned(emulator.url, {
          action: 'UpdateLivePullToPush',
          params: { ...task, RepeatNumber: String(i), FileIndex: String(i % 3) },
          credentials,
          signature: i % 2 === 0 ? 'v3' : 'v1',
        }),
      ),
    );
    answers.forEach(expectOk);

    const log = await control(emulator.url, 'GET', 'requests');
    const updates = KEYS.map((key, i) => {
      const arrivals: Arrival[] = log.body.Requests[key.accessKeyId];
      expect(arrivals).toHaveLength(1);
      expect(arrivals[0]!.outcome).toBe('OK');
      return { client: i, seq: arrivals[0]!.seq };
    });
    const last = updates.reduce((a, b) => (b.seq > a.seq ? b : a));

    const described = await sendSigned(emulator.url, {
      action: 'DescribeLivePullToPush',
      params: task,
      credentials: emulator.credentials,
    });
    expectOk(described);
    expect(described.body.TaskStatus).toBe(3);
    expect(described.body.TaskInfo.RepeatNumber).toBe(last.client);
    expect(described.body.TaskInfo.FileIndex).toBe(last.client % 3);
  });
});
