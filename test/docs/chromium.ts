import { accessSync, constants } from 'node:fs';
import { mkdtemp, rm } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { delimiter, join } from 'node:path';
import type { BrowserContext } from 'playwright-core';
import { chromium } from 'playwright-core';

/** Where Debian's `chromium` package puts the browser; CI installs it with `apt-get install chromium`. */
const DEBIAN_CHROMIUM = '/usr/bin/chromium';

/**
 * Flags for a quiet, offline, throwaway browser. Playwright adds `--headless` itself, and the
 * profile directory (`--user-data-dir`) is a fresh temporary one per launch.
 */
const FLAGS = [
  '--no-sandbox',
  '--disable-gpu',
  '--disable-quic',
  '--no-first-run',
  '--disable-background-networking',
  '--disable-component-update',
  '--disable-sync',
];

/** The installed Chromium: Debian's, else the first `chromium` on PATH; undefined when there is none. */
export function findChromium(): string | undefined {
  const onPath = (process.env['PATH'] ?? '')
    .split(delimiter)
    .filter((dir) => dir !== '')
    .map((dir) => join(dir, 'chromium'));
  return [DEBIAN_CHROMIUM, ...onPath].find((file) => {
    try {
      accessSync(file, constants.X_OK);
      return true;
    } catch {
      return false;
    }
  });
}

export interface HeadlessChromium {
  readonly context: BrowserContext;
  /** Closes the browser and deletes its profile. */
  close(): Promise<void>;
}

/** Starts the installed Chromium headless, with a fresh profile; never downloads a browser. */
export async function launchChromium(executablePath: string): Promise<HeadlessChromium> {
  const profile = await mkdtemp(join(tmpdir(), 'live-relay-chromium-'));
  const context = await chromium.launchPersistentContext(profile, {
    executablePath,
    headless: true,
    args: FLAGS,
    viewport: { width: 1400, height: 1000 },
  });
  return {
    context,
    async close() {
      await context.close();
      await rm(profile, { recursive: true, force: true });
    },
  };
}
