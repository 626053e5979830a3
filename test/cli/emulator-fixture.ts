import { type RunningEmulator, startEmulator } from '../../src/emulator/server.js';
import { formatUtcTimestamp } from '../../src/rules/utc-timestamp.js';

/** An emulator on a free loopback port, and what the CLI needs to talk to it. */
export interface EmulatorFixture {
  readonly emulator: RunningEmulator;
  /** `--endpoint <url>`. */
  readonly endpointArgs: readonly string[];
  /** The emulator's key pair as the environment variables the credential chain reads. */
  readonly env: Readonly<Record<string, string>>;
  /** Every request that reached the emulator's throttle (signature verified), in order. */
  arrivals(): Promise<{ action: string; outcome: string }[]>;
  /** A time `minutes` after the emulator's task clock (which `advanceClock` moves), in the API's format. */
  minutesFromNow(minutes: number): string;
  /** Moves the task clock forward through the control API. */
  advanceClock(seconds: number): Promise<void>;
  close(): Promise<void>;
}

export async function startEmulatorFixture(): Promise<EmulatorFixture> {
  // No throttling: each test runs many CLI processes, and the limit is not what is under test.
  const emulator = await startEmulator({ port: 0, qpsLimit: Infinity });
  const control = async (path: string, init?: RequestInit): Promise<Record<string, unknown>> => {
    const response = await fetch(`${emulator.url}/_emulator/${path}`, init);
    if (!response.ok) throw new Error(`control ${path}: HTTP ${response.status}`);
    return (await response.json()) as Record<string, unknown>;
  };
  return {
    emulator,
    endpointArgs: ['--endpoint', emulator.url],
    env: {
      ALIBABA_CLOUD_ACCESS_KEY_ID: emulator.credentials.accessKeyId,
      ALIBABA_CLOUD_ACCESS_KEY_SECRET: emulator.credentials.accessKeySecret,
    },
    async arrivals() {
      const body = (await control('requests')) as {
        Requests: Record<string, { seq: number; action: string; outcome: string }[]>;
      };
      return Object.values(body.Requests)
        .flat()
        .sort((a, b) => a.seq - b.seq)
        .map(({ action, outcome }) => ({ action, outcome }));
    },
    minutesFromNow: (minutes) => formatUtcTimestamp(new Date(emulator.service.now().getTime() + minutes * 60_000)),
    async advanceClock(seconds) {
      await control('clock', {
        method: 'POST',
        headers: { 'content-type': 'application/json' },
        body: JSON.stringify({ advanceSeconds: seconds }),
      });
    },
    close: () => emulator.close(),
  };
}

/** Parses the CLI's JSON stdout. */
export function json(stdout: string): Record<string, unknown> {
  return JSON.parse(stdout) as Record<string, unknown>;
}
