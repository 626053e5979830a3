import { spawn } from 'node:child_process';
import { createRequire } from 'node:module';
import { join } from 'node:path';
import type BetterSqlite3 from 'better-sqlite3';
import { describe, expect, it } from 'vitest';
import type { TaskService } from '../../src/emulator/service/task-service.js';
import { dataFilePerTest } from '../support/data-file-per-test.js';
import {
  call,
  clockDrivenService,
  createTask,
  describeTask,
  REGION,
  runningTask,
  statusOf,
} from './service-fixtures.js';

const Database = createRequire(import.meta.url)('better-sqlite3') as typeof BetterSqlite3;

const open: TaskService[] = [];
const data = dataFilePerTest('live-relay-store-', () => Promise.all(open.splice(0).map((service) => service.close())));

/** Runs `work` on a connection of the test's own (only while no service has the file open). */
function withConnection(work: (db: BetterSqlite3.Database) => void): void {
  const db = new Database(data.file);
  try {
    work(db);
  } finally {
    db.close();
  }
}

function openService(): TaskService {
  const service = clockDrivenService({ dataFile: data.file });
  open.push(service);
  return service;
}

async function reopen(service: TaskService): Promise<TaskService> {
  await service.close();
  return openService();
}

/** A Describe body or list item without the playback position, which moves with the task clock. */
function withoutPosition(body: Record<string, unknown>): Record<string, unknown> {
  const { CurrentOffset: _position, ...rest } = body;
  return rest;
}

describe('SQLite store', () => {
  it('keeps every task, its state and pending configuration across a restart', async () => {
    let service = openService();
    const idle = createTask(service, { TaskName: 'idle' });
    const running = runningTask(service, { TaskName: 'running' });
    const stopped = runningTask(service, { TaskName: 'stopped' });
    call(service, 'StopLivePullToPush', { TaskId: stopped, Region: REGION });
    call(service, 'UpdateLivePullToPush', { TaskId: stopped, Region: REGION, FileIndex: 2 });
    const deleted = createTask(service, { TaskName: 'deleted' });
    call(service, 'DeleteLivePullToPush', { TaskId: deleted, Region: 'cn-shanghai' });
    const moved = createTask(service, { TaskName: 'moved' });
    call(service, 'UpdateLivePullToPush', { TaskId: moved, Region: 'cn-beijing' });
    const ids = [idle, running, stopped, deleted];
    const before = ids.map((id) => describeTask(service, id));
    const list = call(service, 'DescribeLivePullToPushList', { Region: REGION });
    const closedAt = Date.now();

    service = await reopen(service);
    const after = ids.map((id) => describeTask(service, id));
    // The running task plays on while the service restarts: its position follows the task clock.
    const playedOn = (after[1]!.CurrentOffset as number) - (before[1]!.CurrentOffset as number);
    expect(playedOn).toBeGreaterThanOrEqual(0);
    expect(playedOn).toBeLessThanOrEqual(Math.ceil((Date.now() - closedAt) / 1000) + 1);
    expect(after.map(withoutPosition)).toEqual(before.map(withoutPosition));
    const listed = call(service, 'DescribeLivePullToPushList', { Region: REGION });
    expect(listed.TaskList.map(withoutPosition)).toEqual(list.TaskList.map(withoutPosition));
    expect({ ...listed, TaskList: [] }).toEqual({ ...list, TaskList: [] });
    expect(describeTask(service, moved, 'cn-beijing').TaskInfo.TaskName).toBe('moved');
    expect(service.relayInput(stopped)).toMatchObject({ fileIndex: 0 });

    // New tasks continue the creation order.
    const later = createTask(service, { TaskName: 'later' });
    expect(call(service, 'DescribeLivePullToPushList', { Region: REGION, PageSize: 100 }).TaskList.at(-1)!.TaskId).toBe(
      later,
    );
  });

  it('keeps the task clock and rebuilds the schedule from the stored tasks', async () => {
    let service = openService();
    const idle = createTask(service, {}, { startsIn: 3600 });
    const recovering = runningTask(service);
    service.injectFault({ TaskId: recovering, Reason: 'PushStreamFailed' });
    service.advanceClock(90);
    const clock = service.now().getTime();

    service = await reopen(service);
    expect(Math.abs(service.now().getTime() - clock)).toBeLessThan(60_000);
    expect(statusOf(service, idle)).toBe(0);
    expect(statusOf(service, recovering)).toBe(2);
    service.advanceClock(3600);
    expect(statusOf(service, idle)).toBe(1);
    expect(describeTask(service, recovering)).toMatchObject({ TaskStatus: 3, TaskInvalidReason: 'PushStreamFailed' });
  });

  it('runs transitions that fell due while the service was down when it reopens', async () => {
    let service = openService();
    const id = createTask(service, {}, { startsIn: 3600 });
    service.advanceClock(3599);
    await service.close();
    // Task time follows real time; with the clock moved on by a second more the task is due.
    const db = new Database(data.file);
    const offset = Number(db.prepare("SELECT value FROM meta WHERE key = 'clock_offset_ms'").pluck().get());
    db.prepare("UPDATE meta SET value = ? WHERE key = 'clock_offset_ms'").run(String(offset + 2000));
    db.close();
    service = openService();
    expect(statusOf(service, id)).toBe(1);
  });

  it('rolls back a failed write: the task stays as stored, nothing is announced, due work is retried', async () => {
    let service = openService();
    const id = runningTask(service, { RetryCount: 0, CallbackUrl: 'http://127.0.0.1:9/unreachable' });
    await service.callbacksIdle();
    const sent = () => service.callbackStats().delivered + service.callbackStats().failed;
    expect(sent()).toBe(1);

    // The file is the service's alone while it is open, so the fault is set up while it is closed:
    // every write of an Offline task fails, as a full disk would.
    await service.close();
    withConnection((db) =>
      db.exec(
        "CREATE TRIGGER refuse_offline BEFORE UPDATE ON tasks WHEN NEW.status = 3 BEGIN SELECT RAISE(ABORT, 'disk full'); END",
      ),
    );
    service = openService();
    expect(() => call(service, 'StopLivePullToPush', { TaskId: id, Region: REGION })).toThrow(/disk full/);
    expect(statusOf(service, id)).toBe(1);

    // The fault is stored (Recovering) but giving up (Offline) cannot be written yet, and each
    // call tries again.
    expect(() => service.injectFault({ TaskId: id, Reason: 'PullStreamFailed' })).toThrow(/disk full/);
    expect(() => statusOf(service, id)).toThrow(/disk full/);
    expect(() => statusOf(service, id)).toThrow(/disk full/);
    await service.callbacksIdle();
    expect(sent()).toBe(1);

    await service.close();
    withConnection((db) => db.exec('DROP TRIGGER refuse_offline'));
    service = openService();
    expect(describeTask(service, id)).toMatchObject({ TaskStatus: 3, TaskInvalidReason: 'PullStreamFailed' });
    await service.callbacksIdle();
    expect(sent()).toBe(1);
  });

  it('reset empties the file', async () => {
    let service = openService();
    createTask(service);
    service.advanceClock(100);
    service.reset();
    service = await reopen(service);
    expect(call(service, 'DescribeLivePullToPushList', { Region: REGION }).Total).toBe(0);
    expect(Math.abs(service.now().getTime() - Date.now())).toBeLessThan(60_000);
  });

  it('refuses a file written with another schema version', () => {
    const db = new Database(data.file);
    db.pragma('user_version = 99');
    db.close();
    expect(() => clockDrivenService({ dataFile: data.file })).toThrow(/schema version 99/);
  });

  it('uses WAL journaling', async () => {
    await openService().close();
    withConnection((db) => expect(db.pragma('journal_mode', { simple: true })).toBe('wal'));
  });

  it('keeps every acknowledged task when the process is killed with SIGKILL mid-burst', async () => {
    const writer = join(import.meta.dirname, 'burst-writer.ts');
    const child = spawn(process.execPath, ['--import', 'tsx', writer, data.file], {
      stdio: ['ignore', 'pipe', 'pipe'],
    });
    let stderr = '';
    child.stderr.on('data', (chunk: Buffer) => (stderr += chunk.toString()));
    const acknowledged: string[] = [];
    let partial = '';
    const exited = new Promise<NodeJS.Signals | null>((resolve) =>
      child.on('exit', (_code, signal) => resolve(signal)),
    );
    await new Promise<void>((resolve, reject) => {
      child.stdout.on('data', (chunk: Buffer) => {
        const lines = (partial + chunk.toString()).split('\n');
        partial = lines.pop() ?? '';
        acknowledged.push(...lines);
        if (acknowledged.length >= 300) {
          child.kill('SIGKILL');
          resolve();
        }
      });
      child.on('exit', () => reject(new Error(`the writer exited early: ${stderr}`)));
    });
    expect(await exited).toBe('SIGKILL');

    const db = new Database(data.file);
    expect(db.pragma('integrity_check', { simple: true })).toBe('ok');
    db.close();
    const service = openService();
    for (const id of acknowledged) expect(describeTask(service, id).TaskId).toBe(id);
    expect(call(service, 'DescribeLivePullToPushList', { Region: REGION }).Total).toBeGreaterThanOrEqual(
      acknowledged.length,
    );
    // The writer is TypeScript compiled by tsx on start: on a fresh Node line (cold tsx cache) under
    // CI's load that alone took over 30 s once. The bound only guards against a hang.
  }, 120_000);
});
