/**
 * Before anything is timed: each client makes one UpdateLivePullToPush against the live-relay
 * emulator on `--port`, which verifies the signature (V3 or V1), signing time, nonce, schema,
 * cross-field rules and task state. A client whose call does not succeed there is not making the
 * call the benchmark claims it makes.
 */

import { checkAnswer, loadClient } from '../lib/clients.js';
import { parseArgs, sendResult } from '../lib/worker-io.js';

const { port, taskId, kinds } = parseArgs();
const results = {};
for (const kind of String(kinds).split(',')) {
  try {
    const { call } = await loadClient(kind, port, { taskId: String(taskId) });
    checkAnswer(await call());
    results[kind] = 'ok';
  } catch (error) {
    results[kind] = `${error?.name}: ${String(error?.message).slice(0, 300)}`;
  }
}
await sendResult(results);
process.exit(0);
