import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { type Verified, verifyRequest } from '../../src/wire/index.js';
import { callOnce, type OfficialPath } from '../support/official-sdk.js';
import { type RecordingServer, startRecordingServer, toReceivedRequest } from '../support/recording-server.js';

/**
 * Direction 2: requests the official cores sign, recorded off the wire, pass our verifiers.
 * The values carry everything that is encoded differently on the wire and in the signature:
 * non-ASCII, space, `& = + /` and `( ) * ! ' ~`.
 */
const UPDATE = {
  TaskId: 'fd245384-4067-4f91-9d75-9666a6bc0000',
  TaskName: "测试 task (1)*!'~ a&b=c+d/e",
  CallbackUrl: 'https://cb.example.com/notify?a=1&b=2+3 4/5',
  SourceUrls: JSON.stringify(['rtmp://a.example.com/app/s1?k=v&x=测试', "http://b.example.com/live/s 2.flv?(q)*!'~"]),
  Region: 'cn-shanghai',
  Offset: '2',
  RepeatNumber: '-1',
};
const CREATE = {
  Region: 'cn-shanghai',
  TaskName: "中继 (relay) *!'~ x+y=z&w/v",
  SourceType: 'live',
  SourceUrls: JSON.stringify(['rtmp://src.example.com/app/stream?token=a+b/c=']),
  DstUrl: 'rtmp://push.example.com/app/stream?auth_key=1-0-0-abc',
  StartTime: '2024-08-23T12:00:00Z',
  EndTime: '2024-08-24T12:00:00Z',
  CallbackUrl: 'http://cb.example.com/hook?x=1 2',
};

const KEYS = { accessKeyId: 'LTAI-interop-ak', accessKeySecret: 'interop/secret+with=chars' };
const STS = { ...KEYS, accessKeyId: 'STS.interop-ak', securityToken: 'CAIS+sts/token==' };
const secrets = new Map([
  [KEYS.accessKeyId, KEYS.accessKeySecret],
  [STS.accessKeyId, STS.accessKeySecret],
]);

let server: RecordingServer;
beforeAll(async () => {
  server = await startRecordingServer();
});
afterAll(async () => {
  await server.close();
});

interface Case {
  readonly path: OfficialPath;
  readonly action: 'UpdateLivePullToPush' | 'CreateLivePullToPush';
  readonly sts: boolean;
  readonly signatureVersion: 'v1' | 'v3';
  /** Nonce format this core sends. */
  readonly nonce: RegExp;
}

const HEX32 = /^[0-9a-f]{32}$/;
const HEX64 = /^[0-9a-f]{64}$/;
const cases: Case[] = [];
for (const action of ['UpdateLivePullToPush', 'CreateLivePullToPush'] as const) {
  cases.push(
    { path: 'openapi-core-v3', action, sts: false, signatureVersion: 'v3', nonce: HEX64 },
    { path: 'openapi-core-v3', action, sts: true, signatureVersion: 'v3', nonce: HEX64 },
    { path: 'openapi-core-v1', action, sts: false, signatureVersion: 'v1', nonce: HEX64 },
    { path: 'openapi-core-v1', action, sts: true, signatureVersion: 'v1', nonce: HEX64 },
    { path: 'openapi-client-v3', action, sts: false, signatureVersion: 'v3', nonce: HEX32 },
    { path: 'openapi-client-v1', action, sts: false, signatureVersion: 'v1', nonce: HEX32 },
    { path: 'popcore-get', action, sts: false, signatureVersion: 'v1', nonce: HEX32 },
    { path: 'popcore-post', action, sts: false, signatureVersion: 'v1', nonce: HEX32 },
  );
}
cases.push({ path: 'popcore-post', action: 'CreateLivePullToPush', sts: true, signatureVersion: 'v1', nonce: HEX32 });

describe.each(cases)('$path $action (STS: $sts)', (c) => {
  const params = c.action === 'UpdateLivePullToPush' ? UPDATE : CREATE;
  const credentials = c.sts ? STS : KEYS;

  async function record() {
    const before = server.requests.length;
    await callOnce(c.path, server.host, credentials, c.action, params);
    expect(server.requests).toHaveLength(before + 1);
    return toReceivedRequest(server.requests[before]!);
  }

  it('passes verifyRequest', async () => {
    const received = await record();
    const now = new Date();
    const result = verifyRequest(received, { lookupSecret: (id) => secrets.get(id), now });
    expect(result).toMatchObject({
      ok: true,
      signatureVersion: c.signatureVersion,
      accessKeyId: credentials.accessKeyId,
      action: c.action,
      version: '2016-11-01',
      params,
    });
    const verified = result as Verified;
    expect(verified.nonce).toMatch(c.nonce);
    expect(verified.securityToken).toBe(c.sts ? STS.securityToken : undefined);
    expect(Math.abs(verified.signedAt.getTime() - now.getTime())).toBeLessThan(60_000);
    // The wire shapes that make this interesting, as official-sdk-wire.md describes them.
    if (c.signatureVersion === 'v3') {
      expect(received.headers['authorization']).toContain(';x-acs-credentials-provider;');
      expect(received.query).toEqual(params);
    } else if (c.path === 'popcore-post') {
      expect(received.query).toEqual({});
      expect(received.form).toMatchObject({ ...params, Format: 'JSON' });
    } else {
      expect(received.query['Format']).toBe(c.path === 'popcore-get' ? 'JSON' : 'json');
    }
  });

  it('fails with SignatureDoesNotMatch when one parameter is changed in transit', async () => {
    const received = await record();
    const tampered =
      received.form !== undefined
        ? { ...received, form: { ...received.form, TaskName: `${params.TaskName}!` } }
        : { ...received, query: { ...received.query, TaskName: `${params.TaskName}!` } };
    expect(verifyRequest(tampered, { lookupSecret: (id) => secrets.get(id), now: new Date() })).toMatchObject({
      ok: false,
      code: 'SignatureDoesNotMatch',
    });
  });
});
