import { accessSync, constants, statSync } from 'node:fs';
import { createRequire } from 'node:module';
import { dirname, resolve } from 'node:path';
import type BetterSqlite3 from 'better-sqlite3';
import { DataFileError } from './data-file-error.js';

/** Bumped when the row layout changes; a file with another version is refused, not guessed at. */
const SCHEMA_VERSION = 1;

/** The tables an emulator data file holds, and nothing else. */
const TABLES = ['meta', 'tasks'] as const;

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

/**
 * Opens an emulator data file for this process alone, or throws {@link DataFileError} saying why
 * it cannot be used. Every check runs before anything is served:
 *
 * - the path: not empty, its folder exists, not a folder itself, readable and writable (with a
 *   writable folder, where SQLite keeps the `-wal` file);
 * - one writer: the connection runs in `locking_mode=EXCLUSIVE` and takes its lock at once
 *   (`busy_timeout=0`), so a second emulator on the same file is refused. The operating system
 *   drops the lock when the process ends, however it ends (`kill -9` included);
 * - the contents: an empty file or one this emulator wrote; anything else is refused before it
 *   is changed (a foreign database is not even switched to WAL);
 * - a first write, so a file that cannot be written is found now.
 *
 * The file is then in WAL mode with `synchronous=NORMAL` and has the current schema.
 */
export function openDataFile(file: string): BetterSqlite3.Database {
  checkPath(file);
  const Database = loadDriver(file);
  let db: BetterSqlite3.Database;
  try {
    db = new Database(file);
  } catch (error) {
    throw sqliteProblem(file, error);
  }
  try {
    db.pragma('busy_timeout = 0');
    // Set before the first read: with WAL, the lock is then taken on that read and held, and no
    // shared-memory index (`-shm`) is made for other processes to join.
    db.pragma('locking_mode = EXCLUSIVE');
    const version = db.pragma('user_version', { simple: true }) as number;
    checkContents(db, file, version);
    db.pragma('journal_mode = WAL');
    db.pragma('synchronous = NORMAL');
    db.transaction(() => {
      db.exec(SCHEMA);
      // Always a write (SQLite rewrites the header even with the same value): proves the file
      // and its folder take writes.
      db.pragma(`user_version = ${SCHEMA_VERSION}`);
    })();
    return db;
  } catch (error) {
    db.close();
    throw error instanceof DataFileError ? error : sqliteProblem(file, error);
  }
}

function checkPath(file: string): void {
  if (file === '') throw new DataFileError(file, 'the path is empty; give a file name');
  const folder = dirname(resolve(file));
  const folderStat = statSync(folder, { throwIfNoEntry: false });
  if (folderStat === undefined) throw new DataFileError(file, `its folder ${folder} does not exist`);
  if (!folderStat.isDirectory()) throw new DataFileError(file, `${folder} is not a folder`);
  const stat = statSync(file, { throwIfNoEntry: false });
  if (stat?.isDirectory()) throw new DataFileError(file, 'is a folder; give a file inside it');
  if (stat !== undefined && !stat.isFile()) throw new DataFileError(file, 'is not a regular file');
  if (stat !== undefined && !accessible(file, constants.R_OK | constants.W_OK)) {
    throw new DataFileError(file, 'cannot be both read and written by this user (read-only file or file system?)');
  }
  if (!accessible(folder, constants.W_OK | constants.X_OK)) {
    throw new DataFileError(
      file,
      `its folder ${folder} is not writable by this user (SQLite writes its journal next to the file)`,
    );
  }
}

function accessible(path: string, mode: number): boolean {
  try {
    accessSync(path, mode);
    return true;
  } catch {
    return false;
  }
}

function loadDriver(file: string): typeof BetterSqlite3 {
  try {
    return createRequire(import.meta.url)('better-sqlite3') as typeof BetterSqlite3;
  } catch (error) {
    throw new DataFileError(file, 'needs the optional dependency better-sqlite3 (npm install better-sqlite3)', {
      cause: error,
    });
  }
}

/** Refuses a database this emulator did not write (read only: nothing is changed first). */
function checkContents(db: BetterSqlite3.Database, file: string, version: number): void {
  const tables = db
    .prepare("SELECT name FROM sqlite_master WHERE type = 'table' ORDER BY name")
    .pluck()
    .all() as string[];
  if (version === 0 && tables.length === 0) return;
  if (version === SCHEMA_VERSION && tables.join() === TABLES.join()) return;
  if (version === 0 || version === SCHEMA_VERSION) {
    const shown = tables.length > 8 ? `${tables.slice(0, 8).join(', ')}, …` : tables.join(', ');
    throw new DataFileError(
      file,
      `is a SQLite database the emulator did not write (tables: ${shown}); give a new file or one the emulator made`,
    );
  }
  throw new DataFileError(
    file,
    `holds emulator data of schema version ${version}; this emulator reads version ${SCHEMA_VERSION}`,
  );
}

/** One line for a SQLite failure while opening, by its result code. */
function sqliteProblem(file: string, error: unknown): DataFileError {
  const code = (error as { code?: unknown }).code;
  const detail = error instanceof Error ? error.message : String(error);
  if (code === 'SQLITE_BUSY' || code === 'SQLITE_LOCKED') {
    return new DataFileError(
      file,
      'is in use by another emulator (or another program holds it open); stop that one or give another file',
      { cause: error },
    );
  }
  if (code === 'SQLITE_NOTADB') return new DataFileError(file, 'is not a SQLite database', { cause: error });
  if (code === 'SQLITE_CORRUPT') return new DataFileError(file, `is damaged (${detail})`, { cause: error });
  if (typeof code === 'string' && (code.startsWith('SQLITE_READONLY') || code.startsWith('SQLITE_CANTOPEN'))) {
    return new DataFileError(file, `cannot be opened for writing (${detail})`, { cause: error });
  }
  return new DataFileError(file, `cannot be opened (${detail})`, { cause: error });
}
