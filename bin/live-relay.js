#!/usr/bin/env node
// The `live-relay` command: runs the CommonJS bundle `npm run build` writes (scripts/bundle.ts),
// compiled with a V8 code cache kept beside it. Parsing and compiling the bundle's JavaScript is
// a third of a short run's own time; the cache skips both. The first run with a given Node
// version that succeeds writes the cache at exit, holding every function that run compiled. Help,
// the emulator command and calls compile different functions, so each kind of run has its own
// cache: with the emulator's, every call would compile its own functions again (4 ms a call
// here). A failed run writes none: it compiled only its way to the error (2 ms a later call
// here). V8 rejects a cache made under other V8 flags (`NODE_OPTIONS=--max-old-space-size=…`,
// common in CI), so each set of Node options has its own cache too; a cache rejected all the
// same (damaged) is written again. One that cannot be read or written (a read-only install) only
// means compiling as usual.
// bin/package.json makes this file CommonJS, so Node starts it without its ES module loader.
'use strict';
const { accessSync, constants, readFileSync, renameSync, rmSync, writeFileSync } = require('node:fs');
const { join } = require('node:path');
const { pathToFileURL } = require('node:url');
const { Script } = require('node:vm');

const dist = join(__dirname, '..', 'dist');
const bundle = join(dist, 'live-relay-cli.cjs');
const source = readFileSync(bundle, 'utf8');
// The build's id, the bundle's first line (scripts/bundle.ts). A bundle without one was built
// before this loader and keeps its own `import()`: it is required as it was then.
const build = /^\/\/ live-relay-cli build ([0-9a-f]+)\n/.exec(source)?.[1];
if (build === undefined) {
  require(bundle);
} else {
  runCached(build);
}

function runCached(build) {
  const argv = process.argv.slice(2);
  const kind =
    argv.length === 0 || argv[0] === 'help' || argv.some((arg) => /^(--help|-h|--version)$/.test(arg))
      ? 'help'
      : argv[0] === 'emulator'
        ? 'emulator'
        : 'run';
  const options = optionsKey([...process.execArgv, process.env.NODE_OPTIONS ?? ''].join(' ').trim());
  const cacheFile = join(
    dist,
    `live-relay-cli.${build}.${kind}.${process.version}-${process.arch}${options}.cache`,
  );
  let cachedData;
  try {
    cachedData = readFileSync(cacheFile);
  } catch {
    // No cache yet: this run writes it.
  }
  // A script compiled from a cache has no dynamic-import hook on Node 20, so the bundle calls
  // `importModule` (scripts/bundle.ts) and this module imports for it.
  const script = new Script(
    `(function (exports, require, module, __filename, __dirname, importModule) {${source}\n})`,
    { filename: bundle, cachedData },
  );
  if (cachedData === undefined || script.cachedDataRejected === true) {
    process.once('exit', (code) => {
      if (code !== 0) return;
      const partial = `${cacheFile}.${process.pid}`;
      try {
        // Checked first: serializing the cache costs a few ms, wasted on a read-only install.
        accessSync(dist, constants.W_OK);
        writeFileSync(partial, script.createCachedData());
        renameSync(partial, cacheFile);
      } catch {
        // Not writable here: the next run compiles as this one did.
        try {
          rmSync(partial, { force: true });
        } catch {
          // Nothing was written.
        }
      }
    });
  }
  const importModule = (specifier) =>
    import(specifier.startsWith('.') ? pathToFileURL(join(dist, specifier)).href : specifier);
  const cli = { exports: {} };
  // This file's own `require` serves the bundle: it requires only Node's builtins (scripts/bundle.ts
  // inlines everything else or imports it through `importModule`), and a bare name would resolve
  // from bin/ as from dist/, both in the same package.
  script.runInThisContext()(cli.exports, require, cli, bundle, dist, importModule);
}

/**
 * The cache name's part for the Node options: '' without any, else `.o` and their 32-bit FNV-1a
 * hash in hex (a name, not a digest: loading `node:crypto` would cost 3 ms).
 */
function optionsKey(options) {
  if (options === '') return '';
  let hash = 0x811c9dc5;
  for (let i = 0; i < options.length; i += 1) hash = Math.imul(hash ^ options.charCodeAt(i), 0x01000193);
  return `.o${(hash >>> 0).toString(16).padStart(8, '0')}`;
}
