// `npm run build` (scripts/bundle.ts): runs `live-relay --version` from the CLI bundle once and
// writes the V8 code cache that bin/bundle-loader.js compiles the bundle with.
const { join } = require('node:path');
const { runAndWriteCodeCache } = require('../../bin/bundle-loader.js');

process.argv.splice(2, Number.POSITIVE_INFINITY, '--version');
runAndWriteCodeCache(join(__dirname, '..', '..', 'dist', 'live-relay-cli.cjs'));
