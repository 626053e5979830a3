#!/usr/bin/env node
// The CLI, bundled into one CommonJS file by `npm run build` (run by `prepare`); bin/package.json
// makes this file CommonJS too, so Node starts it without its ES module loader (scripts/bundle.ts).
require('../dist/live-relay-cli.cjs');
