/**
 * Alibaba's official SDK cores as test clients, each driven the way the generated Live SDK (or a
 * pop-core user) drives it: see shared/docs/official-sdk-wire.md. Loaded with `require` so the
 * CommonJS exports are exactly what a CommonJS user gets, whatever the runner's ESM interop does.
 * Every client has the same `call(action, params)`; a refused call throws {@link CallFailure}
 * with the code and status the SDK surfaced.
 */
import { createRequire } from 'node:module';
import { API_VERSION, type OperationName, operations } from '../../generated/operations.js';
import type { Credentials } from '../../src/wire/credentials.js';

const require = createRequire(import.meta.url);
export const openapiCore: typeof import('@alicloud/openapi-core') = require('@alicloud/openapi-core');
export const openapiClient: typeof import('@alicloud/openapi-client') = require('@alicloud/openapi-client');
export const openapiUtil: typeof import('@alicloud/openapi-util') = require('@alicloud/openapi-util');
const dara: typeof import('@darabonba/typescript') = require('@darabonba/typescript');
const teaUtil: typeof import('@alicloud/tea-util') = require('@alicloud/tea-util');
const tea: typeof import('@alicloud/tea-typescript') = require('@alicloud/tea-typescript');
const PopRpcClient: typeof import('@alicloud/pop-core/lib/rpc.js') = require('@alicloud/pop-core').RPCClient;

/** The six ways the official cores call the API: each core with each signature, pop-core with each method. */
export const OFFICIAL_PATHS = [
  'openapi-core-v3',
  'openapi-core-v1',
  'openapi-client-v3',
  'openapi-client-v1',
  'popcore-get',
  'popcore-post',
] as const;
export type OfficialPath = (typeof OFFICIAL_PATHS)[number];

/** A 200 body as the SDK parsed it. */
export type ApiBody = Record<string, unknown>;

/** Typed parameters in (arrays JSON-encoded as the generated SDK does), the parsed 200 body out. */
export type Call = (action: OperationName, params: Readonly<Record<string, unknown>>) => Promise<ApiBody>;

export interface SdkClient {
  /** e.g. `openapi-core v3`, `pop-core GET`. */
  readonly name: string;
  readonly call: Call;
  close(): void;
}

/** The fields the three cores put on the errors they throw (Tea `ResponseError`, pop-core's `<Code>Error`). */
export interface SdkError extends Error {
  readonly code?: string;
  readonly statusCode?: number;
  readonly requestId?: string;
  readonly retryAfter?: number;
  readonly data?: { readonly statusCode?: number };
  readonly entry?: { readonly response?: { readonly statusCode?: number; readonly headers: Record<string, string> } };
}

/** A refused call, as the SDK reported it. */
export class CallFailure extends Error {
  override readonly name = 'CallFailure';
  constructor(
    readonly code: string,
    /** HTTP status (pop-core keeps it at `entry.response.statusCode`). */
    readonly status: number | undefined,
    /** The SDK's own error object. */
    readonly original: SdkError,
  ) {
    super(`${code} (${status ?? '?'})`);
  }
}

export interface OfficialClientOptions {
  /** Read timeout, milliseconds (connect: half of it). @default 10000 */
  readonly timeoutMs?: number;
}

/**
 * A client of the API at `host` (`127.0.0.1:9000`, plain HTTP) through one official path. The
 * openapi cores post CreateLivePullToPush and get the others, as the generated Live SDK does.
 */
export function officialClient(
  path: OfficialPath,
  host: string,
  credentials: Credentials,
  options: OfficialClientOptions = {},
): SdkClient {
  const timeoutMs = options.timeoutMs ?? 10_000;
  const config = {
    accessKeyId: credentials.accessKeyId,
    accessKeySecret: credentials.accessKeySecret,
    ...(credentials.securityToken === undefined ? {} : { securityToken: credentials.securityToken }),
    endpoint: host,
    protocol: 'http',
    readTimeout: timeoutMs,
    connectTimeout: timeoutMs / 2,
    ...(path.endsWith('-v1') ? { signatureAlgorithm: 'v2' } : {}),
  };
  const params = (action: OperationName) => ({
    action,
    version: API_VERSION,
    protocol: 'HTTPS',
    pathname: '/',
    method: operations[action].method,
    authType: 'AK',
    style: 'RPC',
    reqBodyType: 'formData',
    bodyType: 'json',
  });
  switch (path) {
    case 'openapi-core-v3':
    case 'openapi-core-v1': {
      const client = new LiveCoreClient(new openapiCore.$OpenApiUtil.Config(config));
      return sdkClient(path, async (action, apiParams) => {
        const response = await client.callApi(
          new openapiCore.$OpenApiUtil.Params(params(action)),
          new openapiCore.$OpenApiUtil.OpenApiRequest({ query: openapiCore.OpenApiUtil.query(sdkQuery(apiParams)) }),
          new dara.RuntimeOptions({}),
        );
        return response['body'] as ApiBody;
      });
    }
    case 'openapi-client-v3':
    case 'openapi-client-v1': {
      const client = new LiveClient(new openapiClient.Config(config));
      return sdkClient(path, async (action, apiParams) => {
        const response = await client.callApi(
          new openapiClient.Params(params(action)),
          new openapiClient.OpenApiRequest({ query: openapiUtil.default.query(sdkQuery(apiParams)) }),
          new teaUtil.RuntimeOptions({}),
        );
        return response['body'] as ApiBody;
      });
    }
    case 'popcore-get':
    case 'popcore-post': {
      const method = path === 'popcore-post' ? 'POST' : 'GET';
      // pop-core's typings omit the keep-alive agent it keeps per client.
      const client = new PopRpcClient({
        ...config,
        endpoint: `http://${host}`,
        apiVersion: API_VERSION,
      }) as InstanceType<typeof PopRpcClient> & { readonly keepAliveAgent: { destroy(): void } };
      return sdkClient(
        path,
        // formatParams off: the parameters already have the API's case, and a caller's Timestamp or
        // SignatureNonce must reach the wire as given.
        (action, apiParams) =>
          client.request<ApiBody>(action, sdkQuery(apiParams), { method, formatParams: false, timeout: timeoutMs }),
        () => client.keepAliveAgent.destroy(),
      );
    }
  }
}

/** One call through a fresh client of `path`, closed afterwards; resolves with the 200 body. */
export async function callOnce(
  path: OfficialPath,
  host: string,
  credentials: Credentials,
  action: OperationName,
  params: Readonly<Record<string, unknown>>,
): Promise<ApiBody> {
  const client = officialClient(path, host, credentials, { timeoutMs: 5000 });
  try {
    return await client.call(action, params);
  } finally {
    client.close();
  }
}

/** The {@link SdkClient} for each official path, named as the tests print it. */
export const SDK_CLIENTS: readonly {
  readonly name: string;
  create(host: string, credentials: Credentials): SdkClient;
}[] = OFFICIAL_PATHS.map((path) => ({ name: pathName(path), create: (host, c) => officialClient(path, host, c) }));

/** openapi-core's own V3 signer (`OpenApiUtil.getAuthorization`) over the given canonical inputs. */
export function officialAuthorizationCore(input: AuthorizationInput): string {
  return openapiCore.OpenApiUtil.getAuthorization(request(new dara.Request(), input), ...authorizationArgs(input));
}

/** openapi-util 0.3.x's V3 signer (what openapi-client 0.4.x uses). */
export function officialAuthorizationUtil(input: AuthorizationInput): string {
  return openapiUtil.default.getAuthorization(request(new tea.Request(), input), ...authorizationArgs(input));
}

/** Fills a Tea or Darabonba request with the canonical inputs. */
function request<R extends { method: string; pathname: string; query: object; headers: object }>(
  into: R,
  input: AuthorizationInput,
): R {
  into.method = input.method;
  into.pathname = '/';
  into.query = { ...input.query };
  into.headers = { ...input.headers };
  return into;
}

function authorizationArgs(input: AuthorizationInput) {
  return ['ACS3-HMAC-SHA256', input.payloadHash, input.accessKeyId, input.accessKeySecret] as const;
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

/** As the generated Live Client class: a regional endpoint rule and the config checked at construction. */
class LiveCoreClient extends openapiCore.default {
  constructor(config: InstanceType<typeof openapiCore.$OpenApiUtil.Config>) {
    super(config);
    this._endpointRule = 'regional';
    this.checkConfig(config);
  }
}

/** The same for the previous generation's base. */
class LiveClient extends openapiClient.default {
  constructor(config: InstanceType<typeof openapiClient.Config>) {
    super(config);
    this._endpointRule = 'regional';
    this.checkConfig(config);
  }
}

function pathName(path: OfficialPath): string {
  const [core, variant] = [path.slice(0, path.lastIndexOf('-')), path.slice(path.lastIndexOf('-') + 1)];
  return core === 'popcore' ? `pop-core ${variant.toUpperCase()}` : `${core} ${variant}`;
}

/** Wraps a core's call so that an API refusal becomes a {@link CallFailure}. */
function sdkClient(path: OfficialPath, call: Call, close: () => void = () => {}): SdkClient {
  return {
    name: pathName(path),
    async call(action, params) {
      try {
        return await call(action, params);
      } catch (error) {
        const refused = sdkError(error);
        if (refused === undefined) throw error;
        const status = refused.statusCode ?? refused.data?.statusCode ?? refused.entry?.response?.statusCode;
        throw new CallFailure(refused.code, status, refused);
      }
    },
    close,
  };
}

/** The error when it carries an API error code, else `undefined` (a transport failure). */
function sdkError(error: unknown): (SdkError & { readonly code: string }) | undefined {
  if (!(error instanceof Error)) return undefined;
  const code = (error as SdkError).code;
  return typeof code === 'string' && code !== 'undefined' ? (error as SdkError & { code: string }) : undefined;
}

/** As the generated Live SDK: arrays (SourceUrls) JSON-encoded, everything else as given (numbers stringified by the core). */
function sdkQuery(params: Readonly<Record<string, unknown>>): Record<string, unknown> {
  const out: Record<string, unknown> = {};
  for (const [name, value] of Object.entries(params)) {
    if (value !== undefined) out[name] = Array.isArray(value) ? JSON.stringify(value) : value;
  }
  return out;
}
