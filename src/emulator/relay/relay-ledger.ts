import { readFileSync, renameSync, writeFileSync } from 'node:fs';

/** One relay process as recorded: enough to recognise it after our own restart, and nothing else. */
interface LedgerEntry {
  taskId: string;
  pid: number;
  /** Field 22 of /proc/<pid>/stat: tells our process from a later one that reuses the pid. */
  startTime: string;
}

/**
 * Where a relay records the processes it starts, so that a restarted emulator can end survivors;
 * {@link RelayLedger} keeps them in a file beside the data file.
 */
export interface ProcessLedger {
  add(taskId: string, pid: number): void;
  remove(pid: number): void;
}

/** A process the sweep found still running from before and ended. */
export interface SweptProcess {
  readonly taskId: string;
  readonly pid: number;
}

/**
 * The relay processes of one emulator, kept in a small JSON file beside its data file so that a
 * restarted emulator can end any survivor of a `kill -9` (normally the kernel already did, through
 * the parent-death signal; this covers a machine without setpriv). Writes are synchronous and
 * atomic (write, then rename): a spawn or an exit is rare next to the media it carries.
 */
export class RelayLedger implements ProcessLedger {
  readonly #file: string;
  readonly #entries = new Map<number, LedgerEntry>();
  /** What the file listed when this ledger opened it: the previous emulator's relays. */
  readonly #previous: LedgerEntry[];

  constructor(file: string) {
    this.#file = file;
    try {
      this.#previous = (JSON.parse(readFileSync(file, 'utf8')) as { processes: LedgerEntry[] }).processes;
    } catch {
      // No file (first start) or a torn one: nothing we can recognise.
      this.#previous = [];
    }
  }

  add(taskId: string, pid: number): void {
    const startTime = processStartTime(pid);
    if (startTime === undefined) return; // already gone
    this.#entries.set(pid, { taskId, pid, startTime });
    this.#save();
  }

  remove(pid: number): void {
    if (this.#entries.delete(pid)) this.#save();
  }

  /**
   * Ends every process the file listed when opened that is still ours: same pid, same start time, and
   * `RELAY_TASK_ID=<its task>` in its environment (SIGTERM to its group, SIGKILL after `graceMs`).
   * The file then lists this ledger's own processes only. Resolves with what it ended.
   */
  async sweep(graceMs = 3000): Promise<SweptProcess[]> {
    const survivors = this.#previous
      .splice(0)
      .filter(
        (entry) =>
          processStartTime(entry.pid) === entry.startTime && environHas(entry.pid, `RELAY_TASK_ID=${entry.taskId}`),
      );
    for (const entry of survivors) signal(entry.pid, 'SIGTERM');
    const deadline = Date.now() + graceMs;
    while (survivors.some((entry) => processStartTime(entry.pid) === entry.startTime) && Date.now() < deadline) {
      await new Promise((resolve) => setTimeout(resolve, 50));
    }
    for (const entry of survivors) if (processStartTime(entry.pid) === entry.startTime) signal(entry.pid, 'SIGKILL');
    this.#save();
    return survivors.map(({ taskId, pid }) => ({ taskId, pid }));
  }

  #save(): void {
    const temporary = `${this.#file}.tmp`;
    writeFileSync(temporary, JSON.stringify({ processes: [...this.#entries.values()] }));
    renameSync(temporary, this.#file);
  }
}

/** The process's start time in clock ticks since boot; undefined when it is gone or a zombie. */
function processStartTime(pid: number): string | undefined {
  let stat: string;
  try {
    stat = readFileSync(`/proc/${pid}/stat`, 'utf8');
  } catch {
    return undefined;
  }
  // The command name (field 2) may hold spaces and parentheses: count fields after its last ')'.
  const fields = stat.slice(stat.lastIndexOf(')') + 2).split(' ');
  if (fields[0] === 'Z' || fields[0] === 'X') return undefined;
  return fields[19];
}

function environHas(pid: number, variable: string): boolean {
  try {
    return readFileSync(`/proc/${pid}/environ`, 'utf8').split('\0').includes(variable);
  } catch {
    return false;
  }
}

function signal(pid: number, name: NodeJS.Signals): void {
  try {
    process.kill(-pid, name);
  } catch {
    try {
      process.kill(pid, name);
    } catch {
      // Gone in between.
    }
  }
}
