import { createServer } from 'node:net';
import { describe, expect, it } from 'vitest';
import { type CliResult, runCli } from './cli-process.js';
import { argv } from './command-line.js';
import { json, useEmulatorFixture } from './emulator-fixture.js';

const fixture = useEmulatorFixture();

const { cli } = fixture;

/** Nothing that looks like a stack frame or an uncaught-exception dump. */
function expectNoStackTrace(text: string): void {
  expect(text).not.toMatch(/^\s+at .+\(.+:\d+:\d+\)$/m);
  expect(text).not.toMatch(/node:internal|Error: .*\n\s+at /);
}

describe('exit status 0', () => {
  it('prints the response body as pretty JSON on stdout and nothing on stderr', async () => {
    const result = await cli('list', '--region', 'cn-beijing');
    expect(result).toMatchObject({ code: 0, stderr: '' });
    expect(result.stdout).toBe(`${JSON.stringify(json(result.stdout), null, 2)}\n`);
  });
});

describe('exit status 1: the service answered with an error', () => {
  it('prints Code, Message, RequestId and the HTTP status on stderr, without a stack trace', async () => {
    const result = await cli('DescribeLivePullToPush', '--TaskId', 'no-such-task', '--Region', 'cn-shanghai');
    expect(result.code).toBe(1);
    expect(result.stdout).toBe('');
    expect(result.stderr).toMatch(/^live-relay: DescribeLivePullToPush failed: CodeTaskNotExist \(HTTP 400\)$/m);
    expect(result.stderr).toMatch(/^ {2}Message: +Task does not exist/m);
    const requestId = /^ {2}RequestId: +(\S+)$/m.exec(result.stderr)?.[1];
    expect(requestId).toMatch(/^[0-9A-F-]{36}$/);
    expectNoStackTrace(result.stderr);
  });

  it('reports a wrong secret as the service does (SignatureDoesNotMatch) without printing either secret', async () => {
    const result = await runCli([
      'list',
      '--region',
      'cn-shanghai',
      '--access-key-id',
      fixture.env['ALIBABA_CLOUD_ACCESS_KEY_ID']!,
      '--access-key-secret',
      'wrong-secret-value-1234',
      ...fixture.endpointArgs,
    ]);
    expect(result.code).toBe(1);
    expect(result.stderr).toMatch(/SignatureDoesNotMatch \(HTTP 400\)/);
    expect(result.stdout + result.stderr).not.toContain('wrong-secret-value-1234');
    expect(result.stdout + result.stderr).not.toContain(fixture.env['ALIBABA_CLOUD_ACCESS_KEY_SECRET']!);
  });

  it('exits 1 when the endpoint cannot be reached', async () => {
    const port = await closedPort();
    const result = await runCli(
      ['list', '--region', 'cn-shanghai', '--endpoint', `http://127.0.0.1:${port}`],
      fixture.env,
    );
    expect(result.code).toBe(1);
    expect(result.stdout).toBe('');
    expect(result.stderr).toMatch(/^live-relay: DescribeLivePullToPushList: the connection failed: .*ECONNREFUSED/m);
    expectNoStackTrace(result.stderr);
  });
});

/** Runs the CLI; expects exit status 2 and nothing sent to the emulator. */
async function refusedUnsent(...args: string[]): Promise<CliResult> {
  const before = (await fixture.arrivals()).length;
  const result = await cli(...args);
  expect(result.code).toBe(2);
  expect((await fixture.arrivals()).length).toBe(before);
  return result;
}

describe('exit status 2: usage and validation errors, nothing sent', () => {
  it('lists every violation, one per line naming its flag, and sends nothing', async () => {
    const result = await refusedUnsent(
      ...argv`UpdateLivePullToPush --Region mars-1 --RepeatNumber forever --FileIndex -3
        --CallbackUrl ftp://callback.example.com --SourceUrls ${'[1, 2]'} --Colour blue`,
    );
    expect(result.stdout).toBe('');
    const lines = result.stderr.trimEnd().split('\n');
    expect(lines[0]).toBe('live-relay: UpdateLivePullToPush: 7 problems; nothing was sent');
    // Flags that do not parse come first, then the validator's findings in its own order.
    const flags = lines.slice(1, -1).map((line) => line.trim().split(/[ :]/)[0]);
    expect(flags.slice(0, 3)).toEqual(['--Colour', '--RepeatNumber', '--SourceUrls']);
    expect([...flags.slice(3)].sort()).toEqual(['--CallbackUrl', '--FileIndex', '--Region', '--TaskId']);
    expect(lines.at(-1)).toBe("Run 'live-relay UpdateLivePullToPush --help' for its parameters.");
  });

  it('names kebab flags after an alias and checks cross-field rules too', async () => {
    const result = await refusedUnsent(
      ...argv`create --region cn-shanghai --start-time 2030-01-10T00:00:00Z --end-time 2030-01-01T00:00:00Z
        --source-type live --source-urls rtmp://a/b/c --source-urls rtmp://a/b/d --dst-url rtmp://push.example.com/app/x`,
    );
    expect(result.stderr).toMatch(/^ {2}--end-time /m);
    expect(result.stderr).toMatch(/^ {2}--source-urls /m);
    expect(result.stderr).not.toMatch(/--EndTime|--SourceUrls/);
  });

  it('refuses an unknown command, an unknown option, a missing value and a stray argument', async () => {
    const [command, option, value, stray, none] = await Promise.all([
      cli('UpdateLivePullToPus'),
      cli('list', '--region', 'cn-shanghai', '--page', '2'),
      runCli(['list', '--endpoint', fixture.emulator.url, '--region'], fixture.env),
      cli('list', 'cn-shanghai'),
      runCli([]),
    ]);
    expect(command).toMatchObject({ code: 2, stdout: '' });
    expect(command.stderr).toMatch(/^live-relay: unknown command "UpdateLivePullToPus"/m);
    expect(option.code).toBe(2);
    expect(option.stderr).toMatch(/^ {2}--page: DescribeLivePullToPushList has no such parameter/m);
    expect(value.code).toBe(2);
    expect(value.stderr).toMatch(/^ {2}--region needs a value$/m);
    expect(stray.code).toBe(2);
    expect(stray.stderr).toMatch(/unexpected argument "cn-shanghai"/);
    expect(none.code).toBe(2);
    expect(none.stderr).toMatch(/^Usage:/m);
    expect(
      (await fixture.arrivals()).filter(
        (arrival) => arrival.action === 'DescribeLivePullToPushList' && arrival.outcome !== 'OK',
      ),
    ).toEqual([]);
  });

  it('refuses --all on anything but the list operation, and with a page number', async () => {
    const [describeAll, pageAll] = await Promise.all([
      cli('describe', '--task-id', 'x', '--region', 'cn-shanghai', '--all'),
      cli('list', '--region', 'cn-shanghai', '--all', '--page-number', '2'),
    ]);
    expect(describeAll.code).toBe(2);
    expect(describeAll.stderr).toMatch(/--all: only DescribeLivePullToPushList/);
    expect(pageAll.code).toBe(2);
    expect(pageAll.stderr).toMatch(/--page-number cannot be given with it/);
  });
});

/** A loopback port with nothing listening on it. */
async function closedPort(): Promise<number> {
  const server = createServer();
  await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
  const { port } = server.address() as { port: number };
  await new Promise<void>((resolve) => server.close(() => resolve()));
  return port;
}
