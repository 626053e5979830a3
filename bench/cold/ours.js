// Cold start of live-relay (dist/): import, one signed UpdateLivePullToPush against the port in argv, exit.
import { CREDENTIALS, typedUpdateParams } from '../lib/params.js';

const { createLiveClient } = await import('../../dist/live-relay.js');
const importedAtMs = performance.now();
const client = createLiveClient({ endpoint: `http://127.0.0.1:${process.argv[2]}`, credentials: CREDENTIALS });
const body = await client.updateLivePullToPush(typedUpdateParams());
if (body.RetCode !== 0) throw new Error(JSON.stringify(body));
process.stdout.write(JSON.stringify({ importedAtMs, answeredAtMs: performance.now() }));
// Keep-alive sockets would hold the process open.
process.exit(0);
