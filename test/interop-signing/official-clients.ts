import { createRequire } from 'node:module';

/**
 * The official Alibaba Cloud Node cores, driven the way the generated Live SDK drives them
 * (see /work/shared/docs/official-sdk-wire.md). Loaded with `require` so the CommonJS exports
 * are exactly what a CommonJS user gets, whatever the test runner's ESM interop does.
 */
const require = createRequire(import.meta.url);
export const openapiCore: typeof import('@alicloud/openapi-core') = require('@alicloud/openapi-core');
export const openapiClient: typeof import('@alicloud/openapi-client') = require('@alicloud/openapi-client');
export const openapiUtil: typeof import('@alicloud/openapi-util') = require('@alicloud/openapi-util');
const dara: typeof import('@darabonba/typescript') = require('@darabonba/typescript');
const teaUtil: typeof import('@alicloud/tea-util') = require('@alicloud/tea-util');
const tea: typeof import('@alicloud/tea-typescript') = require('@alicloud/tea-typescript');
const PopRpcClient: typeof import('@alicloud/pop-core/lib/rpc.js') = require('@alicloud/pop-core').RPCClient;

export type OfficialPath =
  | 'openapi-core-v3'
  | 'openapi-core-v1'
  | 'openapi-client-v3'
  | 'openapi-client-v1'
  | 'popcore-get'
  | 'popcore-post';

export interface OfficialCall {
  readonly path: OfficialPath;
  readonly host: string;
  readonly action: string;
  /** What the generated Live SDK sends for the action: Create POST, the others GET. */
  readonly method: 'GET' | 'POST';
  /** API parameters in wire form (SourceUrls already JSON text). */
  readonly params: Readonly<Record<string, string>>;
  readonly accessKeyId: string;
  readonly accessKeySecret: string;
  readonly securityToken?: string | undefined;
}

const VERSION = '2016-11-01';

/** Sends one call through an official core; resolves once the server has answered. */
export async function callOfficial(call: OfficialCall): Promise<void> {
  const credentials = {
    accessKeyId: call.accessKeyId,
    accessKeySecret: call.accessKeySecret,
    ...(call.securityToken === undefined ? {} : { securityToken: call.securityToken }),
  };
  switch (call.path) {
    case 'openapi-core-v3':
    case 'openapi-core-v1': {
      const { $OpenApiUtil, OpenApiUtil } = openapiCore;
      const client = new openapiCore.default(
        new $OpenApiUtil.Config({
          ...credentials,
          endpoint: call.host,
          protocol: 'http',
          readTimeout: 5000,
          connectTimeout: 5000,
          ...(call.path === 'openapi-core-v1' ? { signatureAlgorithm: 'v2' } : {}),
        }),
      );
      await client.callApi(
        new $OpenApiUtil.Params({
          action: call.action,
          version: VERSION,
          protocol: 'HTTPS',
          pathname: '/',
          method: call.method,
          authType: 'AK',
          style: 'RPC',
          reqBodyType: 'formData',
          bodyType: 'json',
        }),
        new $OpenApiUtil.OpenApiRequest({ query: OpenApiUtil.query({ ...call.params }) }),
        new dara.RuntimeOptions({}),
      );
      return;
    }
    case 'openapi-client-v3':
    case 'openapi-client-v1': {
      const client = new openapiClient.default(
        new openapiClient.Config({
          ...credentials,
          endpoint: call.host,
          protocol: 'http',
          readTimeout: 5000,
          connectTimeout: 5000,
          ...(call.path === 'openapi-client-v1' ? { signatureAlgorithm: 'v2' } : {}),
        }),
      );
      await client.callApi(
        new openapiClient.Params({
          action: call.action,
          version: VERSION,
          protocol: 'HTTPS',
          pathname: '/',
          method: call.method,
          authType: 'AK',
          style: 'RPC',
          reqBodyType: 'formData',
          bodyType: 'json',
        }),
        new openapiClient.OpenApiRequest({ query: openapiUtil.default.query({ ...call.params }) }),
        new teaUtil.RuntimeOptions({}),
      );
      return;
    }
    case 'popcore-get':
    case 'popcore-post': {
      const client = new PopRpcClient({ ...credentials, endpoint: `http://${call.host}`, apiVersion: VERSION });
      await client.request(
        call.action,
        { ...call.params },
        {
          ...(call.path === 'popcore-post' ? { method: 'POST' } : {}),
          formatParams: false,
          timeout: 5000,
        },
      );
      return;
    }
  }
}

/** openapi-core's own V3 signer (`OpenApiUtil.getAuthorization`) over the given canonical inputs. */
export function officialAuthorizationCore(input: AuthorizationInput): string {
  const request = new dara.Request();
  request.method = input.method;
  request.pathname = '/';
  request.query = { ...input.query };
  request.headers = { ...input.headers };
  return openapiCore.OpenApiUtil.getAuthorization(
    request,
    'ACS3-HMAC-SHA256',
    input.payloadHash,
    input.accessKeyId,
    input.accessKeySecret,
  );
}

/** openapi-util 0.3.x's V3 signer (what openapi-client 0.4.x uses). */
export function officialAuthorizationUtil(input: AuthorizationInput): string {
  const request = new tea.Request();
  request.method = input.method;
  request.pathname = '/';
  request.query = { ...input.query };
  request.headers = { ...input.headers };
  return openapiUtil.default.getAuthorization(
    request,
    'ACS3-HMAC-SHA256',
    input.payloadHash,
    input.accessKeyId,
    input.accessKeySecret,
  );
}

export interface AuthorizationInput {
  readonly method: string;
  readonly query: Readonly<Record<string, string>>;
  /** The headers sent, without Authorization. */
  readonly headers: Readonly<Record<string, string>>;
  readonly payloadHash: string;
  readonly accessKeyId: string;
  readonly accessKeySecret: string;
}
