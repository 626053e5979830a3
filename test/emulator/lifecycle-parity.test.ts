/**
 * The same scripted lifecycle through our client and through Alibaba's official core, against one
 * emulator: both must give the outcomes a faithful service gives, step for step.
 */
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { OperationName } from '../../generated/operations.js';
import { methodName } from '../../src/client/operation-types.js';
import { type RunningEmulator, startEmulator } from '../../src/emulator/server.js';
import { createLiveClient, LiveApiError } from '../../src/index.js';
import { type SignatureVersion, signatureVersions } from '../../src/wire/signature-schemes.js';
import { officialClient } from '../support/official-sdk.js';
import { clockControl } from './control-client.js';
import { type CallAdapter, EXPECTED_LIFECYCLE, runLifecycleScript } from './lifecycle-script.js';

let emulator: RunningEmulator;

beforeAll(async () => {
  emulator = await startEmulator({ qpsLimit: Infinity });
});
afterAll(async () => {
  await emulator.close();
});

/** Our client as a {@link CallAdapter}: the method named after the action, errors reduced to their code. */
function ourAdapter(signatureVersion: SignatureVersion): CallAdapter {
  const client = createLiveClient({
    endpoint: emulator.url,
    credentials: emulator.credentials,
    signatureVersion,
    rateLimit: { enabled: false },
  });
  return async (action: OperationName, params) => {
    const call = client[methodName(action)] as unknown as (p: unknown) => Promise<Record<string, unknown>>;
    try {
      return await call.call(client, params);
    } catch (error) {
      if (error instanceof LiveApiError) throw Object.assign(new Error(error.message), { code: error.code });
      throw error;
    }
  };
}

describe('scripted lifecycle: our client and the official core agree', () => {
  for (const version of signatureVersions) {
    it(`live-relay client (${version}) gives the expected outcomes`, async () => {
      const outcomes = await runLifecycleScript(ourAdapter(version), clockControl(emulator.url));
      expect(outcomes).toEqual(EXPECTED_LIFECYCLE);
    });
  }

  it('openapi-core and live-relay give identical outcome lists', async () => {
    const official = officialClient('openapi-core-v3', emulator.endpoint, emulator.credentials);
    try {
      const theirs = await runLifecycleScript(official.call, clockControl(emulator.url));
      const ours = await runLifecycleScript(ourAdapter('v3'), clockControl(emulator.url));
      expect(ours).toEqual(theirs);
    } finally {
      official.close();
    }
  });
});
