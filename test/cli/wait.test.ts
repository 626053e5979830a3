import { describe, expect, it } from 'vitest';
import { runCli } from './cli-process.js';
import { json, useEmulatorFixture } from './emulator-fixture.js';

const fixture = useEmulatorFixture();

function idleTask(): string {
  const body = fixture.emulator.service.handle('CreateLivePullToPush', {
    Region: 'cn-shanghai',
    StartTime: fixture.minutesFromNow(10),
    EndTime: fixture.minutesFromNow(70),
    SourceType: 'vod',
    SourceUrls: ['cli-wait-media'],
    DstUrl: 'rtmp://push.example.com/app/cli-wait',
  });
  return body['TaskId'] as string;
}

const wait = (taskId: string, ...more: string[]) =>
  runCli(['wait', '--task-id', taskId, '--region', 'cn-shanghai', ...more, ...fixture.endpointArgs], fixture.env);

describe('live-relay wait', () => {
  it('waits for the state, then prints the Describe answer and exits 0', async () => {
    const taskId = idleTask();
    const run = wait(taskId, '--status', 'running', '--timeout', '20');
    await new Promise((resolve) => setTimeout(resolve, 500));
    await fixture.advanceClock(600);
    const result = await run;
    expect(result.stderr).toBe('');
    expect(result.code).toBe(0);
    expect(json(result.stdout)).toMatchObject({ TaskId: taskId, TaskStatus: 1 });
  });

  it('exits 1 after --timeout with the last state seen on stderr', async () => {
    const taskId = idleTask();
    const result = await wait(taskId, '--status', 'offline', '--timeout', '1');
    expect(result.code).toBe(1);
    expect(result.stdout).toBe('');
    expect(result.stderr).toMatch(
      new RegExp(`^live-relay: task ${taskId} did not reach TaskStatus 3 \\(Offline\\) within \\d+ ms`),
    );
    expect(result.stderr).toMatch(/Last seen: TaskStatus 0, CurrentFileIndex 0, CurrentOffset 0/);
  });

  it('exits 2 for a bad command line, listing every problem, and sends nothing', async () => {
    const result = await runCli(
      ['wait', '--task-id', 'x', '--status', 'started', '--timeout', '-1', ...fixture.endpointArgs],
      fixture.env,
    );
    expect(result.code).toBe(2);
    expect(result.stderr).toMatch(/--region is required/);
    expect(result.stderr).toMatch(/--status must be one of idle, running, recovering, offline, exit \(got "started"\)/);
    expect(result.stderr).toMatch(/--timeout must be a positive number of seconds/);
  });

  it('prints its usage with --help', async () => {
    const result = await runCli(['wait', '--help']);
    expect(result.code).toBe(0);
    expect(result.stdout).toMatch(
      /^Usage: live-relay wait --task-id ID --region REGION --status idle\|running\|recovering\|offline\|exit/,
    );
  });
});
