import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterEach, beforeEach } from 'vitest';

/** Where a test keeps its emulator data: a folder of its own and a file path inside it. */
export interface TestDataFile {
  /** The test's fresh temporary folder. */
  readonly dir: string;
  /** `tasks.db` in {@link dir}; not created. */
  readonly file: string;
}

/**
 * A fresh temporary folder for each test, named `prefix…`, removed after the test once `release`
 * has closed whatever still holds the file open. Read `dir` and `file` inside a test (they change
 * for each one).
 */
export function dataFilePerTest(prefix: string, release: () => Promise<unknown>): TestDataFile {
  const current = { dir: '', file: '' };
  beforeEach(() => {
    current.dir = mkdtempSync(join(tmpdir(), prefix));
    current.file = join(current.dir, 'tasks.db');
  });
  afterEach(async () => {
    await release();
    rmSync(current.dir, { recursive: true, force: true });
  });
  return current;
}
