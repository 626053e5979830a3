import { type OperationName, operationNames, operations } from '../../generated/operations.js';
import { LiveOptionError } from '../errors/live-option-error.js';
import { validateRequest } from '../validation/validate-request.js';
import { toWireParams } from '../wire/rpc-params.js';
import { DEFAULT_SIGNATURE_VERSION, isSignatureVersion, signatureVersions } from '../wire/signature-schemes.js';
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
import { createOpenapiFetchCall } from './transport/openapi-fetch-adapter.js';
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

/**
 * Creates a client. Each method validates its parameters (throwing {@link LiveValidationError}
 * before any I/O), then calls openapi-fetch with the generated `paths`, whose `fetch` is our
 * transport: rate limit → sign → send over keep-alive connections → retry. It resolves to the
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
  const signatureVersion = options.signatureVersion ?? DEFAULT_SIGNATURE_VERSION;
  if (!isSignatureVersion(signatureVersion)) {
    throw new LiveOptionError(
      'signatureVersion',
      `signatureVersion must be one of ${signatureVersions.join(', ')} (got ${JSON.stringify(signatureVersion)})`,
    );
  }
  const transport = createCallTransport({
    endpoint,
    signatureVersion,
    credentials: resolveCredentialsOption(options.credentials),
    retry: resolveRetry(options.retry),
    rateLimit: resolveRateLimit(options.rateLimit),
    timeoutMs: options.timeoutMs ?? DEFAULT_TIMEOUT_MS,
    userAgent: userAgent(options.userAgent),
    logger: options.logger,
    send: options.fetch === undefined ? createHttpSender(endpoint) : createFetchSender(endpoint, options.fetch),
  });
  const openapiFetchCall = createOpenapiFetchCall(endpoint.origin);

  async function call(action: OperationName, params: unknown, callOptions: CallOptions = {}): Promise<unknown> {
    const issues = validateRequest(action, params, { now: new Date() });
    if (issues.length > 0) throw new LiveValidationError(action, issues);
    const operation = operations[action];
    const context: CallContext = {
      action,
      method: operation.method === 'POST' ? 'POST' : 'GET',
      params: toWireParams(operation, params as Record<string, unknown>),
      signal: callOptions.signal,
      timeoutMs: callOptions.timeoutMs,
    };
    return openapiFetchCall(context.method, operation.path, () => transport(context));
  }

  // One method per operation; the table is the generated one, so the mapped type holds by construction.
  const methods = Object.fromEntries(
    operationNames.map((action) => [
      methodName(action),
      (params: never, callOptions?: CallOptions) => call(action, params, callOptions),
    ]),
  ) as OperationMethods;
  return {
    ...methods,
    paginateLivePullToPushList: (params, callOptions) =>
      paginatePullToPushList(methods.describeLivePullToPushList, params, callOptions),
  };
}
