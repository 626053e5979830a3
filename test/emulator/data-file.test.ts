/**
 * The `--data` file: one emulator per file, and a file that cannot be used stops the start with
 * one line. Real processes, real SQLite, a real `kill -9`.
 */
import { chmodSync, chownSync, existsSync, readFileSync, writeFileSync } from 'node:fs';
import { createRequire } from 'node:module';
import { join } from 'node:path';
import type BetterSqlite3 from 'better-sqlite3';
import { afterAll, describe, expect, it } from 'vitest';
import { createTaskService } from '../../src/emulator/service/create-task-service.js';
import { dataFilePerTest } from '../support/data-file-per-test.js';
import { control } from './control-client.js';
import {
  BUILT_IN_KEY,
  createTaskAt,
  describeTaskAt,
  expectStarted,
  type RefusedProcess,
  type RunningProcess,
  runEmulatorProcess,
} from './emulator-process.js';
import { createParams, expectError, expectOk } from './fixtures.js';
import { destroyAgent, sendSigned } from './signed-request.js';

const Database = createRequire(import.meta.url)('better-sqlite3') as typeof BetterSqlite3;

/** Root passes every permission check, so permission cases run the emulator as `nobody` then. */
const NOBODY = { uid: 65534, gid: 65534 };
const asRoot = process.getuid?.() === 0;

const running: RunningProcess[] = [];
const data = dataFilePerTest('live-relay-data-', async () => {
  for (const emulator of running.splice(0)) {
    emulator.child.kill('SIGKILL');
    await emulator.exited;
  }
  destroyAgent();
});
afterAll(() => destroyAgent());

async function start(args: readonly string[]): Promise<RunningProcess> {
  const emulator = expectStarted(await runEmulatorProcess(args));
  running.push(emulator);
  return emulator;
}

/** Runs the emulator and expects it to refuse to start with exactly one line on stderr. */
async function expectRefused(args: readonly string[], user?: typeof NOBODY): Promise<string> {
  const result = await runEmulatorProcess(args, user);
  if (result.started) {
    running.push(result);
    throw new Error(`the emulator started on ${result.url}; it should have refused`);
  }
  const refused = result as RefusedProcess;
  expect(refused.code).toBe(1);
  expect(refused.stdout).toBe('');
  const lines = refused.stderr.split('\n');
  expect(lines, refused.stderr).toHaveLength(2);
  expect(lines[1]).toBe('');
  expect(lines[0]).toMatch(/^live-relay emulator: cannot start: data file /);
  return lines[0]!;
}

/** Makes a data file the emulator wrote, with one task in it (in this process: only the file matters). */
async function emulatorFile(): Promise<string> {
  const service = createTaskService({ dataFile: data.file, realTimeScheduling: false });
  const params = createParams(new Date());
  const { TaskId } = service.handle('CreateLivePullToPush', {
    ...params,
    SourceUrls: JSON.parse(params['SourceUrls']!) as string[],
  });
  await service.close();
  return TaskId as string;
}

function withConnection<T>(work: (db: BetterSqlite3.Database) => T): T {
  const db = new Database(data.file);
  try {
    return work(db);
  } finally {
    db.close();
  }
}

describe('one emulator per data file', () => {
  it('refuses a second emulator on the same file, and lets one start once the first is killed with SIGKILL', async () => {
    const first = await start(['--data', data.file]);
    const taskId = await createTaskAt(first.url);

    expect(await expectRefused(['--data', data.file])).toBe(
      `live-relay emulator: cannot start: data file ${JSON.stringify(data.file)}: is in use by another emulator (or another program holds it open); stop that one or give another file`,
    );
    // The first one is untouched and still serves its tasks.
    expectOk(await describeTaskAt(first.url, taskId));
    expectOk(await control(first.url, 'GET', 'clock'));

    first.child.kill('SIGKILL');
    expect(await first.exited).toBe('SIGKILL');
    destroyAgent();
    const second = await start(['--data', data.file]);
    const described = await describeTaskAt(second.url, taskId);
    expectOk(described);
    expect(described.body.TaskId).toBe(taskId);
    expectOk(
      await sendSigned(second.url, {
        action: 'CreateLivePullToPush',
        params: createParams(new Date()),
        credentials: BUILT_IN_KEY,
      }),
    );
  });
});

describe('a data file that cannot be used stops the start with one line', () => {
  it('an empty path', async () => {
    expect(await expectRefused(['--data', ''])).toBe(
      'live-relay emulator: cannot start: data file "": the path is empty; give a file name',
    );
  });

  it('a path in a folder that does not exist', async () => {
    const file = join(data.dir, 'missing', 'tasks.db');
    expect(await expectRefused(['--data', file])).toBe(
      `live-relay emulator: cannot start: data file ${JSON.stringify(file)}: its folder ${join(data.dir, 'missing')} does not exist`,
    );
  });

  it('a folder', async () => {
    expect(await expectRefused(['--data', data.dir])).toMatch(/: is a folder; give a file inside it$/);
  });

  it('a file that is not a database', async () => {
    writeFileSync(data.file, 'not a database, just some text that is long enough to have a header\n'.repeat(20));
    expect(await expectRefused(['--data', data.file])).toMatch(/: is not a SQLite database$/);
  });

  it('a read-only data file', async () => {
    await emulatorFile();
    if (asRoot) chownRecursive(data.dir, NOBODY);
    chmodSync(data.file, 0o444);
    expect(await expectRefused(['--data', data.file], asRoot ? NOBODY : undefined)).toMatch(
      /: cannot be both read and written by this user \(read-only file or file system\?\)$/,
    );
  });

  it('a data file in a folder that cannot be written', async () => {
    await emulatorFile();
    if (asRoot) chownRecursive(data.dir, NOBODY);
    chmodSync(data.dir, 0o555);
    try {
      expect(await expectRefused(['--data', data.file], asRoot ? NOBODY : undefined)).toMatch(
        /: its folder .* is not writable by this user \(SQLite writes its journal next to the file\)$/,
      );
    } finally {
      chmodSync(data.dir, 0o755);
    }
  });

  it('a SQLite database of another program, left exactly as it was (not switched to WAL)', async () => {
    withConnection((db) => db.exec("CREATE TABLE users (name TEXT); INSERT INTO users VALUES ('ada')"));
    const before = readFileSync(data.file);
    expect(await expectRefused(['--data', data.file])).toMatch(
      /: is a SQLite database the emulator did not write \(tables: users\); give a new file or one the emulator made$/,
    );
    expect(readFileSync(data.file).equals(before)).toBe(true);
    expect(existsSync(`${data.file}-wal`)).toBe(false);
    expect(withConnection((db) => db.pragma('journal_mode', { simple: true }))).toBe('delete');
  });

  it('a clock offset in the meta table that is not a number', async () => {
    await emulatorFile();
    withConnection((db) =>
      db.prepare("INSERT OR REPLACE INTO meta (key, value) VALUES ('clock_offset_ms', 'soon')").run(),
    );
    expect(await expectRefused(['--data', data.file])).toMatch(
      /: meta row clock_offset_ms holds "soon", not a task-clock offset in ms .*; delete that row to put the clock back on real time$/,
    );
  });

  it('a clock offset past what the task clock can show', async () => {
    await emulatorFile();
    withConnection((db) =>
      db.prepare("INSERT OR REPLACE INTO meta (key, value) VALUES ('clock_offset_ms', ?)").run(String(300e12)),
    );
    expect(await expectRefused(['--data', data.file])).toMatch(/: meta row clock_offset_ms holds "300000000000000"/);
  });

  it('a task row that is not a task record', async () => {
    const taskId = await emulatorFile();
    withConnection((db) => db.prepare('UPDATE tasks SET record = \'{"id":\' WHERE id = ?').run(taskId));
    expect(await expectRefused(['--data', data.file])).toBe(
      `live-relay emulator: cannot start: data file ${JSON.stringify(data.file)}: the row of task ${JSON.stringify(taskId)} is not JSON; the file was changed outside the emulator`,
    );
  });
});

describe('the task clock near the end of year 9999', () => {
  it('refuses a move past what it can show with 400, and keeps a usable clock across a restart', async () => {
    await emulatorFile();
    // 300 days short of 9999-01-01T00:00:00Z, the latest the clock may show.
    const offset = Date.UTC(9999, 0, 1) - 300 * 86_400_000 - Date.now();
    withConnection((db) =>
      db.prepare("INSERT OR REPLACE INTO meta (key, value) VALUES ('clock_offset_ms', ?)").run(String(offset)),
    );
    let emulator = await start(['--data', data.file]);
    expect((await control(emulator.url, 'GET', 'clock')).body.now).toMatch(/^9998-03-/);

    const refused = await control(emulator.url, 'POST', 'clock', { advanceSeconds: 366 * 86_400 });
    expectError(refused, 'InvalidParameter');
    expect(refused.body.Message).toMatch(
      /would take it past 9999-01-01T00:00:00Z, the latest it may show; it can move at most \d+ seconds more/,
    );
    const now = await control(emulator.url, 'GET', 'clock');
    expectOk(now);
    expect(now.body.now).toMatch(/^9998-03-/);
    expectOk(await control(emulator.url, 'POST', 'clock', { advanceSeconds: 299 * 86_400 }));
    expectError(await control(emulator.url, 'POST', 'clock', { advanceSeconds: 2 * 86_400 }), 'InvalidParameter');

    destroyAgent();
    emulator.child.kill('SIGKILL');
    await emulator.exited;
    running.splice(running.indexOf(emulator), 1);
    emulator = await start(['--data', data.file]);
    const after = await control(emulator.url, 'GET', 'clock');
    expectOk(after);
    expect(after.body.now).toMatch(/^9998-12-/);
    const created = await sendSigned(emulator.url, {
      action: 'CreateLivePullToPush',
      params: createParams(new Date(after.body.now)),
      credentials: BUILT_IN_KEY,
    });
    expectOk(created);
    expectOk(await describeTaskAt(emulator.url, created.body.TaskId));
  });
});

function chownRecursive(path: string, user: typeof NOBODY): void {
  chownSync(path, user.uid, user.gid);
  for (const name of ['tasks.db', 'tasks.db-wal', 'tasks.db-shm']) {
    if (existsSync(join(path, name))) chownSync(join(path, name), user.uid, user.gid);
  }
}
