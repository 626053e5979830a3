import { afterAll, afterEach, beforeAll, describe, expect, it } from 'vitest';
import { QPS_LIMIT_PER_ACCOUNT } from '../../generated/operations.js';
import type { Arrival } from '../../src/emulator/gateway/arrival-log.js';
import { type RunningEmulator, startEmulator } from '../../src/emulator/server.js';
import { control } from './control-client.js';
import { expectError, expectOk, REGION } from './fixtures.js';
import { destroyAgent, sendSigned } from './signed-request.js';

const A = { accessKeyId: 'LTAIthrottleA', accessKeySecret: 'secret-a' };
const B = { accessKeyId: 'LTAIthrottleB', accessKeySecret: 'secret-b' };

afterAll(() => destroyAgent());

const list = (emulator: RunningEmulator, credentials: typeof A, signature: 'v3' | 'v1' = 'v3') =>
  sendSigned(emulator.url, {
    action: 'DescribeLivePullToPushList',
    params: { Region: REGION },
    credentials,
    signature,
  });

describe('per-key throttle on a frozen wall clock', () => {
  let emulator: RunningEmulator;
  let now = Date.now();
  beforeAll(async () => {
    emulator = await startEmulator({ credentials: [A, B], wallClock: () => now });
  });
  afterAll(() => emulator.close());
  afterEach(async () => {
    await control(emulator.url, 'POST', 'reset');
  });

  it(`admits ${QPS_LIMIT_PER_ACCOUNT} calls in one second and refuses the next with Throttling.User and x-acs-retry-after`, async () => {
    const answers = await Promise.all(
      Array.from({ length: QPS_LIMIT_PER_ACCOUNT + 1 }, (_, i) => list(emulator, A, i % 2 === 0 ? 'v3' : 'v1')),
    );
    const refused = answers.filter((res) => res.status !== 200);
    expect(answers.filter((res) => res.status === 200)).toHaveLength(QPS_LIMIT_PER_ACCOUNT);
    expect(refused).toHaveLength(1);
    expectError(refused[0]!, 'Throttling.User');
    expect(refused[0]!.headers['x-acs-retry-after']).toBe('1000');

    expectOk(await list(emulator, B));
  });

  it('frees a slot exactly one second after the oldest admitted call', async () => {
    for (let i = 0; i < QPS_LIMIT_PER_ACCOUNT; i++) expectOk(await list(emulator, A));
    now += 999;
    const early = await list(emulator, A);
    expectError(early, 'Throttling.User');
    expect(early.headers['x-acs-retry-after']).toBe('1');
    now += 1;
    expectOk(await list(emulator, A));
  });

  it('counts only requests whose signature verified', async () => {
    const forged = { accessKeyId: A.accessKeyId, accessKeySecret: 'wrong' };
    for (let i = 0; i < 3 * QPS_LIMIT_PER_ACCOUNT; i++)
      expectError(await list(emulator, forged), 'SignatureDoesNotMatch');
    for (let i = 0; i < QPS_LIMIT_PER_ACCOUNT; i++) expectOk(await list(emulator, A));
  });

  it('records every verified arrival with its outcome at /_emulator/requests', async () => {
    for (let i = 0; i < QPS_LIMIT_PER_ACCOUNT + 2; i++) await list(emulator, A);
    await list(emulator, B);
    const res = await control(emulator.url, 'GET', `requests?AccessKeyId=${A.accessKeyId}`);
    expectOk(res);
    const arrivals: Arrival[] = res.body.Requests[A.accessKeyId];
    expect(Object.keys(res.body.Requests)).toEqual([A.accessKeyId]);
    expect(arrivals.map((a) => a.outcome)).toEqual([
      ...Array<string>(QPS_LIMIT_PER_ACCOUNT).fill('OK'),
      'Throttling.User',
      'Throttling.User',
    ]);
    expect(arrivals.every((a) => a.action === 'DescribeLivePullToPushList' && a.time === now)).toBe(true);
    const all = await control(emulator.url, 'GET', 'requests');
    expect(all.body.Requests[B.accessKeyId]).toHaveLength(1);
  });
});

describe('per-key throttle in real time', () => {
  let emulator: RunningEmulator;
  beforeAll(async () => {
    emulator = await startEmulator({ credentials: [A] });
  });
  afterAll(() => emulator.close());

  it('never admits more than the limit in any one-second window (checked on the arrival log)', async () => {
    const answers = await Promise.all(Array.from({ length: 40 }, () => list(emulator, A)));
    for (const res of answers) {
      if (res.status === 200) expectOk(res);
      else expectError(res, 'Throttling.User');
    }
    const res = await control(emulator.url, 'GET', 'requests');
    const arrivals: Arrival[] = res.body.Requests[A.accessKeyId];
    expect(arrivals).toHaveLength(40);
    const admitted = arrivals.filter((a) => a.outcome === 'OK').map((a) => a.time);
    expect(admitted.length).toBe(answers.filter((r) => r.status === 200).length);
    expect(admitted.length).toBeGreaterThanOrEqual(QPS_LIMIT_PER_ACCOUNT);
    for (let i = QPS_LIMIT_PER_ACCOUNT; i < admitted.length; i++) {
      expect(admitted[i]! - admitted[i - QPS_LIMIT_PER_ACCOUNT]!).toBeGreaterThanOrEqual(1000);
    }
  });
});

describe('replay protection under a flood of throttled traffic', () => {
  const CAPACITY = 50;
  let emulator: RunningEmulator;
  let now = Date.now();
  beforeAll(async () => {
    emulator = await startEmulator({ credentials: [A], maxNoncesPerKey: CAPACITY, wallClock: () => now });
  });
  afterAll(() => emulator.close());

  it('still refuses a captured request after more requests than it can remember, and turns new ones away instead', async () => {
    const captured = { signedAt: new Date(now), nonce: 'captured-nonce' };
    const replay = () =>
      sendSigned(emulator.url, {
        action: 'DescribeLivePullToPushList',
        params: { Region: REGION },
        credentials: A,
        date: captured.signedAt,
        nonce: captured.nonce,
      });
    expectOk(await replay());

    // Throttled traffic: every request is signed afresh, most are over the limit.
    const flood = [];
    for (let i = 0; i < 3 * CAPACITY; i++) flood.push(await list(emulator, A));
    now += 2000;
    expectError(await replay(), 'SignatureNonceUsed');
    // Memory stays bounded: once the key has used as many nonces as are remembered, new ones are refused.
    const full = flood.filter((res) => res.body.Message?.includes('nonces'));
    expect(full.length).toBe(3 * CAPACITY - (CAPACITY - 1));
    expectError(full[0]!, 'Throttling.User');
    expect(Number(full[0]!.headers['x-acs-retry-after'])).toBe(15 * 60_000);
    now += 5 * 60_000;
    expectError(await replay(), 'SignatureNonceUsed');

    // Once the window has passed the nonces expire and the key is served again.
    now += 10 * 60_000;
    expectOk(
      await sendSigned(emulator.url, {
        action: 'DescribeLivePullToPushList',
        params: { Region: REGION },
        credentials: A,
        date: new Date(now),
      }),
    );
  });
});
