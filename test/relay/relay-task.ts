import { statSync } from 'node:fs';
import type { LiveClient } from '../../src/index.js';

export const REGION = 'cn-shanghai';

const utc = (ms: number) => new Date(ms).toISOString().replace(/\.\d{3}Z$/, 'Z');

/** What Describe showed, one sample per poll. */
export interface Seen {
  status: number;
  index: number;
  offset: number;
  reason?: string;
}

/** Creates a task that starts now and ends in an hour; returns its TaskId. */
export async function createTask(
  client: LiveClient,
  fields: { SourceUrls: string[]; DstUrl: string; SourceType?: 'url' | 'live' | 'vod' } & Record<string, unknown>,
): Promise<string> {
  const now = Date.now();
  const { TaskId } = await client.createLivePullToPush({
    Region: REGION,
    SourceType: 'url',
    StartTime: utc(now - 1000),
    EndTime: utc(now + 3_600_000),
    ...fields,
  } as Parameters<LiveClient['createLivePullToPush']>[0]);
  return TaskId;
}

/**
 * Polls Describe every 250 ms until `until` holds for a sample, collecting every sample; rejects
 * after `timeoutMs` with what it saw.
 */
export async function watchTask(
  client: LiveClient,
  TaskId: string,
  until: (seen: Seen) => boolean,
  timeoutMs = 30_000,
  samples: Seen[] = [],
): Promise<Seen[]> {
  const deadline = Date.now() + timeoutMs;
  for (;;) {
    const task = await client.describeLivePullToPush({ TaskId, Region: REGION });
    const seen: Seen = {
      status: task.TaskStatus ?? -2,
      index: task.CurrentFileIndex ?? -1,
      offset: task.CurrentOffset ?? -1,
      ...(task.TaskInvalidReason === undefined ? {} : { reason: task.TaskInvalidReason }),
    };
    samples.push(seen);
    if (until(seen)) return samples;
    if (Date.now() > deadline)
      throw new Error(`task ${TaskId} never got there; saw ${JSON.stringify(samples.slice(-8))}`);
    await new Promise((resolve) => setTimeout(resolve, 250));
  }
}

/** Resolves once `name` has a recording at least `bytes` long: media has reached the RTMP server. */
export async function mediaArrived(
  recordings: () => Promise<string[]>,
  bytes = 20_000,
  timeoutMs = 20_000,
): Promise<void> {
  const deadline = Date.now() + timeoutMs;
  for (;;) {
    const files = await recordings();
    const last = files.at(-1);
    if (last !== undefined && statSync(last).size >= bytes) return;
    if (Date.now() > deadline)
      throw new Error(`no media arrived within ${timeoutMs} ms (${files.join(', ') || 'no recording'})`);
    await new Promise((resolve) => setTimeout(resolve, 200));
  }
}
