import { LATEST_TASK_CLOCK_MS } from '../clock/task-clock.js';
import type { TaskRecord } from '../lifecycle/task-record.js';
import { DataFileError } from './data-file-error.js';
import { createMemoryTaskStore } from './memory-task-store.js';
import { openDataFile } from './open-data-file.js';
import type { TaskStore } from './task-store.js';

const CLOCK_OFFSET_KEY = 'clock_offset_ms';

/**
 * A store backed by one SQLite file (better-sqlite3, WAL journal). Reads come from an in-memory
 * copy loaded at open; every write goes to the file before the call returns, so a task the API
 * acknowledged survives a crash or `kill -9` of the process (WAL with synchronous=NORMAL: a
 * committed transaction is in the log before COMMIT returns; an OS crash or power loss may lose
 * the last few). One row per task: id, creation order, region and status as columns, the whole
 * record as JSON. The file is this process's alone while it is open (see {@link openDataFile}).
 *
 * better-sqlite3 is an optional dependency, loaded only here.
 * @throws DataFileError if the file cannot be used: bad path, not writable, in use by another
 *   emulator, not an emulator file, another schema version, or rows the emulator cannot read
 * @throws Error if better-sqlite3 is not installed
 */
export function openSqliteTaskStore(file: string): TaskStore {
  const db = openDataFile(file);
  const memory = createMemoryTaskStore();
  try {
    for (const row of db.prepare('SELECT id, record FROM tasks ORDER BY seq').iterate()) {
      const { id, record } = row as { id: string; record: string };
      memory.put(taskOf(file, id, record));
    }
    const offset = db.prepare('SELECT value FROM meta WHERE key = ?').pluck().get(CLOCK_OFFSET_KEY);
    if (offset !== undefined) memory.saveClockOffset(clockOffsetOf(file, offset));
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
      const batchTouched = new Set<string>();
      touched = batchTouched;
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

/** A stored task row as a record, or a DataFileError naming the row. */
function taskOf(file: string, id: string, json: string): TaskRecord {
  let record: unknown;
  try {
    record = JSON.parse(json);
  } catch {
    throw new DataFileError(
      file,
      `the row of task ${JSON.stringify(id)} is not JSON; the file was changed outside the emulator`,
    );
  }
  const task = record as Partial<TaskRecord> | null;
  if (
    typeof task !== 'object' ||
    task === null ||
    task.id !== id ||
    !Number.isSafeInteger(task.seq) ||
    typeof task.region !== 'string' ||
    typeof task.status !== 'number' ||
    typeof task.info !== 'object' ||
    typeof task.relay !== 'object'
  ) {
    throw new DataFileError(
      file,
      `the row of task ${JSON.stringify(id)} is not a task record; the file was changed outside the emulator`,
    );
  }
  return task as TaskRecord;
}

/** The stored clock offset, or a DataFileError when it is not one the task clock can run on. */
function clockOffsetOf(file: string, value: unknown): number {
  const ms = typeof value === 'string' && /^\d+(\.\d+)?(e[+-]?\d+)?$/i.test(value) ? Number(value) : Number.NaN;
  if (!(ms >= 0 && Date.now() + ms <= LATEST_TASK_CLOCK_MS)) {
    throw new DataFileError(
      file,
      `meta row ${CLOCK_OFFSET_KEY} holds ${JSON.stringify(String(value)).slice(0, 40)}, not a task-clock offset in ms (0 or more, the clock before ${new Date(LATEST_TASK_CLOCK_MS).toISOString()}); delete that row to put the clock back on real time`,
    );
  }
  return ms;
}
