/**
 * Bundles the client entry (`dist/index.js`, compiled by tsc) into one ES module,
 * `dist/live-relay.js`, which the package's main export points at. Loading one file instead of
 * ~60 small modules is most of a CLI's or a serverless function's cold start; the per-module
 * layout under `dist/` stays for the CLI, the emulator and the type declarations.
 */
import { build } from 'esbuild';

await build({
  entryPoints: ['dist/index.js'],
  outfile: 'dist/live-relay.js',
  bundle: true,
  format: 'esm',
  platform: 'node',
  target: 'node20',
  // Optional peers, loaded lazily only by the features that need them.
  external: ['ioredis', 'better-sqlite3'],
  legalComments: 'inline',
  logLevel: 'warning',
});
