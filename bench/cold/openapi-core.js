// Cold start of @alicloud/openapi-core as the generated Live SDK uses it: import, one V3 call, exit.
import { createRequire } from 'node:module';
import { ACTION, API_VERSION, CREDENTIALS, officialUpdateQuery } from '../lib/params.js';

const require = createRequire(import.meta.url);
const core = require('@alicloud/openapi-core');
const $dara = require('@darabonba/typescript');
const importedAtMs = performance.now();
const { $OpenApiUtil, OpenApiUtil } = core;
class LiveCoreClient extends core.default {
  constructor(config) {
    super(config);
    this._endpointRule = 'regional';
    this.checkConfig(config);
  }
}
const client = new LiveCoreClient(
  new $OpenApiUtil.Config({ ...CREDENTIALS, endpoint: `127.0.0.1:${process.argv[2]}`, protocol: 'http' }),
);
const { body } = await client.callApi(
  new $OpenApiUtil.Params({
    action: ACTION,
    version: API_VERSION,
    protocol: 'HTTPS',
    pathname: '/',
    method: 'GET',
    authType: 'AK',
    style: 'RPC',
    reqBodyType: 'formData',
    bodyType: 'json',
  }),
  new $OpenApiUtil.OpenApiRequest({ query: OpenApiUtil.query(officialUpdateQuery()) }),
  new $dara.RuntimeOptions({}),
);
if (body.RetCode !== 0) throw new Error(JSON.stringify(body));
process.stdout.write(JSON.stringify({ importedAtMs, answeredAtMs: performance.now() }));
process.exit(0);
