import { afterAll, beforeAll } from 'vitest';
import { type RunningEmulator, startEmulator } from '../../src/emulator/server.js';
import { formatUtcTimestamp } from '../../src/rules/utc-timestamp.js';
import { type CliResult, runCli } from './cli-process.js';

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

/** An {@link EmulatorFixture} that also runs the CLI against its emulator. */
export interface CliFixture extends EmulatorFixture {
  /** Runs the CLI with `--endpoint` set to the emulator and its key pair in the environment. */
  cli(...args: string[]): Promise<CliResult>;
}

/**
 * Starts an emulator before the tests of the enclosing file or `describe` block and stops it
 * after them. The fixture's members may be used from the tests and hooks that follow.
 */
export function useEmulatorFixture(): CliFixture {
  let started: EmulatorFixture | undefined;
  beforeAll(async () => {
    started = await startEmulatorFixture();
  });
  afterAll(async () => {
    await started?.close();
  });
  const current = (): EmulatorFixture => {
    if (started === undefined) throw new Error('the emulator fixture starts in beforeAll: use it from a test or hook');
    return started;
  };
  return {
    get emulator() {
      return current().emulator;
    },
    get endpointArgs() {
      return current().endpointArgs;
    },
    get env() {
      return current().env;
    },
    arrivals: () => current().arrivals(),
    minutesFromNow: (minutes) => current().minutesFromNow(minutes),
    advanceClock: (seconds) => current().advanceClock(seconds),
    close: () => current().close(),
    cli: (...args) => runCli([...args, ...current().endpointArgs], current().env),
  };
}
