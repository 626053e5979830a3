import { mkdtemp, rm } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { createLiveClient, LiveCredentialsError } from '../../src/index.js';
import { writeProfileFile } from '../support/aliyun-profiles.js';
import { type RecordingServer, startRecordingServer, verifyRecorded } from '../support/recording-server.js';
import { DESCRIBE_PARAMS, SECRET, STS_TOKEN } from './fixtures.js';

const ENV_NAMES = [
  'ALIBABA_CLOUD_ACCESS_KEY_ID',
  'ALIBABA_CLOUD_ACCESS_KEY_SECRET',
  'ALIBABA_CLOUD_SECURITY_TOKEN',
  'ALIBABA_CLOUD_PROFILE',
  'HOME',
];

let server: RecordingServer;
let home: string;
let savedEnv: Record<string, string | undefined>;

beforeEach(async () => {
  server = await startRecordingServer();
  savedEnv = Object.fromEntries(ENV_NAMES.map((name) => [name, process.env[name]]));
  for (const name of ENV_NAMES) delete process.env[name];
  home = await mkdtemp(join(tmpdir(), 'live-relay-home-'));
  process.env['HOME'] = home;
});

afterEach(async () => {
  for (const [name, value] of Object.entries(savedEnv)) {
    if (value === undefined) delete process.env[name];
    else process.env[name] = value;
  }
  await rm(home, { recursive: true, force: true });
  await server.close();
});

/** The LiveCredentialsError a client given no credentials option fails its first call with. */
async function credentialsError(): Promise<LiveCredentialsError> {
  const error = await createLiveClient({ endpoint: server.url })
    .describeLivePullToPush(DESCRIBE_PARAMS)
    .catch((e: unknown) => e);
  expect(error).toBeInstanceOf(LiveCredentialsError);
  return error as LiveCredentialsError;
}

function writeProfiles(config: unknown): Promise<void> {
  return writeProfileFile(home, config);
}

const profile = (name: string, fields: Record<string, string>) => ({ name, region_id: 'cn-shanghai', ...fields });

async function sentBy(client: ReturnType<typeof createLiveClient>) {
  await client.describeLivePullToPush(DESCRIBE_PARAMS);
  return server.requests.at(-1)!;
}

describe('default credential chain', () => {
  it('reads ALIBABA_CLOUD_ACCESS_KEY_ID / _SECRET / _SECURITY_TOKEN from the environment', async () => {
    process.env['ALIBABA_CLOUD_ACCESS_KEY_ID'] = 'env-ak';
    process.env['ALIBABA_CLOUD_ACCESS_KEY_SECRET'] = SECRET;
    process.env['ALIBABA_CLOUD_SECURITY_TOKEN'] = STS_TOKEN;
    const request = await sentBy(createLiveClient({ endpoint: server.url }));
    expect(verifyRecorded(request, { 'env-ak': SECRET })).toMatchObject({
      ok: true,
      accessKeyId: 'env-ak',
      securityToken: STS_TOKEN,
    });
    expect(request.headers['x-acs-credentials-provider']).toBe('env');
  });

  it('prefers the environment over the profile file', async () => {
    process.env['ALIBABA_CLOUD_ACCESS_KEY_ID'] = 'env-ak-2';
    process.env['ALIBABA_CLOUD_ACCESS_KEY_SECRET'] = SECRET;
    await writeProfiles({
      current: 'default',
      profiles: [profile('default', { mode: 'AK', access_key_id: 'file-ak', access_key_secret: 'x' })],
    });
    const request = await sentBy(createLiveClient({ endpoint: server.url }));
    expect(verifyRecorded(request, { 'env-ak-2': SECRET })).toMatchObject({ ok: true, accessKeyId: 'env-ak-2' });
  });

  it('reads the current AK profile of ~/.aliyun/config.json', async () => {
    await writeProfiles({
      current: 'work',
      profiles: [
        profile('default', { mode: 'AK', access_key_id: 'other', access_key_secret: 'other' }),
        profile('work', { mode: 'AK', access_key_id: 'file-ak', access_key_secret: SECRET }),
      ],
    });
    const request = await sentBy(createLiveClient({ endpoint: server.url }));
    expect(verifyRecorded(request, { 'file-ak': SECRET })).toMatchObject({ ok: true, accessKeyId: 'file-ak' });
    expect(request.headers['x-acs-credentials-provider']).toBe('cli_profile');
  });

  it('takes the profile named by ALIBABA_CLOUD_PROFILE, in StsToken mode with its sts_token', async () => {
    process.env['ALIBABA_CLOUD_PROFILE'] = 'sts';
    await writeProfiles({
      current: 'default',
      profiles: [
        profile('default', { mode: 'AK', access_key_id: 'other', access_key_secret: 'other' }),
        profile('sts', { mode: 'StsToken', access_key_id: 'sts-ak', access_key_secret: SECRET, sts_token: STS_TOKEN }),
      ],
    });
    const request = await sentBy(createLiveClient({ endpoint: server.url }));
    expect(verifyRecorded(request, { 'sts-ak': SECRET })).toMatchObject({
      ok: true,
      accessKeyId: 'sts-ak',
      securityToken: STS_TOKEN,
    });
  });

  it('says what it tried when nothing has credentials, and sends nothing', async () => {
    const { tried, message, name } = await credentialsError();
    expect(name).toBe('LiveCredentialsError');
    expect(tried).toEqual([
      'credentials option: not given',
      'environment: ALIBABA_CLOUD_ACCESS_KEY_ID and ALIBABA_CLOUD_ACCESS_KEY_SECRET are not set',
      `profile file ${join(home, '.aliyun', 'config.json')}: does not exist`,
    ]);
    expect(message).toContain('ALIBABA_CLOUD_ACCESS_KEY_ID');
    expect(message).toContain('.aliyun/config.json: does not exist');
    expect(server.requests).toHaveLength(0);
  });

  it('explains an incomplete environment and an unusable profile', async () => {
    process.env['ALIBABA_CLOUD_ACCESS_KEY_ID'] = 'half';
    await writeProfiles({
      current: 'role',
      profiles: [profile('role', { mode: 'RamRoleArn', access_key_id: 'a', access_key_secret: 'b' })],
    });
    const error = await credentialsError();
    expect(error.tried.slice(1)).toEqual([
      'environment: ALIBABA_CLOUD_ACCESS_KEY_SECRET is not set (ALIBABA_CLOUD_ACCESS_KEY_ID is)',
      `profile file ${join(home, '.aliyun', 'config.json')}: profile "role" has mode RamRoleArn; only AK and StsToken profiles are supported`,
    ]);
  });

  it('names the missing fields of a profile and a profile that does not exist', async () => {
    process.env['ALIBABA_CLOUD_PROFILE'] = 'absent';
    await writeProfiles({
      current: 'default',
      profiles: [profile('default', { mode: 'StsToken', access_key_id: 'a', access_key_secret: 'b' })],
    });
    const absent = await credentialsError();
    expect(absent.tried[2]).toMatch(/has no profile named "absent" \(ALIBABA_CLOUD_PROFILE=absent\)$/);

    delete process.env['ALIBABA_CLOUD_PROFILE'];
    const noToken = await credentialsError();
    expect(noToken.tried[2]).toMatch(/profile "default" \(mode StsToken\) has no sts_token$/);
  });
});

describe('the credentials option', () => {
  it('calls a credentials function once per call', async () => {
    let calls = 0;
    const client = createLiveClient({
      endpoint: server.url,
      credentials: async () => {
        calls += 1;
        return { accessKeyId: `rotating-${calls}`, accessKeySecret: SECRET };
      },
    });
    await client.describeLivePullToPush(DESCRIBE_PARAMS);
    await client.describeLivePullToPush(DESCRIBE_PARAMS);
    expect(server.requests.map((r) => verifyRecorded(r, { 'rotating-1': SECRET, 'rotating-2': SECRET }).ok)).toEqual([
      true,
      true,
    ]);
    expect(server.requests.map((r) => /Credential=([^,]+)/.exec(r.headers['authorization'] ?? '')?.[1])).toEqual([
      'rotating-1',
      'rotating-2',
    ]);
  });

  it('refuses an incomplete pair without revealing the secret', async () => {
    const error = (await createLiveClient({
      endpoint: server.url,
      credentials: { accessKeyId: '', accessKeySecret: SECRET },
    })
      .describeLivePullToPush(DESCRIBE_PARAMS)
      .catch((e: unknown) => e)) as LiveCredentialsError;
    expect(error).toBeInstanceOf(LiveCredentialsError);
    expect(error.tried).toEqual(['credentials option: the object has no accessKeyId']);
    expect(JSON.stringify(error) + error.message).not.toContain(SECRET);
  });

  it('wraps a credentials function that throws, keeping a copy of its error without secrets', async () => {
    const cause = new Error('vault unreachable');
    const error = (await createLiveClient({ endpoint: server.url, credentials: () => Promise.reject(cause) })
      .describeLivePullToPush(DESCRIBE_PARAMS)
      .catch((e: unknown) => e)) as LiveCredentialsError;
    expect(error).toBeInstanceOf(LiveCredentialsError);
    expect(error.cause).toMatchObject({ name: 'Error', message: 'vault unreachable' });
  });
});
