import { afterAll, beforeAll, beforeEach, expect } from 'vitest';
import { type EmulatorOptions, type RunningEmulator, startEmulator } from '../../src/emulator/server.js';
import { control } from './control-client.js';
import { expectOk } from './fixtures.js';
import { destroyAgent } from './signed-request.js';

/**
 * One in-process emulator for a test file (throttling off unless `options` says otherwise),
 * reset through `POST /_emulator/reset` before each test and closed after the last. Returns a
 * getter, since the emulator exists only once `beforeAll` has run.
 */
export function emulatorPerFile(options: EmulatorOptions = {}): () => RunningEmulator {
  let emulator: RunningEmulator | undefined;
  beforeAll(async () => {
    emulator = await startEmulator({ qpsLimit: Infinity, ...options });
  });
  afterAll(async () => {
    destroyAgent();
    await emulator?.close();
  });
  beforeEach(async () => {
    expectOk(await control(current().url, 'POST', 'reset'));
  });
  const current = (): RunningEmulator => {
    expect(emulator, 'the emulator starts in beforeAll').toBeDefined();
    return emulator!;
  };
  return current;
}
