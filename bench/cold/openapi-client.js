// Cold start of @alicloud/openapi-client 0.4.15: import, one V3 call, exit.
import { createRequire } from 'node:module';
import { ACTION, API_VERSION, CREDENTIALS, officialUpdateQuery } from '../lib/params.js';

const require = createRequire(import.meta.url);
const $OpenApi = require('@alicloud/openapi-client');
const OpenApiUtil = require('@alicloud/openapi-util').default;
const $Util = require('@alicloud/tea-util');
const importedAtMs = performance.now();
class LiveClient extends $OpenApi.default {
  constructor(config) {
    super(config);
    this._endpointRule = 'regional';
    this.checkConfig(config);
  }
}
const client = new LiveClient(
  new $OpenApi.Config({ ...CREDENTIALS, endpoint: `127.0.0.1:${process.argv[2]}`, protocol: 'http' }),
);
const { body } = await client.callApi(
  new $OpenApi.Params({
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
  new $OpenApi.OpenApiRequest({ query: OpenApiUtil.query(officialUpdateQuery()) }),
  new $Util.RuntimeOptions({}),
);
if (body.RetCode !== 0) throw new Error(JSON.stringify(body));
process.stdout.write(JSON.stringify({ importedAtMs, answeredAtMs: performance.now() }));
process.exit(0);
