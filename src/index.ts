/**
 * live-relay: a typed client for the Alibaba Cloud ApsaraVideo Live pull-to-push task API.
 */

export type { AttemptEvent, AttemptLogger } from './client/attempt-event.js';
export type { LiveClientOptions } from './client/client-options.js';
export { createLiveClient, type LiveClient } from './client/create-live-client.js';
export type { LiveCredentials, LiveCredentialsProvider } from './client/credentials/live-credentials.js';
export { LiveApiError } from './client/errors/live-api-error.js';
export { LiveCredentialsError } from './client/errors/live-credentials-error.js';
export { LiveNetworkError } from './client/errors/live-network-error.js';
export { LivePaginationError, MAX_LIST_PAGES } from './client/errors/live-pagination-error.js';
export { LiveTimeoutError, type TimeoutPhase } from './client/errors/live-timeout-error.js';
export { LiveValidationError } from './client/errors/live-validation-error.js';
export { LiveWaitError, type WaitFailure } from './client/errors/live-wait-error.js';
export type { CallOptions, LiveRequest, LiveResponse, OperationMethods } from './client/operation-types.js';
export type { PaginateListParams, TaskListItem } from './client/paginate-pull-to-push-list.js';
export { MemoryRateLimitStore } from './client/rate-limit/memory-rate-limit-store.js';
export type { RateLimitOptions } from './client/rate-limit/rate-limit-options.js';
export type { RateLimitStore, SlotDecision, SlotLease, SlotRequest } from './client/rate-limit/rate-limit-store.js';
export { RateLimitUnavailableError } from './client/rate-limit/redis/rate-limit-unavailable-error.js';
export type { OnRedisDown, RateLimitLogger, RedisRateLimitOptions } from './client/rate-limit/redis/redis-options.js';
export {
  createRedisRateLimitStore,
  type RedisRateLimitStore,
} from './client/rate-limit/redis/redis-rate-limit-store.js';
export type { RetryOptions } from './client/retry/retry-options.js';
export type { FetchFunction } from './client/transport/fetch-sender.js';
export {
  DEFAULT_WAIT_MAX_DELAY_MS,
  DEFAULT_WAIT_MIN_DELAY_MS,
  DEFAULT_WAIT_TIMEOUT_MS,
  type DescribedTask,
  type DescribingClient,
  type WaitCondition,
  type WaitOptions,
  waitForLivePullToPush,
} from './client/waiters/wait-for-live-pull-to-push.js';
export { LiveError } from './errors/live-error.js';
export { LiveOptionError } from './errors/live-option-error.js';
export {
  createLiveEventListener,
  DEFAULT_MAX_EVENT_BODY_BYTES,
  handleLiveEventRequest,
  type LiveEventBody,
  LiveEventError,
  type LiveEventErrorStatus,
  type LiveEventHandler,
  type LiveEventIssue,
  type LiveEventProblem,
  type LiveEventReceiverOptions,
  type LiveEventRefusal,
  parseLiveEvent,
  type ReceivedLiveEvent,
} from './events/index.js';
export type { ValidationIssue } from './validation/validation-issue.js';
export type { SignatureVersion } from './wire/signature-schemes.js';
