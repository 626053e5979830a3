/** Parameters and credentials shared by the client tests. */
import type { LiveRequest } from '../../src/client/operation-types.js';

export const SECRET = 'test-secret-Zq8vX2';
export const STS_TOKEN = 'sts-token-Kp3Lw9';

let counter = 0;

/**
 * Fresh credentials per test: the default rate limiter is shared by every client of the process
 * per AccessKeyId, so tests that share a key would share a budget.
 */
export function uniqueCredentials(options: { sts?: boolean } = {}) {
  counter += 1;
  const accessKeyId = `test-ak-${process.pid}-${counter}`;
  return options.sts
    ? { accessKeyId, accessKeySecret: SECRET, securityToken: STS_TOKEN }
    : { accessKeyId, accessKeySecret: SECRET };
}

/** A valid CreateLivePullToPush request that starts in an hour and runs for a day. */
export function createParams(now = Date.now()): LiveRequest<'CreateLivePullToPush'> {
  const utc = (ms: number) => new Date(ms).toISOString().replace(/\.\d{3}Z$/, 'Z');
  return {
    Region: 'cn-shanghai',
    TaskName: 'relay (1) * test',
    StartTime: utc(now + 3_600_000),
    EndTime: utc(now + 86_400_000),
    SourceType: 'live',
    SourceProtocol: 'rtmp',
    SourceUrls: ['rtmp://source.example.com/app/stream?auth=a%20b&k=1'],
    DstUrl: 'rtmp://push.example.com/app/stream',
  };
}

export const DESCRIBE_PARAMS: LiveRequest<'DescribeLivePullToPush'> = {
  TaskId: 'fd245384-4067-4f91-9d75-9666a6bc0000',
  Region: 'cn-shanghai',
};
