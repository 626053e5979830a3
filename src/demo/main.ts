/** `npm start` (node dist/demo/main.js): the walkthrough on the embedded emulator. */
import { runWalkthrough } from './walkthrough.js';

process.exitCode = await runWalkthrough((text) => process.stdout.write(text));
