/**
 * Before the timed rows: every client makes one UpdateLivePullToPush against the emulator, which
 * verifies it fully (workers/preflight.js). A client that fails here is reported and the run stops.
 */
import { runWorker, startServer } from '../lib/child.js';

export async function preflight(log) {
  const server = await startServer('servers/emulator.js');
  try {
    const results = await runWorker('workers/preflight.js', [
      `--port=${server.port}`,
      `--taskId=${server.taskId}`,
      '--kinds=ours,openapi-core,openapi-client,pop-core',
    ]);
    log(
      `  preflight against the emulator: ${Object.entries(results)
        .map(([k, v]) => `${k} ${v}`)
        .join(', ')}`,
    );
    const failed = Object.entries(results).filter(([, v]) => v !== 'ok');
    if (failed.length > 0) throw new Error(`preflight failed: ${JSON.stringify(Object.fromEntries(failed))}`);
    return results;
  } finally {
    await server.stop();
  }
}
