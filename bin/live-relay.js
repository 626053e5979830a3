#!/usr/bin/env node
// The compiled CLI; `npm run build` (run by `prepare`) writes dist/ from src/.
import '../dist/cli/main.js';
