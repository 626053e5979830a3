import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { createLiveClient } from '../../src/index.js';
import { type RecordingServer, startRecordingServer } from '../support/recording-server.js';
import { DESCRIBE_PARAMS, uniqueCredentials } from './fixtures.js';
import { clientOutOfBudget } from './helpers.js';

let server: RecordingServer;
beforeEach(async () => {
  server = await startRecordingServer();
});
afterEach(() => server.close());

async function rejectionOf(promise: Promise<unknown>): Promise<unknown> {
  return promise.then(
    () => {
      throw new Error('expected a rejection');
    },
    (e: unknown) => e,
  );
}

/** Resolves once the server has received `count` requests. */
async function requestsArrived(count: number): Promise<void> {
  while (server.requests.length < count) await new Promise((resolve) => setImmediate(resolve));
}

describe('aborting a call', () => {
  it('rejects with the signal’s reason while the request is in flight', async () => {
    server.script(() => 'hang');
    const client = createLiveClient({ endpoint: server.url, credentials: uniqueCredentials() });
    const controller = new AbortController();
    const call = client.describeLivePullToPush(DESCRIBE_PARAMS, { signal: controller.signal });
    await requestsArrived(1);
    const reason = new Error('user cancelled');
    controller.abort(reason);
    expect(await rejectionOf(call)).toBe(reason);
    expect(server.requests).toHaveLength(1);
  });

  it('rejects with the default AbortError when aborted without a reason', async () => {
    server.script(() => 'hang');
    const client = createLiveClient({ endpoint: server.url, credentials: uniqueCredentials() });
    const controller = new AbortController();
    const call = client.describeLivePullToPush(DESCRIBE_PARAMS, { signal: controller.signal });
    await requestsArrived(1);
    controller.abort();
    expect(await rejectionOf(call)).toMatchObject({ name: 'AbortError' });
  });

  it('sends nothing when the signal has already aborted', async () => {
    const client = createLiveClient({ endpoint: server.url, credentials: uniqueCredentials() });
    const reason = new Error('too late');
    expect(
      await rejectionOf(client.describeLivePullToPush(DESCRIBE_PARAMS, { signal: AbortSignal.abort(reason) })),
    ).toBe(reason);
    expect(server.requests).toHaveLength(0);
  });

  it('stops waiting for a rate-limit slot at once, and the call is never sent', async () => {
    const client = await clientOutOfBudget(server.url, 120_000);
    const controller = new AbortController();
    const waiting = client.describeLivePullToPush(DESCRIBE_PARAMS, { signal: controller.signal });
    await new Promise((resolve) => setTimeout(resolve, 20));
    const reason = new Error('stop waiting');
    controller.abort(reason);
    expect(await rejectionOf(waiting)).toBe(reason);
    expect(server.requests).toHaveLength(1);
  });

  it('stops a backoff wait between attempts', async () => {
    server.script(() => ({ status: 503, body: { Code: 'ServiceUnavailable', Message: 'busy', RequestId: 'r' } }));
    const client = createLiveClient({
      endpoint: server.url,
      credentials: uniqueCredentials(),
      retry: { baseDelayMs: 60_000, maxDelayMs: 60_000 },
    });
    const controller = new AbortController();
    const call = client.describeLivePullToPush(DESCRIBE_PARAMS, { signal: controller.signal });
    await requestsArrived(1);
    await new Promise((resolve) => setTimeout(resolve, 20));
    controller.abort(new Error('enough'));
    expect(await rejectionOf(call)).toMatchObject({ message: 'enough' });
    expect(server.requests).toHaveLength(1);
  });
});
