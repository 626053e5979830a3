/**
 * Alibaba's official SDK cores as test clients of the emulator, each called the way the
 * generated Live SDK (or a pop-core user) calls it: see shared/docs/official-sdk-wire.md.
 * Every client exposes the same `call(action, params)`; a refused call throws
 * {@link CallFailure} with the code and status the SDK surfaced.
 */
import { createRequire } from 'node:module';
import { type OperationName, operations } from '../../generated/operations.js';
import type { Credentials } from '../../src/wire/credentials.js';

const require = createRequire(import.meta.url);
const openapiCore: typeof import('@alicloud/openapi-core') = require('@alicloud/openapi-core');
const dara: typeof import('@darabonba/typescript') = require('@darabonba/typescript');
const openapiClient: typeof import('@alicloud/openapi-client') = require('@alicloud/openapi-client');
const openapiUtil: typeof import('@alicloud/openapi-util') = require('@alicloud/openapi-util');
const teaUtil: typeof import('@alicloud/tea-util') = require('@alicloud/tea-util');
const PopRpcClient: typeof import('@alicloud/pop-core/lib/rpc.js') = require('@alicloud/pop-core').RPCClient;

/** A 200 body as the SDK parsed it. */
export type ApiBody = Record<string, unknown>;

/** Typed parameters in, the parsed 200 body out. */
export type Call = (action: OperationName, params: Readonly<Record<string, unknown>>) => Promise<ApiBody>;

export interface SdkClient {
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

/** The error as an {@link SdkError} when it carries an API error code, else `undefined` (a transport failure). */
function sdkError(error: unknown): (SdkError & { readonly code: string }) | undefined {
  if (!(error instanceof Error)) return undefined;
  const code = (error as SdkError).code;
  return typeof code === 'string' && code !== 'undefined' ? (error as SdkError & { code: string }) : undefined;
}

/** As the generated Live SDK: SourceUrls JSON-encoded, everything else as given (numbers stringified by the core). */
function sdkQuery(params: Readonly<Record<string, unknown>>): Record<string, unknown> {
  const out: Record<string, unknown> = {};
  for (const [name, value] of Object.entries(params)) {
    if (value !== undefined) out[name] = Array.isArray(value) ? JSON.stringify(value) : value;
  }
  return out;
}

interface EmulatorAddress {
  readonly endpoint: string;
  readonly url: string;
}

/** `@alicloud/openapi-core` 1.0.8 (the generated Live SDK's base); V3 by default, V1 with `signatureAlgorithm: 'v2'`. */
export function openapiCoreClient(
  emulator: EmulatorAddress,
  credentials: Credentials,
  signature: 'v3' | 'v1',
): SdkClient {
  class LiveCoreClient extends openapiCore.default {
    constructor(config: InstanceType<typeof openapiCore.$OpenApiUtil.Config>) {
      super(config);
      this._endpointRule = 'regional';
      this.checkConfig(config);
    }
  }
  const client = new LiveCoreClient(
    new openapiCore.$OpenApiUtil.Config({
      accessKeyId: credentials.accessKeyId,
      accessKeySecret: credentials.accessKeySecret,
      ...(credentials.securityToken === undefined ? {} : { securityToken: credentials.securityToken }),
      endpoint: emulator.endpoint,
      protocol: 'http',
      readTimeout: 10_000,
      connectTimeout: 5_000,
      ...(signature === 'v1' ? { signatureAlgorithm: 'v2' } : {}),
    }),
  );
  return {
    name: `openapi-core ${signature}`,
    async call(action, params) {
      const op = operations[action];
      try {
        const response = await client.callApi(
          new openapiCore.$OpenApiUtil.Params({
            action,
            version: '2016-11-01',
            protocol: 'HTTPS',
            pathname: '/',
            method: op.method,
            authType: 'AK',
            style: 'RPC',
            reqBodyType: 'formData',
            bodyType: 'json',
          }),
          new openapiCore.$OpenApiUtil.OpenApiRequest({ query: openapiCore.OpenApiUtil.query(sdkQuery(params)) }),
          new dara.RuntimeOptions({}),
        );
        return response['body'] as ApiBody;
      } catch (error) {
        const refused = sdkError(error);
        if (refused === undefined) throw error;
        throw new CallFailure(refused.code, refused.statusCode, refused);
      }
    },
    close() {},
  };
}

/** `@alicloud/openapi-client` 0.4.15 (the previous generation's base); V3 or V1 (`signatureAlgorithm: 'v2'`). */
export function openapiClientClient(
  emulator: EmulatorAddress,
  credentials: Credentials,
  signature: 'v3' | 'v1',
): SdkClient {
  class LiveClient extends openapiClient.default {
    constructor(config: InstanceType<typeof openapiClient.Config>) {
      super(config);
      this._endpointRule = 'regional';
      this.checkConfig(config);
    }
  }
  const client = new LiveClient(
    new openapiClient.Config({
      accessKeyId: credentials.accessKeyId,
      accessKeySecret: credentials.accessKeySecret,
      ...(credentials.securityToken === undefined ? {} : { securityToken: credentials.securityToken }),
      endpoint: emulator.endpoint,
      protocol: 'http',
      readTimeout: 10_000,
      connectTimeout: 5_000,
      ...(signature === 'v1' ? { signatureAlgorithm: 'v2' } : {}),
    }),
  );
  return {
    name: `openapi-client ${signature}`,
    async call(action, params) {
      const op = operations[action];
      try {
        const response = await client.callApi(
          new openapiClient.Params({
            action,
            version: '2016-11-01',
            protocol: 'HTTPS',
            pathname: '/',
            method: op.method,
            authType: 'AK',
            style: 'RPC',
            reqBodyType: 'formData',
            bodyType: 'json',
          }),
          new openapiClient.OpenApiRequest({ query: openapiUtil.default.query(sdkQuery(params)) }),
          new teaUtil.RuntimeOptions({}),
        );
        return response['body'] as ApiBody;
      } catch (error) {
        const refused = sdkError(error);
        if (refused === undefined) throw error;
        throw new CallFailure(refused.code, refused.statusCode ?? refused.data?.statusCode, refused);
      }
    },
    close() {},
  };
}

/** `@alicloud/pop-core` 1.8.0 `RPCClient`, GET (query) or POST (form body); SourceUrls passed as JSON text. */
export function popCoreClient(emulator: EmulatorAddress, credentials: Credentials, method: 'GET' | 'POST'): SdkClient {
  // pop-core's typings omit the keep-alive agent it keeps per client.
  const client = new PopRpcClient({
    accessKeyId: credentials.accessKeyId,
    accessKeySecret: credentials.accessKeySecret,
    ...(credentials.securityToken === undefined ? {} : { securityToken: credentials.securityToken }),
    endpoint: emulator.url,
    apiVersion: '2016-11-01',
  }) as InstanceType<typeof PopRpcClient> & { readonly keepAliveAgent: { destroy(): void } };
  return {
    name: `pop-core ${method}`,
    async call(action, params) {
      try {
        return await client.request<ApiBody>(action, sdkQuery(params), { method, timeout: 10_000 });
      } catch (error) {
        const refused = sdkError(error);
        if (refused === undefined) throw error;
        throw new CallFailure(refused.code, refused.entry?.response?.statusCode, refused);
      }
    },
    close() {
      client.keepAliveAgent.destroy();
    },
  };
}

/** The six ways the official cores can call the API: each core with each signature or method. */
export const SDK_CLIENTS: readonly {
  readonly name: string;
  create(emulator: EmulatorAddress, credentials: Credentials): SdkClient;
}[] = [
  { name: 'openapi-core v3', create: (e, c) => openapiCoreClient(e, c, 'v3') },
  { name: 'openapi-core v1', create: (e, c) => openapiCoreClient(e, c, 'v1') },
  { name: 'openapi-client v3', create: (e, c) => openapiClientClient(e, c, 'v3') },
  { name: 'openapi-client v1', create: (e, c) => openapiClientClient(e, c, 'v1') },
  { name: 'pop-core GET', create: (e, c) => popCoreClient(e, c, 'GET') },
  { name: 'pop-core POST', create: (e, c) => popCoreClient(e, c, 'POST') },
];
