/**
 * What a user imports: `live-relay` resolves through package.json `exports` to the single-file
 * bundle `dist/live-relay.js` (built by `npm run build`, which `npm test` runs first). The bundle
 * must expose the same API as the sources and make a signed call the emulator accepts.
 */
import { existsSync } from 'node:fs';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { type RunningEmulator, startEmulator } from '../../src/emulator/server.js';
import * as source from '../../src/index.js';

const bundle = new URL('../../dist/live-relay.js', import.meta.url);
const built = existsSync(bundle);

describe.skipIf(!built)(`the published entry (dist/live-relay.js${built ? '' : ' missing: run npm run build'})`, () => {
  let emulator: RunningEmulator;
  beforeAll(async () => {
    emulator = await startEmulator();
  });
  afterAll(async () => {
    await emulator.close();
  });

  it('resolves live-relay to the bundle and exports what src/index.ts exports', async () => {
    expect(import.meta.resolve('live-relay')).toBe(bundle.href);
    const published = await import('live-relay');
    expect(Object.keys(published).sort()).toEqual(Object.keys(source).sort());
  });

  it('makes a signed call the emulator accepts, and reports API errors with their code', async () => {
    const { createLiveClient, LiveApiError } = await import('live-relay');
    const client = createLiveClient({ endpoint: emulator.url, credentials: emulator.credentials });
    const list = await client.describeLivePullToPushList({ Region: 'cn-shanghai' });
    expect(list.Total).toBe(0);
    const failure = await client
      .describeLivePullToPush({ TaskId: 'no-such-task', Region: 'cn-shanghai' })
      .catch((e: unknown) => e);
    expect(failure).toBeInstanceOf(LiveApiError);
    expect((failure as InstanceType<typeof LiveApiError>).code).toBe('CodeTaskNotExist');
  });
});
