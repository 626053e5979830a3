import { beforeEach, describe, expect, it } from 'vitest';
import { errorCodes } from '../../generated/operations.js';
import type { RunningEmulator } from '../../src/emulator/server.js';
import { CallFailure, officialClient } from '../support/official-sdk.js';
import { control } from './control-client.js';
import { emulatorPerFile } from './emulator-per-file.js';
import { createParams, expectError, expectOk, REGION } from './fixtures.js';
import { sendSigned } from './signed-request.js';

const current = emulatorPerFile();
let emulator: RunningEmulator;
beforeEach(() => {
  emulator = current();
});

const describeCall = () =>
  sendSigned(emulator.url, {
    action: 'DescribeLivePullToPushList',
    params: { Region: REGION },
    credentials: emulator.credentials,
    method: 'GET',
  });

describe('POST /_emulator/errors', () => {
  it.each(Object.keys(errorCodes))('makes the next signed call answer %s with its status and shape', async (code) => {
    const injected = await control(emulator.url, 'POST', 'errors', { Code: code });
    expectOk(injected);
    expect(injected.body.Pending).toEqual([{ Code: code, Times: 1 }]);
    const res = await describeCall();
    expectError(res, code);
    expect(res.body.Message).not.toMatch(/%s/);
    expectOk(await describeCall());
  });

  it('matches only the Action given, Times calls in a row, and the arrival log records the code', async () => {
    expectOk(
      await control(emulator.url, 'POST', 'errors', {
        Code: 'InternalError',
        Action: 'CreateLivePullToPush',
        Times: 2,
      }),
    );
    expectOk(await describeCall());
    const create = () =>
      sendSigned(emulator.url, {
        action: 'CreateLivePullToPush',
        params: createParams(emulator.service.now()),
        credentials: emulator.credentials,
        method: 'POST',
      });
    expectError(await create(), 'InternalError');
    expectError(await create(), 'InternalError');
    expectOk(await create());
    const log = await control(emulator.url, 'GET', `requests?AccessKeyId=${emulator.credentials.accessKeyId}`);
    expect(
      (log.body.Requests[emulator.credentials.accessKeyId] as { action: string; outcome: string }[]).map(
        (r) => `${r.action} ${r.outcome}`,
      ),
    ).toEqual([
      'DescribeLivePullToPushList OK',
      'CreateLivePullToPush InternalError',
      'CreateLivePullToPush InternalError',
      'CreateLivePullToPush OK',
    ]);
  });

  it('DELETE drops what is pending', async () => {
    expectOk(await control(emulator.url, 'POST', 'errors', { Code: 'CodeInvalidAliUid', Times: 5 }));
    const cleared = await control(emulator.url, 'DELETE', 'errors');
    expectOk(cleared);
    expect(cleared.body.Cleared).toBe(1);
    expectOk(await describeCall());
  });

  it('refuses a code the spec does not list with 400, naming the codes it accepts; and bad Action or Times', async () => {
    const unknown = await control(emulator.url, 'POST', 'errors', { Code: 'NoSuchCode' });
    expectError(unknown, 'InvalidParameter');
    expect(unknown.body.Message).toMatch(
      /Code must be an error code the spec lists: .*CodeInvalidAliUid.*InternalError/,
    );
    expectError(
      await control(emulator.url, 'POST', 'errors', { Code: 'InternalError', Action: 'Nope' }),
      'InvalidParameter',
    );
    expectError(await control(emulator.url, 'POST', 'errors', { Code: 'InternalError', Times: 0 }), 'InvalidParameter');
    expectOk(await describeCall());
  });
});

describe('injected errors as the official SDK cores see them', () => {
  const clients = [
    ['openapi-core v3', (e: RunningEmulator) => officialClient('openapi-core-v3', e.endpoint, e.credentials)],
    ['pop-core GET', (e: RunningEmulator) => officialClient('popcore-get', e.endpoint, e.credentials)],
  ] as const;
  for (const [name, make] of clients) {
    it(`${name}: CodeInvalidAliUid (400) and InternalError (500)`, async () => {
      const sdk = make(emulator);
      try {
        for (const [code, status] of [
          ['CodeInvalidAliUid', 400],
          ['InternalError', 500],
        ] as const) {
          expectOk(await control(emulator.url, 'POST', 'errors', { Code: code, Action: 'DescribeLivePullToPushList' }));
          const failure = await sdk.call('DescribeLivePullToPushList', { Region: REGION }).then(
            () => undefined,
            (error: unknown) => error,
          );
          expect(failure).toBeInstanceOf(CallFailure);
          expect(failure).toMatchObject({ code, status });
        }
        expect(await sdk.call('DescribeLivePullToPushList', { Region: REGION })).toMatchObject({ Total: 0 });
      } finally {
        sdk.close();
      }
    });
  }
});
