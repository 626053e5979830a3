import createClient from 'openapi-fetch';
import type { paths } from '../../generated/api.js';
import { type OperationName, operationNames, operations } from '../../generated/operations.js';
import { validateRequest } from '../validation/validate-request.js';
import { canonicalQuery } from '../wire/canonical-query.js';
import { toWireParams } from '../wire/rpc-params.js';
import { DEFAULT_TIMEOUT_MS, type LiveClientOptions } from './client-options.js';
import { resolveCredentialsOption } from './credentials/credentials-option.js';
import { LiveValidationError } from './errors/live-validation-error.js';
import { type CallOptions, methodName, type OperationMethods } from './operation-types.js';
import { type PaginateListParams, paginatePullToPushList, type TaskListItem } from './paginate-pull-to-push-list.js';
import { resolveRateLimit } from './rate-limit/rate-limit-options.js';
import { resolveRetry } from './retry/retry-options.js';
import { type CallContext, createCallTransport } from './transport/call-transport.js';
import { DEFAULT_ENDPOINT, parseEndpoint } from './transport/endpoint.js';
import { createFetchSender } from './transport/fetch-sender.js';
import { createHttpSender } from './transport/http-sender.js';
import { RelayRequestClass } from './transport/relay-request.js';
import { userAgent } from './transport/user-agent.js';

/** A client of the pull-to-push API: one method per operation, plus pagination. */
export interface LiveClient extends OperationMethods {
  /**
   * Every task DescribeLivePullToPushList matches, across all pages, e.g.
   * `for await (const task of client.paginateLivePullToPushList({ Region: 'cn-shanghai', PageSize: 100 })) …`.
   * Pages are fetched one at a time, when the previous one is used up; `PageNumber` is where it starts.
   */
  paginateLivePullToPushList(
    params: PaginateListParams,
    options?: CallOptions,
  ): AsyncGenerator<TaskListItem, void, undefined>;
}

/** openapi-fetch's `request`, as the one generic implementation below calls it. */
type UntypedRequest = (
  method: 'get' | 'post',
  path: string,
  init: { params: { query: Record<string, string> }; fetch: (request: Request) => Promise<Response> },
) => Promise<{ data?: unknown }>;

/**
 * Creates a client. Each method validates its parameters (throwing {@link LiveValidationError}
 * before any I/O), then calls openapi-fetch with the generated `paths`, whose `fetch` is our
 * transport: rate limit → sign → send over keep-alive `node:http(s)` → retry. It resolves to the
 * typed 200 body or throws `LiveApiError`, `LiveNetworkError`, `LiveTimeoutError`,
 * `LiveCredentialsError`, or the signal's reason when aborted. See {@link LiveClientOptions} for
 * the defaults.
 *
 * @example
 * const client = createLiveClient({ endpoint: 'http://127.0.0.1:8080', credentials: { accessKeyId, accessKeySecret } });
 * const { TaskId } = await client.createLivePullToPush({ Region: 'cn-shanghai', SourceType: 'live', … });
 */
export function createLiveClient(options: LiveClientOptions = {}): LiveClient {
  const endpoint = parseEndpoint(options.endpoint ?? DEFAULT_ENDPOINT);
  const transport = createCallTransport({
    endpoint,
    signatureVersion: options.signatureVersion ?? 'v3',
    credentials: resolveCredentialsOption(options.credentials),
    retry: resolveRetry(options.retry),
    rateLimit: resolveRateLimit(options.rateLimit),
    timeoutMs: options.timeoutMs ?? DEFAULT_TIMEOUT_MS,
    userAgent: userAgent(options.userAgent),
    logger: options.logger,
    send: options.fetch === undefined ? createHttpSender(endpoint) : createFetchSender(endpoint, options.fetch),
  });
  const api = createClient<paths>({
    baseUrl: endpoint.origin,
    Request: RelayRequestClass,
    // `params.query` is already in wire form (SourceUrls as one JSON string): encode it as V3 signs it.
    querySerializer: (query) => canonicalQuery(query as Record<string, string>),
  });
  const request = api.request as unknown as UntypedRequest;

  async function call(action: OperationName, params: unknown, callOptions: CallOptions = {}): Promise<unknown> {
    const issues = validateRequest(action, params, { now: new Date() });
    if (issues.length > 0) throw new LiveValidationError(action, issues);
    const operation = operations[action];
    const context: CallContext = {
      action,
      params: toWireParams(operation, params as Record<string, unknown>),
      signal: callOptions.signal,
      timeoutMs: callOptions.timeoutMs,
    };
    const { data } = await request(operation.method === 'POST' ? 'post' : 'get', operation.path, {
      params: { query: context.params as Record<string, string> },
      fetch: (fetchRequest) => transport(fetchRequest, context),
    });
    return data;
  }

  const client: Record<string, unknown> = {};
  for (const action of operationNames) {
    client[methodName(action)] = (params: unknown, callOptions?: CallOptions) => call(action, params, callOptions);
  }
  const typed = client as unknown as LiveClient;
  client['paginateLivePullToPushList'] = (params: PaginateListParams, callOptions?: CallOptions) =>
    paginatePullToPushList(typed.describeLivePullToPushList, params, callOptions);
  return typed;
}
