import { createRequire } from 'node:module';
import type BetterSqlite3 from 'better-sqlite3';
import type { TaskRecord } from '../lifecycle/task-record.js';
import { createMemoryTaskStore } from './memory-task-store.js';
import type { TaskStore } from './task-store.js';

/** Bumped when the row layout changes; a file with another version is refused, not guessed at. */
const SCHEMA_VERSION = 1;

const SCHEMA = `
  CREATE TABLE IF NOT EXISTS tasks (
    id     TEXT PRIMARY KEY,
    seq    INTEGER NOT NULL UNIQUE,
    region TEXT NOT NULL,
    status INTEGER NOT NULL,
    record TEXT NOT NULL
  ) STRICT;
  CREATE TABLE IF NOT EXISTS meta (
    key   TEXT PRIMARY KEY,
    value TEXT NOT NULL
  ) STRICT;
`;

const CLOCK_OFFSET_KEY = 'clock_offset_ms';

/**
 * A store backed by one SQLite file (better-sqlite3, WAL journal). Reads come from an in-memory
 * copy loaded at open; every write goes to the file before the call returns, so a task the API
 * acknowledged survives a crash or `kill -9` of the process (WAL with synchronous=NORMAL: a
 * committed transaction is in the log before COMMIT returns; an OS crash or power loss may lose
 * the last few). One row per task: id, creation order, region and status as columns, the whole
 * record as JSON.
 *
 * better-sqlite3 is an optional dependency, loaded only here.
 * @throws Error if better-sqlite3 is not installed, or the file was written by another schema version
 */
export function openSqliteTaskStore(file: string): TaskStore {
  const db = openDatabase(file);
  const memory = createMemoryTaskStore();
  try {
    migrate(db, file);
    for (const row of db.prepare('SELECT record FROM tasks ORDER BY seq').pluck().iterate()) {
      memory.put(JSON.parse(row as string) as TaskRecord);
    }
    const offset = db.prepare('SELECT value FROM meta WHERE key = ?').pluck().get(CLOCK_OFFSET_KEY);
    if (typeof offset === 'string') memory.saveClockOffset(Number(offset));
  } catch (error) {
    db.close();
    throw error;
  }

  const upsert = db.prepare(
    `INSERT INTO tasks (id, seq, region, status, record) VALUES (?, ?, ?, ?, ?)
     ON CONFLICT (id) DO UPDATE SET region = excluded.region, status = excluded.status, record = excluded.record`,
  );
  const remove = db.prepare('DELETE FROM tasks WHERE id = ?');
  const saveMeta = db.prepare(
    'INSERT INTO meta (key, value) VALUES (?, ?) ON CONFLICT (key) DO UPDATE SET value = excluded.value',
  );
  const clearAll = db.transaction(() => {
    db.exec('DELETE FROM tasks; DELETE FROM meta;');
  });
  const select = db.prepare('SELECT record FROM tasks WHERE id = ?').pluck();
  // Built once: better-sqlite3 makes a new wrapper for every db.transaction() call.
  const inTransaction = db.transaction((work: () => unknown) => work());
  /** Tasks written by the batch in progress, to reload if it rolls back. */
  let touched: Set<string> | undefined;

  /**
   * Transitions mutate records before they are written; when a write fails the transaction
   * rolls back, so the records it touched are read back from the file to match it again.
   */
  function reload(ids: Iterable<string>): void {
    for (const id of ids) {
      const row = select.get(id);
      if (typeof row === 'string') memory.put(JSON.parse(row) as TaskRecord);
      else memory.delete(id);
    }
  }

  return {
    get: memory.get,
    put(task) {
      touched?.add(task.id);
      upsert.run(task.id, task.seq, task.region, task.status, JSON.stringify(task));
      memory.put(task);
    },
    delete(id) {
      touched?.add(id);
      remove.run(id);
      memory.delete(id);
    },
    page: memory.page,
    all: memory.all,
    nextSeq: memory.nextSeq,
    batch<T>(work: () => T): T {
      if (db.inTransaction) return work();
      const batchTouched = (touched = new Set());
      try {
        return inTransaction(work) as T;
      } catch (error) {
        reload(batchTouched);
        throw error;
      } finally {
        touched = undefined;
      }
    },
    clockOffsetMs: memory.clockOffsetMs,
    saveClockOffset(ms) {
      saveMeta.run(CLOCK_OFFSET_KEY, String(ms));
      memory.saveClockOffset(ms);
    },
    clear() {
      clearAll();
      memory.clear();
    },
    close() {
      if (db.open) db.close();
    },
  };
}

function openDatabase(file: string): BetterSqlite3.Database {
  const require = createRequire(import.meta.url);
  let Database: typeof BetterSqlite3;
  try {
    Database = require('better-sqlite3') as typeof BetterSqlite3;
  } catch (error) {
    throw new Error('dataFile needs the optional dependency better-sqlite3 (npm install better-sqlite3)', {
      cause: error,
    });
  }
  const db = new Database(file);
  db.pragma('journal_mode = WAL');
  db.pragma('synchronous = NORMAL');
  db.pragma('busy_timeout = 5000');
  return db;
}

function migrate(db: BetterSqlite3.Database, file: string): void {
  const version = db.pragma('user_version', { simple: true }) as number;
  if (version === SCHEMA_VERSION) return;
  const hasTables = db.prepare("SELECT count(*) FROM sqlite_master WHERE type = 'table'").pluck().get() as number;
  if (version !== 0 || hasTables > 0) {
    throw new Error(
      `${file} holds emulator data of schema version ${version}; this emulator reads version ${SCHEMA_VERSION}`,
    );
  }
  db.transaction(() => {
    db.exec(SCHEMA);
    db.pragma(`user_version = ${SCHEMA_VERSION}`);
  })();
}
