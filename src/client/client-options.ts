import type { SignatureVersion } from '../wire/signature-schemes.js';
import type { AttemptLogger } from './attempt-event.js';
import type { LiveCredentials, LiveCredentialsProvider } from './credentials/live-credentials.js';
import type { RateLimitOptions } from './rate-limit/rate-limit-options.js';
import type { RetryOptions } from './retry/retry-options.js';
import type { FetchFunction } from './transport/fetch-sender.js';

/** Options of {@link createLiveClient}; every one is optional. */
export interface LiveClientOptions {
  /**
   * Where calls go: an origin such as `http://127.0.0.1:8080` (the emulator) or a bare host (HTTPS).
   * The `host` header, which is signed, includes a non-default port. @default 'https://live.aliyuncs.com'
   */
  readonly endpoint?: string;
  /**
   * An AccessKey pair (with `securityToken` for STS), or a function returning one, called once per
   * call. @default the first of: `ALIBABA_CLOUD_ACCESS_KEY_ID` / `ALIBABA_CLOUD_ACCESS_KEY_SECRET` /
   * `ALIBABA_CLOUD_SECURITY_TOKEN`; the aliyun CLI profile file `~/.aliyun/config.json` (profile
   * `ALIBABA_CLOUD_PROFILE`, else the file's `current`; modes AK and StsToken)
   */
  readonly credentials?: LiveCredentials | LiveCredentialsProvider;
  /** `v3`: ACS3-HMAC-SHA256 in headers; `v1`: HMAC-SHA1 in the query (the SDKs' "v2"). @default 'v3' */
  readonly signatureVersion?: SignatureVersion;
  /** How failed attempts are retried. @default { maxAttempts: 3, baseDelayMs: 200, maxDelayMs: 20000 } */
  readonly retry?: RetryOptions;
  /**
   * The client-side limit, shared by every client of the process per AccessKeyId.
   * @default { enabled: true, limit: QPS_LIMIT_PER_ACCOUNT, windowMs: 1000 } with the in-memory store
   */
  readonly rateLimit?: RateLimitOptions;
  /**
   * Per-attempt timeout, milliseconds: from asking for a rate-limit slot to the end of the answer.
   * @default 10000
   */
  readonly timeoutMs?: number;
  /**
   * Sends each signed attempt instead of the built-in transport, e.g. to go through a
   * proxy agent or a test double. Receives a standard `Request`; nothing is retried inside it.
   * @default the built-in keep-alive transport: `node:https`, or HTTP/1.1 over `node:net` for `http:`
   */
  readonly fetch?: FetchFunction;
  /** Appended, after a space, to the `user-agent` `live-relay/<version> Node.js/<version>`. */
  readonly userAgent?: string;
  /** Sees every attempt: action, attempt number, HTTP status, RequestId, duration; never a secret. */
  readonly logger?: AttemptLogger;
}

/** The default per-attempt timeout, milliseconds. */
export const DEFAULT_TIMEOUT_MS = 10_000;
