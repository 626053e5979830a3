/**
 * Bundles what tsc compiled into `dist/` into one file each for
 *
 * - the client (`dist/index.js` → `dist/live-relay.js`, an ES module), the package's main export;
 * - the `live-relay` command (`dist/cli/main.js` → `dist/live-relay-cli.cjs`), which `bin/` runs;
 * - the `live-relay emulator` command (`dist/cli/emulator-command.js` → `dist/live-relay-emulator.cjs`),
 *   which the command loads only for `emulator`, so a plain API call never loads the emulator
 *   (HTTP server, SQLite store, task service).
 *
 * Loading one file instead of ~60 small modules is most of a CLI's or a serverless function's cold
 * start. The per-module layout under `dist/` stays for the type declarations and `live-relay/emulator`.
 *
 * The command's bundles are CommonJS: started from a CommonJS file, Node 20 skips its ES module
 * loader, and `require('node:crypto')` does not evaluate every lazy export of the module as an ES
 * import of it does (WebCrypto among them): together about 10 ms of CPU per run. Their `import()`s
 * become `require()`s, so that `bin/` can compile the command with the V8 code cache written here
 * (`bin/bundle-loader.js`; V8 cannot resume a dynamic import in a script it compiled from a cache).
 */
import { execFileSync } from 'node:child_process';
import { readFile } from 'node:fs/promises';
import { fileURLToPath } from 'node:url';
import { type BuildOptions, build, type Plugin } from 'esbuild';

const common: BuildOptions = {
  bundle: true,
  format: 'esm',
  platform: 'node',
  target: 'node20',
  // Optional peers, loaded lazily only by the features that need them.
  external: ['ioredis', 'better-sqlite3'],
  legalComments: 'inline',
  logLevel: 'warning',
};

/**
 * openapi-fetch builds a WHATWG `Headers` for every request (`mergeHeaders`) and hands it to the
 * `Request` class it is given. Ours (`RelayRequest`) never reads it: the transport signs and sends
 * its own headers, and with the `fetch` option `fetch-sender` builds its own `Request`. The global
 * `Headers` is where Node loads undici (about 20 ms on the first call, 2–5 µs per call after), so in
 * the bundles openapi-fetch gets a plain header map (`scripts/bundle/plain-headers.ts`) under that
 * name instead. Nothing else in the bundles changes: every other `Headers` is the global one.
 */
const plainHeadersForOpenapiFetch: Plugin = {
  name: 'openapi-fetch-plain-headers',
  setup(build) {
    const shim = fileURLToPath(new URL('bundle/plain-headers.ts', import.meta.url));
    build.onLoad({ filter: /[\\/]node_modules[\\/]openapi-fetch[\\/]dist[\\/]index\.mjs$/ }, async (args) => {
      const source = await readFile(args.path, 'utf8');
      if (!/\bnew Headers\(\)/.test(source)) throw new Error(`${args.path}: openapi-fetch no longer builds Headers`);
      return { contents: `import { PlainHeaders as Headers } from ${JSON.stringify(shim)};\n${source}`, loader: 'js' };
    });
  },
};

/** The emulator command is imported on demand by `run.ts`; it stays a bundle of its own. */
const emulatorCommandApart: Plugin = {
  name: 'emulator-command-apart',
  setup(build) {
    build.onResolve({ filter: /^\.\/emulator-command\.js$/ }, (args) => {
      if (args.kind !== 'dynamic-import') throw new Error(`${args.importer} imports the emulator command statically`);
      return { path: './live-relay-emulator.cjs', external: true };
    });
  },
};

/** A CommonJS bundle of the command line: `import.meta.url` is the bundle's own URL, `import()` a `require()`. */
const commandBundle: BuildOptions = {
  ...common,
  format: 'cjs',
  supported: { 'dynamic-import': false },
  define: { 'import.meta.url': 'bundleUrl' },
  banner: { js: 'const bundleUrl = require("node:url").pathToFileURL(__filename).href;' },
};

await build({
  ...common,
  entryPoints: ['dist/index.js'],
  outfile: 'dist/live-relay.js',
  plugins: [plainHeadersForOpenapiFetch],
});

await build({
  ...commandBundle,
  entryPoints: ['dist/cli/main.js'],
  outfile: 'dist/live-relay-cli.cjs',
  plugins: [plainHeadersForOpenapiFetch, emulatorCommandApart],
});

await build({
  ...commandBundle,
  entryPoints: ['dist/cli/emulator-command.js'],
  outfile: 'dist/live-relay-emulator.cjs',
});

for (const file of ['dist/live-relay-cli.cjs', 'dist/live-relay-emulator.cjs']) {
  const source = await readFile(file, 'utf8');
  if (/\bimport\(/.test(source)) throw new Error(`${file} still has an import(): bin/bundle-loader.js cannot cache it`);
}

// The V8 code cache of the command, made by running `live-relay --version` once with this Node.
execFileSync(process.execPath, [fileURLToPath(new URL('bundle/write-code-cache.cjs', import.meta.url))], {
  stdio: ['ignore', 'ignore', 'inherit'],
});
