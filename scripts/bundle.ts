/**
 * Bundles what tsc compiled into `dist/` into one file each for
 *
 * - the client (`dist/index.js` → `dist/live-relay.js`, an ES module), the package's main export;
 * - the `live-relay` command (`dist/cli/main.js` → `dist/live-relay-cli.cjs`), which `bin/` runs.
 *
 * Loading one file instead of ~60 small modules is most of a CLI's or a serverless function's cold
 * start. The per-module layout under `dist/` stays for the emulator and the type declarations; the
 * `live-relay emulator` command stays a module of its own, so a plain API call never loads the
 * emulator (HTTP server, SQLite store, task service).
 *
 * The command's bundle is CommonJS: started from a CommonJS file, Node 20 skips its ES module
 * loader, and `require('node:crypto')` does not evaluate every lazy export of the module as an ES
 * import of it does (WebCrypto among them). Together about 10 ms of CPU per run, a sixth of an
 * empty `node`'s start on the reference machine.
 */
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

/** The emulator command is imported on demand by `run.ts`; it stays the tsc-compiled module beside the CLI's. */
const emulatorCommandApart: Plugin = {
  name: 'emulator-command-apart',
  setup(build) {
    build.onResolve({ filter: /^\.\/emulator-command\.js$/ }, (args) => {
      if (args.kind !== 'dynamic-import') throw new Error(`${args.importer} imports the emulator command statically`);
      return { path: './cli/emulator-command.js', external: true };
    });
  },
};

await build({
  ...common,
  entryPoints: ['dist/index.js'],
  outfile: 'dist/live-relay.js',
  plugins: [plainHeadersForOpenapiFetch],
});

await build({
  ...common,
  format: 'cjs',
  entryPoints: ['dist/cli/main.js'],
  outfile: 'dist/live-relay-cli.cjs',
  // The one `import.meta` on the command's path (package-version.ts) resolves from this file.
  define: { 'import.meta.url': 'bundleUrl' },
  banner: { js: 'const bundleUrl = require("node:url").pathToFileURL(__filename).href;' },
  plugins: [plainHeadersForOpenapiFetch, emulatorCommandApart],
});
