/**
 * The clients under test, each making one UpdateLivePullToPush per `call()` and resolving with the
 * parsed answer body. Every module is loaded inside `loadClient`, so a worker can install its
 * HTTP stub first. One client object per process; each call builds its request objects anew, as
 * the generated Live SDK does.
 */
import { readFileSync } from 'node:fs';
import { createRequire } from 'node:module';
import { ACTION, API_VERSION, CREDENTIALS, officialUpdateQuery, typedUpdateParams } from './params.js';

const require = createRequire(import.meta.url);
const DIST = new URL('../../dist/', import.meta.url);

/** Client kinds and what each one is. */
export const CLIENT_KINDS = {
  ours: 'live-relay createLiveClient (dist), V3, default transport (HTTP/1.1 over pooled node:net connections for http:), rate limit off',
  'openapi-core': '@alicloud/openapi-core callApi, V3 ACS3-HMAC-SHA256, called as the generated Live SDK does',
  'openapi-client': '@alicloud/openapi-client callApi, V3 ACS3-HMAC-SHA256',
  'pop-core': '@alicloud/pop-core RPCClient.request, V1 HMAC-SHA1, GET',
  'http-floor': 'node:http keep-alive GET of a fixed URL: no signing, no client (the ceiling for any client)',
};

/** The installed version of a package, read from its package.json. */
export function packageVersion(name, from = undefined) {
  const paths = from === undefined ? undefined : [require.resolve(from)];
  let dir = require.resolve(name, paths === undefined ? undefined : { paths });
  // Walk up to the package root.
  const marker = `/node_modules/${name}/`;
  dir = dir.slice(0, dir.lastIndexOf(marker) + marker.length);
  return JSON.parse(readFileSync(`${dir}package.json`, 'utf8')).version;
}

export function ourVersion() {
  return JSON.parse(readFileSync(new URL('../../package.json', import.meta.url), 'utf8')).version;
}

/**
 * Builds a client of `kind` for `http://127.0.0.1:<port>`. `options.fetch` replaces live-relay's
 * transport with a WHATWG fetch (used by the overhead row's fetch variant); `options.taskId`
 * names the task to update (default: the fixed one, which only the bare server accepts).
 */
export async function loadClient(kind, port, options = {}) {
  const host = `127.0.0.1:${port}`;
  const taskId = options.taskId;
  switch (kind) {
    case 'ours': {
      // The published entry: what `import 'live-relay'` resolves to (package.json exports).
      const { createLiveClient } = await import(new URL('live-relay.js', DIST).href);
      const client = createLiveClient({
        endpoint: `http://${host}`,
        credentials: CREDENTIALS,
        rateLimit: { enabled: false },
        ...(options.fetch === undefined ? {} : { fetch: options.fetch }),
      });
      return { version: ourVersion(), call: () => client.updateLivePullToPush(typedUpdateParams(taskId)) };
    }
    case 'openapi-core': {
      const core = require('@alicloud/openapi-core');
      const $dara = require(
        require.resolve('@darabonba/typescript', { paths: [require.resolve('@alicloud/openapi-core')] }),
      );
      const { $OpenApiUtil, OpenApiUtil } = core;
      // The generated Live SDK's constructor, minus its region map (getEndpoint returns config.endpoint when set).
      class LiveCoreClient extends core.default {
        constructor(config) {
          super(config);
          this._endpointRule = 'regional';
          this.checkConfig(config);
        }
      }
      const client = new LiveCoreClient(
        new $OpenApiUtil.Config({
          ...CREDENTIALS,
          endpoint: host,
          protocol: 'http',
          readTimeout: 10_000,
          connectTimeout: 10_000,
        }),
      );
      return {
        version: packageVersion('@alicloud/openapi-core'),
        call: async () => {
          const params = new $OpenApiUtil.Params({
            action: ACTION,
            version: API_VERSION,
            protocol: 'HTTPS',
            pathname: '/',
            method: 'GET',
            authType: 'AK',
            style: 'RPC',
            reqBodyType: 'formData',
            bodyType: 'json',
          });
          const request = new $OpenApiUtil.OpenApiRequest({ query: OpenApiUtil.query(officialUpdateQuery(taskId)) });
          const { body } = await client.callApi(params, request, new $dara.RuntimeOptions({}));
          return body;
        },
      };
    }
    case 'openapi-client': {
      const from = '@alicloud/openapi-client';
      const $OpenApi = require(from);
      const OpenApiUtil = require(
        require.resolve('@alicloud/openapi-util', { paths: [require.resolve(from)] }),
      ).default;
      const $Util = require(require.resolve('@alicloud/tea-util', { paths: [require.resolve(from)] }));
      class LiveClient extends $OpenApi.default {
        constructor(config) {
          super(config);
          this._endpointRule = 'regional';
          this.checkConfig(config);
        }
      }
      const client = new LiveClient(
        new $OpenApi.Config({
          ...CREDENTIALS,
          endpoint: host,
          protocol: 'http',
          readTimeout: 10_000,
          connectTimeout: 10_000,
        }),
      );
      return {
        version: packageVersion(from),
        call: async () => {
          const params = new $OpenApi.Params({
            action: ACTION,
            version: API_VERSION,
            protocol: 'HTTPS',
            pathname: '/',
            method: 'GET',
            authType: 'AK',
            style: 'RPC',
            reqBodyType: 'formData',
            bodyType: 'json',
          });
          const request = new $OpenApi.OpenApiRequest({ query: OpenApiUtil.query(officialUpdateQuery(taskId)) });
          const { body } = await client.callApi(params, request, new $Util.RuntimeOptions({}));
          return body;
        },
      };
    }
    case 'pop-core': {
      const { RPCClient } = require('@alicloud/pop-core');
      const client = new RPCClient({ ...CREDENTIALS, endpoint: `http://${host}`, apiVersion: API_VERSION });
      return {
        version: packageVersion('@alicloud/pop-core'),
        call: () => client.request(ACTION, officialUpdateQuery(taskId), { method: 'GET', timeout: 10_000 }),
      };
    }
    case 'http-floor': {
      const http = await import('node:http');
      const agent = new http.Agent({ keepAlive: true });
      const path = '/?Action=UpdateLivePullToPush&TaskId=fixed';
      return {
        version: process.versions.node,
        call: () =>
          new Promise((resolve, reject) => {
            const req = http.request({ host: '127.0.0.1', port, path, agent }, (res) => {
              let text = '';
              res.setEncoding('utf8');
              res.on('data', (chunk) => (text += chunk));
              res.on('end', () => resolve(JSON.parse(text)));
              res.on('error', reject);
            });
            req.on('error', reject);
            req.end();
          }),
      };
    }
    default:
      throw new Error(`unknown client kind ${kind}`);
  }
}

/** Throws unless `body` is the success answer every server in the run gives. */
export function checkAnswer(body) {
  if (body === null || typeof body !== 'object' || body.RetCode !== 0) {
    throw new Error(`unexpected answer: ${JSON.stringify(body)?.slice(0, 200)}`);
  }
}
