/**
 * bin/live-relay.js compiles the CLI bundle with a V8 code cache that the first successful run of
 * each kind (help, the emulator command, or a call) writes beside the bundle. These runs use a
 * copy of the package, so the checkout's own caches are left alone: the cache is written once, a
 * failed run writes none, the emulator command keeps its own, a later run reaches the emulator
 * command (a dynamic import, which the cached script makes through bin/) and prints the same, a
 * run under other Node options (V8 rejects a cache made under other flags) keeps a cache of its
 * own, and a damaged cache is only a slower start, once: the next successful run writes it again.
 */
import { execFile, spawn } from 'node:child_process';
import { existsSync } from 'node:fs';
import { cp, mkdtemp, readdir, readFile, rm, symlink, writeFile } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { type CliResult, ROOT } from './cli-process.js';
import { json, useEmulatorFixture } from './emulator-fixture.js';

const built = existsSync(join(ROOT, 'dist', 'live-relay-cli.cjs'));

/**
 * Matches the name of one kind's cache: bundle, build id, kind, Node version and architecture,
 * and with `options`, the hash of the Node options it was made under.
 */
const cacheOf = (kind: 'help' | 'emulator' | 'run', options = false) =>
  expect.stringMatching(
    new RegExp(
      `^live-relay-cli\\.[0-9a-f]{16}\\.${kind}\\.v\\d+\\.\\d+\\.\\d+-[a-z0-9]+${options ? '\\.o[0-9a-f]{8}' : ''}\\.cache$`,
    ),
  );

describe.skipIf(!built)(
  `the bin's code cache${built ? '' : ' (dist/live-relay-cli.cjs missing: run npm run build)'}`,
  () => {
    const fixture = useEmulatorFixture();
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

    const run = (args: readonly string[], env: Readonly<Record<string, string>> = {}): Promise<CliResult> =>
      new Promise((resolve, reject) => {
        execFile(
          process.execPath,
          [join(copy, 'bin', 'live-relay.js'), ...args],
          { env: { PATH: process.env['PATH'] ?? '', NO_COLOR: '1', ...env }, timeout: 30_000 },
          (error, stdout, stderr) => {
            if (error !== null && typeof error.code !== 'number') reject(error);
            else resolve({ code: error === null ? 0 : (error.code as number), stdout, stderr });
          },
        );
      });

    it('is written by the first successful run of a kind and used by the next, dynamic imports included', async () => {
      const first = await run(['emulator', '--help']);
      expect(first.code).toBe(0);
      const written = await caches();
      expect(written).toEqual([cacheOf('help')]);
      const second = await run(['emulator', '--help']);
      expect(second).toEqual(first);
      expect(second.stdout).toMatch(/^Usage: live-relay emulator/);
      expect(await caches()).toEqual(written);

      const usage = await run(['describe', '--region', 'nowhere']);
      expect(usage.code).toBe(2);
      expect(await caches()).toEqual(written);

      const list = ['list', '--region', 'cn-shanghai', ...fixture.endpointArgs];
      const listed = await run(list, fixture.env);
      expect(listed.code).toBe(0);
      const withCall = await caches();
      expect(withCall).toEqual([cacheOf('help'), cacheOf('run')]);
      const { RequestId: _first, ...firstBody } = json(listed.stdout);
      const again = await run(list, fixture.env);
      const { RequestId: _again, ...againBody } = json(again.stdout);
      expect({ ...again, stdout: againBody }).toEqual({ ...listed, stdout: firstBody });
      expect(await run(['describe', '--region', 'nowhere'])).toEqual(usage);
      expect(await caches()).toEqual(withCall);
    });

    /** `live-relay emulator` until it listens, then Ctrl-C; resolves with its exit code. */
    const serveOnce = (): Promise<number | null> =>
      new Promise((resolve, reject) => {
        const child = spawn(process.execPath, [join(copy, 'bin', 'live-relay.js'), 'emulator', '--port', '0'], {
          env: { PATH: process.env['PATH'] ?? '' },
          stdio: ['ignore', 'pipe', 'pipe'],
        });
        const timer = setTimeout(() => child.kill('SIGKILL'), 30_000);
        let stdout = '';
        let stopping = false;
        child.stdout.on('data', (chunk: Buffer) => {
          stdout += chunk.toString();
          if (stopping || !stdout.includes('Press Ctrl+C')) return;
          stopping = true;
          child.kill('SIGINT');
        });
        child.on('error', reject);
        child.on('exit', (code) => {
          clearTimeout(timer);
          resolve(code);
        });
      });

    it("keeps the emulator command's cache apart from the calls'", async () => {
      const before = await caches();
      expect(await serveOnce()).toBe(0);
      const added = (await caches()).filter((name) => !before.includes(name));
      expect(added).toEqual([cacheOf('emulator')]);
    });

    it('keeps a cache apart for each set of Node options, and the plain one stays as it was', async () => {
      const before = await caches();
      const plainFile = join(copy, 'dist', before.find((name) => name.includes('.help.'))!);
      const plain = await readFile(plainFile);
      const options = { NODE_OPTIONS: '--max-old-space-size=512' };
      const first = await run(['--help'], options);
      expect(first.code).toBe(0);
      const added = (await caches()).filter((name) => !before.includes(name));
      expect(added).toEqual([cacheOf('help', true)]);
      expect(await run(['--help'], options)).toEqual(first);
      expect(await run(['--help'], { NODE_OPTIONS: '--max-old-space-size=256' })).toEqual(first);
      expect(await caches()).toHaveLength(before.length + 2);
      expect(await readFile(plainFile)).toEqual(plain);
    });

    it('runs as before when the cache is damaged, and the next successful run writes it again', async () => {
      const before = await run(['--help']);
      const names = await caches();
      for (const name of names) await writeFile(join(copy, 'dist', name), 'not a code cache');
      const after = await run(['--help']);
      expect(after).toEqual(before);
      expect(after.stdout).toMatch(/^live-relay: /);
      expect(await caches()).toEqual(names);
      const rewritten = names.filter((name) => name.includes('.help.') && !/\.o[0-9a-f]{8}\./.test(name));
      expect(rewritten).toHaveLength(1);
      expect((await readFile(join(copy, 'dist', rewritten[0]!))).length).toBeGreaterThan(10_000);
      for (const name of names.filter((name) => !rewritten.includes(name)))
        expect(await readFile(join(copy, 'dist', name), 'utf8')).toBe('not a code cache');
    });
  },
);
