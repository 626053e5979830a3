import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { createLiveClient, LiveValidationError } from '../../src/index.js';
import { type RecordingServer, startRecordingServer } from '../support/recording-server.js';
import { createParams, uniqueCredentials } from './fixtures.js';

let server: RecordingServer;
beforeEach(async () => {
  server = await startRecordingServer();
});
afterEach(() => server.close());

async function rejection(promise: Promise<unknown>): Promise<LiveValidationError> {
  const error: unknown = await promise.then(
    () => undefined,
    (e: unknown) => e,
  );
  expect(error).toBeInstanceOf(LiveValidationError);
  return error as LiveValidationError;
}

describe('local validation', () => {
  it('lists every schema violation and every cross-field rule, and sends nothing', async () => {
    const client = createLiveClient({ endpoint: server.url, credentials: uniqueCredentials() });
    const params = {
      ...createParams(),
      Region: 'cn-nowhere',
      CallbackUrl: `https://cb.example.com/${'x'.repeat(2000)}`,
      RetryInterval: 5,
      SourceProtocol: undefined,
      EndTime: '2020-01-01T00:00:00Z',
      Colour: 'blue',
    };
    const error = await rejection(client.createLivePullToPush(params as never));

    expect(error.name).toBe('LiveValidationError');
    expect(error.action).toBe('CreateLivePullToPush');
    expect(error.issues).toEqual([
      { param: 'Colour', message: 'Colour is not a parameter of CreateLivePullToPush' },
      { param: 'Region', message: expect.stringMatching(/^Region must be one of .*cn-shanghai/) },
      { param: 'CallbackUrl', message: 'CallbackUrl must be at most 2000 characters' },
      { param: 'RetryInterval', message: 'RetryInterval must be at least 60' },
      { param: 'EndTime', message: expect.stringMatching(/^EndTime must be later than the current time/) },
      { param: 'EndTime', message: expect.stringMatching(/^EndTime must be later than StartTime/) },
      { param: 'SourceProtocol', message: 'SourceProtocol is required when SourceType is live' },
    ]);
    expect(error.message).toContain('7 invalid parameters');
    expect(server.requests).toHaveLength(0);
  });

  it('names a missing required parameter and an unknown one', async () => {
    const client = createLiveClient({ endpoint: server.url, credentials: uniqueCredentials() });
    const error = await rejection(
      client.updateLivePullToPush({ Region: 'cn-shanghai', DstUrl: 'rtmp://x/y' } as never),
    );
    expect(error.issues).toEqual([
      { param: 'TaskId', message: 'TaskId is required' },
      { param: 'DstUrl', message: 'DstUrl is not a parameter of UpdateLivePullToPush' },
    ]);
    expect(server.requests).toHaveLength(0);
  });

  it('names an array item by its index', async () => {
    const client = createLiveClient({ endpoint: server.url, credentials: uniqueCredentials() });
    const error = await rejection(
      client.createLivePullToPush({ ...createParams(), SourceType: 'vod', SourceUrls: ['ok', ''] }),
    );
    expect(error.issues).toContainEqual({ param: 'SourceUrls', message: 'SourceUrls[1] must not be empty' });
  });

  it('validates before looking for credentials', async () => {
    const client = createLiveClient({
      endpoint: server.url,
      credentials: () => Promise.reject(new Error('never asked')),
    });
    await rejection(client.describeLivePullToPush({ Region: 'cn-shanghai' } as never));
  });
});
