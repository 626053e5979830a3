import { beforeAll, describe, expect, it } from 'vitest';
import { startRecordingServer } from '../support/recording-server.js';
import { runCli } from './cli-process.js';
import { json, useEmulatorFixture } from './emulator-fixture.js';

/** A TaskName that, printed raw, retitles the terminal (OSC 0 … BEL) and clears it (CSI 2J). */
const HOSTILE_NAME = 'evil\x1b]0;owned\x07\x1b[2J';
const ESCAPED_NAME = 'evil\\x1b]0;owned\\x07\\x1b[2J';
/** Any C0/C1 control character except the newlines between lines. */
// biome-ignore lint/suspicious/noControlCharactersInRegex: finding control characters is the point
const RAW_CONTROL = /[\x00-\x09\x0b-\x1f\x7f-\x9f]/;

const fixture = useEmulatorFixture();
let taskId: string;

beforeAll(async () => {
  const created = await runCli(
    [
      'create',
      '--region',
      'cn-shenzhen',
      '--task-name',
      HOSTILE_NAME,
      '--start-time',
      fixture.minutesFromNow(10),
      '--end-time',
      fixture.minutesFromNow(60),
      '--source-type',
      'vod',
      '--source-urls',
      'media-1',
      '--dst-url',
      'rtmp://push.example.com/app/hostile',
      ...fixture.endpointArgs,
    ],
    fixture.env,
  );
  expect(created.code).toBe(0);
  taskId = json(created.stdout)['TaskId'] as string;
});

describe('--output table with control characters in task fields', () => {
  it('escapes them in the task list', async () => {
    const result = await runCli(
      ['list', '--region', 'cn-shenzhen', '--output', 'table', ...fixture.endpointArgs],
      fixture.env,
    );
    expect(result.code).toBe(0);
    expect(result.stdout).not.toMatch(RAW_CONTROL);
    expect(result.stdout).toContain(ESCAPED_NAME);
  });

  it('escapes them in a key/value listing', async () => {
    const result = await runCli(
      ['describe', '--region', 'cn-shenzhen', '--task-id', taskId, '--output', 'table', ...fixture.endpointArgs],
      fixture.env,
    );
    expect(result.code).toBe(0);
    expect(result.stdout).not.toMatch(RAW_CONTROL);
    expect(result.stdout).toMatch(new RegExp(`TaskInfo\\.TaskName\\s+${ESCAPED_NAME.replace(/[\\[\]]/g, '\\$&')}\\n`));
  });

  it('escapes them in an error message the service answered', async () => {
    const hostile = await startRecordingServer(() => ({
      status: 400,
      body: { RequestId: 'r\x07', Code: 'InvalidParameter', Message: `bad ${HOSTILE_NAME}`, HostId: 'h' },
    }));
    try {
      const result = await runCli(
        ['describe', '--region', 'cn-shenzhen', '--task-id', 't', '--endpoint', hostile.url],
        fixture.env,
      );
      expect(result.code).toBe(1);
      expect(result.stderr).not.toMatch(RAW_CONTROL);
      expect(result.stderr).toContain(`Message:   bad ${ESCAPED_NAME}`);
      expect(result.stderr).toContain('RequestId: r\\x07');
    } finally {
      await hostile.close();
    }
  });
});
