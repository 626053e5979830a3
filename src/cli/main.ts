/**
 * The `live-relay` executable: bin/live-relay.js loads its bundle, `dist/live-relay-cli.cjs`.
 * Sets the exit status instead of calling process.exit, so piped output is flushed first.
 */
import { fdSink } from './fd-sink.js';
import { runCli } from './run.js';

// No top-level await: the bundle `bin/` runs is CommonJS, which Node starts faster (scripts/bundle.ts).
// Node builds process.stdin on first use, and only `--…-file -` reads it: iterate it on demand.
const io = {
  stdout: fdSink(1, () => process.stdout),
  stderr: fdSink(2, () => process.stderr),
  env: process.env,
  stdin: { [Symbol.asyncIterator]: () => process.stdin[Symbol.asyncIterator]() },
};
void runCli(process.argv.slice(2), io).then((code) => {
  process.exitCode = code;
});
