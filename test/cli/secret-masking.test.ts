/** No command line, however mistyped, prints a secret; and a secret can be passed out of sight of `ps`. */
import { chmod, mkdtemp, rm, writeFile } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { type CliResult, runCli } from './cli-process.js';
import { useEmulatorFixture } from './emulator-fixture.js';

const SECRET = 'S3CRET-d1e2f3a4b5';
const TOKEN = 'sts-T0KEN-a9b8c7d6';

const fixture = useEmulatorFixture();
let dir: string;
beforeAll(async () => {
  dir = await mkdtemp(join(tmpdir(), 'live-relay-secret-file-'));
});
afterAll(async () => {
  await rm(dir, { recursive: true, force: true });
});

function expectMasked(result: CliResult, ...secrets: string[]): void {
  for (const secret of secrets) expect(result.stdout + result.stderr).not.toContain(secret);
}

describe('a mistyped command line never prints the secret', () => {
  it.each([
    [
      'after an unknown flag that takes the next word',
      ['--dry-run', '--access-key-secret', SECRET, '--access-key-id', 'X'],
    ],
    ['--security-token after an unknown flag', ['--dry-run', '--security-token', TOKEN, '--access-key-id', 'X']],
    ['as the value of a misspelt flag', ['--acess-key-secret', SECRET]],
    ['in the --name=value form, with a stray word', [`--access-key-secret=${SECRET}`, 'stray', '--access-key-id', 'X']],
    ['given twice', ['--access-key-secret', SECRET, '--access-key-secret', SECRET, '--access-key-id', 'X']],
    ['as an integer parameter', ['--page-size', '--access-key-secret', SECRET]],
  ])('%s', async (_, args) => {
    const result = await runCli(['list', '--region', 'cn-shanghai', ...args]);
    expect(result.code).toBe(2);
    expect(result.stderr).toMatch(/^live-relay: list: \d+ problems?; nothing was sent/);
    expectMasked(result, SECRET, TOKEN);
  });

  it('the unexpected argument is named as masked', async () => {
    const result = await runCli(['list', '--region', 'cn-shanghai', '--dry-run', '--access-key-secret', SECRET]);
    expect(result.stderr).toContain('unexpected argument "***"');
  });

  it('for live-relay emulator too', async () => {
    const result = await runCli([
      'emulator',
      '--port',
      '0',
      '--verbose',
      '--access-key-secret',
      SECRET,
      '--access-key-id',
      'X',
    ]);
    expect(result.code).toBe(2);
    expect(result.stderr).toContain('unexpected argument "***"');
    expectMasked(result, SECRET);
  });

  it('for a secret in the environment or a Redis password', async () => {
    const result = await runCli(
      ['list', '--region', 'cn-shanghai', '--rate-limit-redis', 'http://relay:redis-pw-5d6e@cache', 'redis-pw-5d6e'],
      { ALIBABA_CLOUD_ACCESS_KEY_ID: 'X', ALIBABA_CLOUD_ACCESS_KEY_SECRET: SECRET },
    );
    expect(result.code).toBe(2);
    expectMasked(result, SECRET, 'redis-pw-5d6e');
  });
});

describe('--access-key-secret-file and --security-token-file', () => {
  const list = (args: string[], input?: string) =>
    runCli(
      [
        'list',
        '--region',
        'cn-shanghai',
        ...fixture.endpointArgs,
        '--access-key-id',
        fixture.env['ALIBABA_CLOUD_ACCESS_KEY_ID']!,
        ...args,
      ],
      { HOME: dir },
      input,
    );

  it('read the secret from the first line of a file, or from stdin with -', async () => {
    const file = join(dir, 'secret');
    await writeFile(file, `${fixture.env['ALIBABA_CLOUD_ACCESS_KEY_SECRET']}\n`);
    await chmod(file, 0o600);
    expect(await list(['--access-key-secret-file', file])).toMatchObject({ code: 0, stderr: '' });
    expect(
      await list(['--access-key-secret-file', '-'], `${fixture.env['ALIBABA_CLOUD_ACCESS_KEY_SECRET']}\r\nignored\n`),
    ).toMatchObject({ code: 0, stderr: '' });
  });

  it('a wrong secret from a file is refused by the service and never printed', async () => {
    const file = join(dir, 'wrong');
    await writeFile(file, `${SECRET}\n`);
    const tokenFile = join(dir, 'token');
    await writeFile(tokenFile, TOKEN);
    const result = await list(['--access-key-secret-file', file, '--security-token-file', tokenFile]);
    expect(result.code).toBe(1);
    expect(result.stderr).toMatch(/SignatureDoesNotMatch|InvalidSecurityToken/);
    expectMasked(result, SECRET, TOKEN);
  });

  it('say which file cannot be read, and refuse two sources for one secret', async () => {
    const missing = await list(['--access-key-secret-file', join(dir, 'nope')]);
    expect(missing.code).toBe(2);
    expect(missing.stderr).toContain(`--access-key-secret-file ${join(dir, 'nope')}: cannot be read (ENOENT)`);
    const empty = await list(['--access-key-secret-file', '-'], '\n');
    expect(empty.stderr).toContain('--access-key-secret-file -: the first line is empty');
    const both = await list(['--access-key-secret-file', '-', '--access-key-secret', SECRET]);
    expect(both.stderr).toContain('--access-key-secret and --access-key-secret-file both give the secret: give one');
    expectMasked(both, SECRET);
  });

  it('are what --help recommends, since the flag form shows in ps', async () => {
    const help = await runCli(['--help']);
    expect(help.stdout).toContain('--access-key-secret-file PATH');
    expect(help.stdout).toMatch(/visible to other\s+users of this machine/);
  });
});
