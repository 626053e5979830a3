/**
 * bin/live-relay.js compiles the CLI bundle with a V8 code cache that the first run of each kind
 * (help, or anything else) writes beside the bundle. These runs use a copy of the package, so the
 * checkout's own caches are left alone: the cache is written once, a later run reaches the emulator
 * command (a dynamic import, which the cached script makes through bin/) and prints the same, and
 * a damaged cache is only a slower start.
 */
import { execFile } from 'node:child_process';
import { existsSync } from 'node:fs';
import { cp, mkdtemp, readdir, rm, symlink, writeFile } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { type CliResult, ROOT } from './cli-process.js';

const built = existsSync(join(ROOT, 'dist', 'live-relay-cli.cjs'));

describe.skipIf(!built)(
  `the bin's code cache${built ? '' : ' (dist/live-relay-cli.cjs missing: run npm run build)'}`,
  () => {
    let copy: string;
    beforeAll(async () => {
      copy = await mkdtemp(join(tmpdir(), 'live-relay-code-cache-'));
      for (const part of ['bin', 'dist', 'generated', 'package.json'])
        await cp(join(ROOT, part), join(copy, part), { recursive: true });
      await symlink(join(ROOT, 'node_modules'), join(copy, 'node_modules'));
      for (const name of await caches()) await rm(join(copy, 'dist', name));
    });
    afterAll(async () => {
      await rm(copy, { recursive: true, force: true });
    });

    const caches = async (): Promise<string[]> =>
      (await readdir(join(copy, 'dist'))).filter((name) => name.endsWith('.cache')).sort();

    const run = (args: readonly string[]): Promise<CliResult> =>
      new Promise((resolve, reject) => {
        execFile(
          process.execPath,
          [join(copy, 'bin', 'live-relay.js'), ...args],
          { env: { PATH: process.env['PATH'] ?? '', NO_COLOR: '1' }, timeout: 30_000 },
          (error, stdout, stderr) => {
            if (error !== null && typeof error.code !== 'number') reject(error);
            else resolve({ code: error === null ? 0 : (error.code as number), stdout, stderr });
          },
        );
      });

    it('is written by the first run of a kind and used by the next, dynamic imports included', async () => {
      const first = await run(['emulator', '--help']);
      expect(first.code).toBe(0);
      const written = await caches();
      expect(written).toEqual([
        expect.stringMatching(/^live-relay-cli\.[0-9a-f]{16}\.help\.v\d+\.\d+\.\d+-[a-z0-9]+\.cache$/),
      ]);
      const second = await run(['emulator', '--help']);
      expect(second).toEqual(first);
      expect(second.stdout).toMatch(/^Usage: live-relay emulator/);
      expect(await caches()).toEqual(written);

      const usage = await run(['describe', '--region', 'nowhere']);
      expect(usage.code).toBe(2);
      expect(await caches()).toHaveLength(2);
      expect(await run(['describe', '--region', 'nowhere'])).toEqual(usage);
    });

    it('runs as before when the cache is damaged', async () => {
      const before = await run(['--help']);
      for (const name of await caches()) await writeFile(join(copy, 'dist', name), 'not a code cache');
      const after = await run(['--help']);
      expect(after).toEqual(before);
      expect(after.stdout).toMatch(/^live-relay: /);
    });
  },
);
