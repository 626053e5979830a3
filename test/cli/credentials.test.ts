import { mkdtemp, rm } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { homeWithProfiles } from '../support/aliyun-profiles.js';
import { type CliResult, runCli } from './cli-process.js';
import { useEmulatorFixture } from './emulator-fixture.js';

const fixture = useEmulatorFixture();
let home: string;
let emptyHome: string;
let id: string;
let secret: string;

beforeAll(async () => {
  id = fixture.env['ALIBABA_CLOUD_ACCESS_KEY_ID']!;
  secret = fixture.env['ALIBABA_CLOUD_ACCESS_KEY_SECRET']!;
  home = await homeWithProfiles('live-relay-cli-home-', {
    current: 'stale',
    profiles: [
      { name: 'stale', mode: 'AK', access_key_id: id, access_key_secret: 'stale-secret-0000' },
      { name: 'emulator', mode: 'AK', access_key_id: id, access_key_secret: secret },
      { name: 'role', mode: 'RamRoleArn', access_key_id: id, access_key_secret: secret },
    ],
  });
  emptyHome = await mkdtemp(join(tmpdir(), 'live-relay-cli-empty-'));
});
afterAll(async () => {
  await rm(home, { recursive: true, force: true });
  await rm(emptyHome, { recursive: true, force: true });
});

const list = (args: readonly string[], env: Record<string, string>): Promise<CliResult> =>
  runCli(['list', '--region', 'cn-shanghai', ...fixture.endpointArgs, ...args], env);

/** Every output of every run in this file, checked for secrets at the end. */
const outputs: string[] = [];
const record = (result: CliResult): CliResult => {
  outputs.push(result.stdout, result.stderr);
  return result;
};

describe('credentials', () => {
  it('come from the environment', async () => {
    expect(record(await list([], { ...fixture.env, HOME: emptyHome })).code).toBe(0);
  });

  it('come from --access-key-id/--access-key-secret (with --security-token), ahead of the environment', async () => {
    const result = record(
      await list(['--access-key-id', id, '--access-key-secret', secret, '--security-token', 'sts-token-value-5678'], {
        HOME: emptyHome,
        ALIBABA_CLOUD_ACCESS_KEY_ID: 'env-id',
        ALIBABA_CLOUD_ACCESS_KEY_SECRET: 'env-secret-value-9999',
      }),
    );
    expect(result).toMatchObject({ code: 0, stderr: '' });
  });

  it('come from --profile NAME in ~/.aliyun/config.json, ahead of the environment and the current profile', async () => {
    const [byFlag, byEnv, current] = await Promise.all([
      list(['--profile', 'emulator'], {
        HOME: home,
        ALIBABA_CLOUD_ACCESS_KEY_ID: id,
        ALIBABA_CLOUD_ACCESS_KEY_SECRET: 'env-secret-value-9999',
      }),
      list([], { HOME: home, ALIBABA_CLOUD_PROFILE: 'emulator' }),
      list([], { HOME: home }),
    ]);
    expect(record(byFlag)).toMatchObject({ code: 0, stderr: '' });
    expect(record(byEnv)).toMatchObject({ code: 0, stderr: '' });
    // The file's `current` profile holds a stale secret: the service refuses the signature.
    expect(record(current).code).toBe(1);
    expect(current.stderr).toMatch(/SignatureDoesNotMatch/);
  });

  it('exit 2 with what was tried when the profile is missing or unusable, or nothing is configured', async () => {
    const [missing, unsupported, nothing] = await Promise.all([
      list(['--profile', 'nope'], { HOME: home }),
      list(['--profile', 'role'], { HOME: home }),
      list([], { HOME: emptyHome }),
    ]);
    expect(record(missing).code).toBe(2);
    expect(missing.stderr).toContain('--profile nope:');
    expect(missing.stderr).toContain('has no profile named "nope"');
    expect(record(unsupported).code).toBe(2);
    expect(unsupported.stderr).toMatch(/mode RamRoleArn/);
    expect(record(nothing).code).toBe(2);
    expect(nothing.stderr).toMatch(/^live-relay: no credentials found/);
    expect(nothing.stderr).toContain('ALIBABA_CLOUD_ACCESS_KEY_ID and ALIBABA_CLOUD_ACCESS_KEY_SECRET are not set');
    expect(
      (await fixture.arrivals()).filter(
        (arrival) => arrival.outcome !== 'OK' && arrival.outcome !== 'SignatureDoesNotMatch',
      ),
    ).toEqual([]);
  });

  it('need both halves of a key pair on the command line', async () => {
    const result = record(await list(['--access-key-secret', 'lonely-secret-4321'], { HOME: emptyHome }));
    expect(result.code).toBe(2);
    expect(result.stderr).toContain(
      '--access-key-id and --access-key-secret (or --access-key-secret-file) go together',
    );
  });

  it('never show up in any output', () => {
    const all = outputs.join('\n');
    expect(outputs.length).toBeGreaterThan(10);
    for (const value of [
      secret,
      'stale-secret-0000',
      'sts-token-value-5678',
      'env-secret-value-9999',
      'lonely-secret-4321',
    ]) {
      expect(all).not.toContain(value);
    }
  });
});
