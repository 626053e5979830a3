import { readdirSync, readFileSync } from 'node:fs';

/** Pids of live processes whose environment marks them as the relay of `taskId` (RELAY_TASK_ID). */
export function relaysOf(taskId: string): number[] {
  const found: number[] = [];
  for (const name of readdirSync('/proc')) {
    if (!/^\d+$/.test(name)) continue;
    try {
      const state = readFileSync(`/proc/${name}/stat`, 'utf8');
      if (/\) Z /.test(state)) continue;
      if (readFileSync(`/proc/${name}/environ`, 'utf8').split('\0').includes(`RELAY_TASK_ID=${taskId}`))
        found.push(Number(name));
    } catch {
      // Gone while we looked.
    }
  }
  return found;
}

/** Polls `check` every 100 ms; resolves whether it held within `timeoutMs`. */
export async function until(check: () => boolean, timeoutMs: number): Promise<boolean> {
  const deadline = Date.now() + timeoutMs;
  while (!check()) {
    if (Date.now() > deadline) return false;
    await new Promise((resolve) => setTimeout(resolve, 100));
  }
  return true;
}
