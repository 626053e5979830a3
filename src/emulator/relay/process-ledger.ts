/**
 * Where a relay records the processes it starts, so that a restarted emulator can end survivors
 * (relay-ledger.ts keeps them in a file beside the data file).
 */
export interface ProcessLedger {
  add(taskId: string, pid: number): void;
  remove(pid: number): void;
}
