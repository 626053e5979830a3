// Cold start of @alicloud/pop-core 1.8.0: import, one V1 GET call, exit.
import { createRequire } from 'node:module';
import { ACTION, API_VERSION, CREDENTIALS, officialUpdateQuery } from '../lib/params.js';

const require = createRequire(import.meta.url);
const { RPCClient } = require('@alicloud/pop-core');
const importedAtMs = performance.now();
const client = new RPCClient({
  ...CREDENTIALS,
  endpoint: `http://127.0.0.1:${process.argv[2]}`,
  apiVersion: API_VERSION,
});
const body = await client.request(ACTION, officialUpdateQuery(), { method: 'GET' });
if (body.RetCode !== 0) throw new Error(JSON.stringify(body));
process.stdout.write(JSON.stringify({ importedAtMs, answeredAtMs: performance.now() }));
process.exit(0);
