/**
 * The published `live-relay` bin runs one CommonJS bundle (`dist/live-relay-cli.cjs`, built by
 * `npm run build`, which `npm test` runs first), not the sources the other CLI tests run. These
 * runs check that the bundle makes the same signed calls, reads a profile when asked, and still
 * reaches the emulator command, which stays a module of its own.
 */
import { execFile } from 'node:child_process';
import { existsSync } from 'node:fs';
import { rm } from 'node:fs/promises';
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { signatureVersions } from '../../src/wire/signature-schemes.js';
import { homeWithProfiles } from '../support/aliyun-profiles.js';
import { type CliResult, ROOT, runCli } from './cli-process.js';
import { json, useEmulatorFixture } from './emulator-fixture.js';

const BIN = join(ROOT, 'bin', 'live-relay.js');
const built = existsSync(join(ROOT, 'dist', 'live-relay-cli.cjs'));

function runBin(args: readonly string[], env: Readonly<Record<string, string>>, entry = BIN): Promise<CliResult> {
  return new Promise((resolve, reject) => {
    execFile(
      process.execPath,
      [entry, ...args],
      { env: { PATH: process.env['PATH'] ?? '', NO_COLOR: '1', ...env }, timeout: 30_000 },
      (error, stdout, stderr) => {
        if (error !== null && typeof error.code !== 'number') reject(error);
        else resolve({ code: error === null ? 0 : (error.code as number), stdout, stderr });
      },
    );
  });
}

describe.skipIf(!built)(
  `the bundled bin${built ? '' : ' (dist/live-relay-cli.cjs missing: run npm run build)'}`,
  () => {
    const fixture = useEmulatorFixture();
    let home: string;
    beforeAll(async () => {
      home = await homeWithProfiles('live-relay-bin-home-', {
        current: 'emulator',
        profiles: [
          {
            name: 'emulator',
            mode: 'AK',
            access_key_id: fixture.env['ALIBABA_CLOUD_ACCESS_KEY_ID'],
            access_key_secret: fixture.env['ALIBABA_CLOUD_ACCESS_KEY_SECRET'],
          },
        ],
      });
    });
    afterAll(async () => {
      await rm(home, { recursive: true, force: true });
    });

    it('creates and describes a task as the sources do, with V3 and V1 signatures', async () => {
      const env = { ...fixture.env, HOME: home };
      const created = await runBin(
        [
          'create',
          '--region',
          'cn-shanghai',
          '--source-type',
          'url',
          '--source-urls',
          'https://media.example.com/a.mp4',
          '--dst-url',
          'rtmp://push.example.com/live/bundled-bin',
          '--start-time',
          fixture.minutesFromNow(60),
          '--end-time',
          fixture.minutesFromNow(120),
          ...fixture.endpointArgs,
        ],
        env,
      );
      expect(created.stderr).toBe('');
      const taskId = json(created.stdout)['TaskId'] as string;
      for (const version of signatureVersions) {
        const args = ['describe', '--task-id', taskId, '--region', 'cn-shanghai', '--signature-version', version];
        const bundled = await runBin([...args, ...fixture.endpointArgs], env);
        const source = await runCli([...args, ...fixture.endpointArgs], env);
        expect(bundled.code).toBe(0);
        const { RequestId: _bundledRequestId, ...bundledBody } = json(bundled.stdout);
        const { RequestId: _sourceRequestId, ...sourceBody } = json(source.stdout);
        expect(bundledBody).toEqual(sourceBody);
        expect(bundledBody['TaskId']).toBe(taskId);
      }
    });

    it('reads credentials from --profile, and lists every problem before sending anything', async () => {
      const listed = await runBin(
        ['list', '--region', 'cn-shanghai', '--profile', 'emulator', ...fixture.endpointArgs],
        {
          HOME: home,
        },
      );
      expect(listed.code).toBe(0);
      expect(json(listed.stdout)['Total']).toBeGreaterThanOrEqual(0);
      const refused = await runBin(['describe', '--region', 'nowhere', ...fixture.endpointArgs], { HOME: home });
      expect(refused.code).toBe(2);
      expect(refused.stderr).toBe((await runCli(['describe', '--region', 'nowhere', ...fixture.endpointArgs])).stderr);
    });

    it('reaches the emulator command, through bin and with the bundle run directly', async () => {
      for (const entry of [BIN, join(ROOT, 'dist', 'live-relay-cli.cjs')]) {
        const result = await runBin(['emulator', '--help'], {}, entry);
        expect(result.stderr).toBe('');
        expect(result.code).toBe(0);
        expect(result.stdout).toMatch(/^Usage: live-relay emulator/);
      }
    });
  },
);
