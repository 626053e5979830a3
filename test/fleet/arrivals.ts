import { expect } from 'vitest';
import type { Arrival } from '../../src/emulator/gateway/arrival-log.js';
import { busiestWindow } from '../support/busiest-window.js';

/** The emulator's arrival log of one AccessKeyId, oldest first (`GET /_emulator/requests`). */
export async function arrivalsOf(emulatorUrl: string, accessKeyId: string): Promise<Arrival[]> {
  const response = await fetch(`${emulatorUrl}/_emulator/requests?AccessKeyId=${encodeURIComponent(accessKeyId)}`);
  if (!response.ok) throw new Error(`GET /_emulator/requests answered ${response.status}: ${await response.text()}`);
  const body = (await response.json()) as { Requests: Record<string, Arrival[]> };
  return body.Requests[accessKeyId] ?? [];
}

/** Every arrival was served (none throttled or refused) and no sliding window saw more than `limit`. */
export function expectServedWithinLimit(arrivals: readonly Arrival[], limit = 10, windowMs = 1000): void {
  expect(arrivals.filter((a) => a.outcome !== 'OK')).toEqual([]);
  expect(busiestArrivalWindow(arrivals, windowMs)).toBeLessThanOrEqual(limit);
}

/** The most arrivals any sliding window of `windowMs` saw. */
export function busiestArrivalWindow(arrivals: readonly Arrival[], windowMs = 1000): number {
  return busiestWindow(
    arrivals.map((a) => a.time),
    windowMs,
  );
}
