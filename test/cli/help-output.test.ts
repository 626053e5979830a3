import { execFile } from 'node:child_process';
import { existsSync } from 'node:fs';
import { join } from 'node:path';
import { promisify } from 'node:util';
import { describe, expect, it } from 'vitest';
import { operationNames, operations, updateRules } from '../../generated/operations.js';
import { OUTCOME_WORDS } from '../../src/rules/update-table.js';
import { ROOT, runCli } from './cli-process.js';
import { json, useEmulatorFixture } from './emulator-fixture.js';

describe('--help', () => {
  it('lists the operations, their aliases and the global options', async () => {
    const result = await runCli(['--help']);
    expect(result).toMatchObject({ code: 0, stderr: '' });
    for (const name of operationNames) expect(result.stdout).toContain(name);
    for (const alias of ['create', 'update', 'describe', 'list', 'stop', 'restart', 'delete']) {
      expect(result.stdout).toMatch(new RegExp(`^ {2}\\w+\\s+${alias}\\s`, 'm'));
    }
    for (const flag of [
      '--endpoint',
      '--access-key-id',
      '--access-key-secret',
      '--security-token',
      '--profile',
      '--signature-version',
      '--output',
      '--all',
    ]) {
      expect(result.stdout).toContain(flag);
    }
  });

  it("shows an operation's parameters, types, enumerations, defaults and required flags from the operation table", async () => {
    const [vendor, alias, help] = await Promise.all([
      runCli(['CreateLivePullToPush', '--help']),
      runCli(['create', '-h']),
      runCli(['help', 'create']),
    ]);
    expect(vendor).toMatchObject({ code: 0, stderr: '' });
    const operation = operations.CreateLivePullToPush;
    for (const param of operation.params) {
      const head = vendor.stdout.split('\n').find((line) => line.startsWith(`  --${param.name} `));
      expect(head, param.name).toBeDefined();
      expect(head).toContain(
        `<${param.type === 'array' ? 'string[]' : param.enum !== undefined && param.enum.length <= 5 ? param.enum.join('|') : param.type}>`,
      );
      expect(head).toContain(param.required ? 'required' : 'optional');
      if (param.default !== undefined) expect(head).toContain(`default ${JSON.stringify(param.default)}`);
    }
    expect(vendor.stdout).toContain('One of: ap-northeast-1, ap-southeast-1');
    expect(vendor.stdout).toMatch(/--SourceType <live\|vod\|url> — required/);
    expect(vendor.stdout).toMatch(/--RetryInterval <integer> — optional; from 60 to 300; default 60/);
    expect(alias.stdout).toMatch(/^ {2}--source-urls <string\[\]> — required/m);
    expect(alias.stdout).toContain('Usage: live-relay create --region');
    expect(help.stdout).toBe(alias.stdout);
  });

  it("shows UpdateLivePullToPush's task-state table from the spec's x-acs-update-rules", async () => {
    const result = await runCli(['UpdateLivePullToPush', '--help']);
    expect(result).toMatchObject({ code: 0, stderr: '' });
    const lines = result.stdout.split('\n');
    const header = lines.findIndex((line) => line.startsWith('Update by task state'));
    expect(header).toBeGreaterThan(0);
    expect(lines[header + 1]).toMatch(
      /^ {2}Parameter +Before StartTime \[0\] +Running or recovering \[1, 2\] +Stopped \[3\] +Exited \[-1\]$/,
    );
    for (const [param, row] of Object.entries(updateRules.params)) {
      const line = lines.slice(header).find((text) => text.startsWith(`  --${param} `));
      expect(line, param).toBeDefined();
      const cells = line?.trim().split(/ {2,}/).slice(1);
      expect(cells?.length, param).toBe(updateRules.phases.length);
      updateRules.phases.forEach((phase, i) => {
        const outcome = (row as Record<string, string>)[phase.name] ?? '';
        expect(cells?.[i], `${param} ${phase.name}`).toBe(OUTCOME_WORDS[outcome as keyof typeof OUTCOME_WORDS]);
      });
    }
    expect(result.stdout).toContain('Exited: refused with CodeTaskNotExist, once for the whole call.');
  });

  it('delegates `emulator --help` to the emulator command', async () => {
    const result = await runCli(['emulator', '--help']);
    expect(result.code).toBe(0);
    expect(result.stdout).toMatch(/^Usage: live-relay emulator/);
  });

  it('prints the version', async () => {
    expect((await runCli(['--version'])).stdout).toMatch(/^live-relay \d+\.\d+\.\d+/);
  });

  // `npm test` builds before it runs vitest, so the published bin is exercised there.
  it.runIf(existsSync(join(ROOT, 'dist', 'cli', 'main.js')))('is what the package bin runs once built', async () => {
    const { stdout } = await promisify(execFile)(
      process.execPath,
      [join(ROOT, 'bin', 'live-relay.js'), 'list', '--help'],
      { cwd: ROOT },
    );
    expect(stdout).toBe((await runCli(['list', '--help'])).stdout);
  });
});

describe('--output table', () => {
  const fixture = useEmulatorFixture();
  const { cli } = fixture;

  it('prints a task as key/value rows and a list as one row per task', async () => {
    const created = json(
      (
        await cli(
          'create',
          '--region',
          'cn-shanghai',
          '--task-name',
          'table-demo',
          '--start-time',
          fixture.minutesFromNow(5),
          '--end-time',
          fixture.minutesFromNow(60),
          '--source-type',
          'vod',
          '--source-urls',
          '["m-1","m-2"]',
          '--dst-url',
          'rtmp://push.example.com/app/table',
        )
      ).stdout,
    );
    const taskId = created['TaskId'] as string;
    const [described, listed] = await Promise.all([
      cli('describe', '--task-id', taskId, '--region', 'cn-shanghai', '--output', 'table'),
      cli('list', '--region', 'cn-shanghai', '--output', 'table'),
    ]);
    expect(described).toMatchObject({ code: 0, stderr: '' });
    expect(described.stdout).toMatch(new RegExp(`^TaskId\\s+${taskId}$`, 'm'));
    expect(described.stdout).toMatch(/^TaskStatus\s+Idle \(0\)$/m);
    expect(described.stdout).toMatch(/^TaskInfo\.SourceUrls\s+m-1, m-2$/m);
    expect(listed.stdout).toMatch(
      new RegExp(`^${taskId}\\s+table-demo\\s+Idle\\s+\\S+Z\\s+\\S+Z\\s+rtmp://push.example.com/app/table$`, 'm'),
    );
    expect(listed.stdout.trimEnd().split('\n').at(-1)).toBe('1 of 1 task (page 1, 10 per page)');
  });
});
