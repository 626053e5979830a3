#!/usr/bin/env node
// The CLI, bundled into one CommonJS file by `npm run build` (run by `prepare`): see
// scripts/bundle.ts. bin/package.json makes this file CommonJS too, so Node starts it without its
// ES module loader.
const { join } = require('node:path');
const { runBundle } = require('./bundle-loader.js');

runBundle(join(__dirname, '..', 'dist', 'live-relay-cli.cjs'));
