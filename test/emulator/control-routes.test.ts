import { afterAll, beforeAll, beforeEach, describe, expect, it } from 'vitest';
import { type RunningEmulator, startEmulator } from '../../src/emulator/server.js';
import { control } from './control-client.js';
import { createParams, expectError, expectOk, REGION } from './fixtures.js';
import { destroyAgent, sendRaw, sendSigned } from './signed-request.js';

let emulator: RunningEmulator;

beforeAll(async () => {
  emulator = await startEmulator({ qpsLimit: Infinity });
});
afterAll(async () => {
  destroyAgent();
  await emulator.close();
});
beforeEach(async () => {
  expectOk(await control(emulator.url, 'POST', 'reset'));
});

const call = (action: string, params: Record<string, string>, nonce?: string) =>
  sendSigned(emulator.url, {
    action,
    params,
    credentials: emulator.credentials,
    method: action === 'CreateLivePullToPush' ? 'POST' : 'GET',
    ...(nonce === undefined ? {} : { nonce }),
  });

async function runningTask(): Promise<string> {
  const created = await call('CreateLivePullToPush', createParams(emulator.service.now(), {}, 60));
  expectOk(created);
  expectOk(await control(emulator.url, 'POST', 'clock', { advanceSeconds: 120 }));
  return created.body.TaskId;
}

describe('/_emulator/clock', () => {
  it('reads and advances the task clock', async () => {
    const before = await control(emulator.url, 'GET', 'clock');
    expectOk(before);
    const advanced = await control(emulator.url, 'POST', 'clock', { advanceSeconds: 3600 });
    expectOk(advanced);
    const delta = Date.parse(advanced.body.now) - Date.parse(before.body.now);
    expect(delta).toBeGreaterThanOrEqual(3600_000);
    expect(delta).toBeLessThan(3600_000 + 60_000);
  });

  it('runs transitions that fall due: an idle task starts', async () => {
    const created = await call('CreateLivePullToPush', createParams(emulator.service.now(), {}, 600));
    const describe = () => call('DescribeLivePullToPush', { Region: REGION, TaskId: created.body.TaskId });
    expect((await describe()).body.TaskStatus).toBe(0);
    await control(emulator.url, 'POST', 'clock', { advanceSeconds: 601 });
    expect((await describe()).body.TaskStatus).toBe(1);
  });

  it('refuses bad input with 400 InvalidParameter naming advanceSeconds', async () => {
    for (const body of [{ advanceSeconds: -1 }, { advanceSeconds: '60' }, { advanceSeconds: 1e12 }, {}, []]) {
      const res = await control(emulator.url, 'POST', 'clock', body);
      expectError(res, 'InvalidParameter');
    }
    const res = await control(emulator.url, 'POST', 'clock', { advanceSeconds: -5 });
    expect(res.body.Message).toContain('advanceSeconds');
    const broken = await sendRaw(emulator.url, {
      method: 'POST',
      path: '/_emulator/clock',
      body: '{"advanceSeconds":',
    });
    expectError(broken, 'InvalidParameter');
    expect(broken.body.Message).toContain('JSON');
  });
});

describe('/_emulator/faults', () => {
  it('makes a running task fail (Recovering) and, past its retries, stop (Offline)', async () => {
    const taskId = await runningTask();
    expectOk(await control(emulator.url, 'POST', 'faults', { TaskId: taskId, Reason: 'PullStreamFailed' }));
    const recovering = await call('DescribeLivePullToPush', { Region: REGION, TaskId: taskId });
    expect(recovering.body.TaskStatus).toBe(2);
    await control(emulator.url, 'POST', 'clock', { advanceSeconds: 3600 });
    const offline = await call('DescribeLivePullToPush', { Region: REGION, TaskId: taskId });
    expect(offline.body.TaskStatus).toBe(3);
    expect(offline.body.TaskInvalidReason).toBe('PullStreamFailed');
  });

  it('recovers after the given retry', async () => {
    const taskId = await runningTask();
    expectOk(
      await control(emulator.url, 'POST', 'faults', {
        TaskId: taskId,
        Reason: 'PushStreamFailed',
        RecoverAfterRetries: 1,
      }),
    );
    await control(emulator.url, 'POST', 'clock', { advanceSeconds: 61 });
    expect((await call('DescribeLivePullToPush', { Region: REGION, TaskId: taskId })).body.TaskStatus).toBe(1);
  });

  it('refuses bad input and unknown or idle tasks', async () => {
    expectError(await control(emulator.url, 'POST', 'faults', { Reason: 'PullStreamFailed' }), 'InvalidParameter');
    const badReason = await control(emulator.url, 'POST', 'faults', { TaskId: 'x', Reason: 'Meteor' });
    expectError(badReason, 'InvalidParameter');
    expect(badReason.body.Message).toContain('Reason');
    expectError(
      await control(emulator.url, 'POST', 'faults', { TaskId: 'no-such-task', Reason: 'PullStreamFailed' }),
      'CodeTaskNotExist',
    );
    const idle = await call('CreateLivePullToPush', createParams(emulator.service.now(), {}, 600));
    expectError(
      await control(emulator.url, 'POST', 'faults', { TaskId: idle.body.TaskId, Reason: 'PullStreamFailed' }),
      'CodeTaskHasStopped',
    );
  });
});

describe('/_emulator/reset', () => {
  it('forgets tasks, arrivals and used nonces', async () => {
    expectOk(await call('CreateLivePullToPush', createParams(emulator.service.now()), 'nonce-before-reset'));
    expectOk(await control(emulator.url, 'POST', 'reset'));
    const listed = await call('DescribeLivePullToPushList', { Region: REGION }, 'nonce-before-reset');
    expectOk(listed);
    expect(listed.body.Total).toBe(0);
    const arrivals = await control(emulator.url, 'GET', 'requests');
    expect(arrivals.body.Requests[emulator.credentials.accessKeyId]).toHaveLength(1);
  });
});

describe('routing of control requests', () => {
  it('answers an unknown route with 404 and a wrong method with UnsupportedHTTPMethod', async () => {
    expectError(await control(emulator.url, 'GET', 'nothing-here'), 'InvalidAction.NotFound');
    expectError(await control(emulator.url, 'GET', 'constructor'), 'InvalidAction.NotFound');
    expectError(await control(emulator.url, 'GET', 'reset'), 'UnsupportedHTTPMethod');
    expectError(await control(emulator.url, 'POST', 'requests'), 'UnsupportedHTTPMethod');
  });
});
