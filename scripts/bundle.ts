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
import { createHash } from 'node:crypto';
import { readdir, readFile, rm, writeFile } from 'node:fs/promises';
import { fileURLToPath } from 'node:url';
import { type BuildOptions, build, type Metafile, type Plugin } from 'esbuild';

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

/**
 * The emulator command is imported on demand by `run.ts`; it stays the tsc-compiled ES module beside
 * the CLI's (it has a top-level await; the emulator's files resolve from `dist/`).
 */
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

/**
 * `node:crypto` in the command's bundle is `src/cli/startup-crypto/node-crypto-subset.ts`: what a
 * call signs is hashed in JavaScript, and `node:crypto` loads only for anything else.
 */
const cryptoSubset: Plugin = {
  name: 'crypto-subset',
  setup(build) {
    const subset = fileURLToPath(new URL('../src/cli/startup-crypto/node-crypto-subset.ts', import.meta.url));
    build.onResolve({ filter: /^node:crypto$/ }, () => ({ path: subset }));
  },
};

/**
 * The command's bundle is built from this package.json, so its version is known here: written in,
 * it spares every call that sends a request (the User-Agent carries it) reading and parsing the file.
 */
const versionWrittenIn: Plugin = {
  name: 'version-written-in',
  setup(build) {
    build.onLoad({ filter: /[\\/]dist[\\/]package-version\.js$/ }, async () => {
      const { version } = JSON.parse(await readFile('package.json', 'utf8')) as { version: string };
      return { contents: `export function packageVersion() { return ${JSON.stringify(version)}; }`, loader: 'js' };
    });
  },
};

const CLI_BUNDLE = 'dist/live-relay-cli.cjs';

const cli = await build({
  ...common,
  format: 'cjs',
  entryPoints: ['dist/cli/main.js'],
  outfile: CLI_BUNDLE,
  write: false,
  // A CommonJS file has no `import.meta`: one in the command's modules fails the build instead of
  // reading as empty (package-version.ts, the one there was, is written in: versionWrittenIn).
  logOverride: { 'empty-import-meta': 'error' },
  plugins: [plainHeadersForOpenapiFetch, emulatorCommandApart, cryptoSubset, versionWrittenIn],
  metafile: true,
  // Half the text to read and keep in memory each run; nothing here relies on a local name.
  minify: true,
});
// bin/ hands the bundle its own `require`, which resolves from bin/, not dist/: Node's builtins only.
const requiredPackages = Object.values(cli.metafile?.outputs ?? {})
  .flatMap((out) => out.imports)
  .filter((record) => record.kind === 'require-call' && !record.path.startsWith('node:'));
if (requiredPackages.length > 0) {
  throw new Error(
    `${CLI_BUNDLE} requires ${requiredPackages.map((r) => r.path).join(', ')}; only node: builtins may be`,
  );
}
const [output] = cli.outputFiles ?? [];
if (output === undefined || cli.outputFiles?.length !== 1) throw new Error(`${CLI_BUNDLE}: expected one output file`);
const code = importsThroughLoader(output.text, cli.metafile);
// The first line names the build: bin/ keys its V8 code cache on it, so a rebuilt bundle never
// runs with the compiled code of the one before (V8 itself checks only the source's length).
const buildId = createHash('sha256').update(code).digest('hex').slice(0, 16);
// Run by bin/, the bundle gets `importModule` as a parameter; loaded any other way (`node
// dist/live-relay-cli.cjs`, `require`) it falls back to its own `import()`, which works there.
const fallback = 'var importModule=typeof importModule=="function"?importModule:(s)=>import(s);';
await writeFile(CLI_BUNDLE, `// live-relay-cli build ${buildId}\n${fallback}${code}`);
for (const name of await readdir('dist')) {
  if (/^live-relay-cli\..+\.cache$/.test(name)) await rm(`dist/${name}`, { force: true });
}

/**
 * bin/ compiles the bundle with a V8 code cache (`vm.Script`), and on Node 20 a script compiled
 * from a cache has no dynamic-import hook: `import()` in it throws. So each `import("…")` of a module
 * left outside the bundle (the emulator command, ioredis, node:https, node:os) becomes
 * `importModule("…")`, a parameter bin/ passes, which imports from an ordinary module. The number
 * replaced must be the number esbuild reports, so nothing else in the text is touched.
 */
function importsThroughLoader(text: string, metafile: Metafile | undefined): string {
  const expected = Object.values(metafile?.inputs ?? {})
    .flatMap((input) => input.imports)
    .filter((record) => record.kind === 'dynamic-import' && record.external === true).length;
  let replaced = 0;
  const code = text.replace(/(?<![\w$.])import\(("[^"\\\n]*")\)/g, (_match, specifier: string) => {
    replaced++;
    return `importModule(${specifier})`;
  });
  if (replaced !== expected || /(?<![\w$.])import\(/.test(code)) {
    throw new Error(`${CLI_BUNDLE}: ${replaced} dynamic imports rewritten, ${expected} expected, or one left`);
  }
  return code;
}
