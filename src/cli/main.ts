/**
 * The `live-relay` executable (bin/live-relay.js imports the compiled copy of this file).
 * Sets the exit status instead of calling process.exit, so piped output is flushed first.
 */
import { runCli } from './run.js';

// `live-relay list | head` closes stdout early; that is the reader's choice, not an error.
process.stdout.on('error', (error: NodeJS.ErrnoException) => {
  if (error.code !== 'EPIPE') throw error;
});

process.exitCode = await runCli(process.argv.slice(2), {
  stdout: process.stdout,
  stderr: process.stderr,
  env: process.env,
  stdin: process.stdin,
});
