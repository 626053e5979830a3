import { LiveOptionError } from '../../../errors/live-option-error.js';
import { redactedUrl } from './redacted-url.js';

/**
 * What a Redis rate-limit store does while Redis cannot be reached: `fallback` sends at a
 * conservative per-process rate (see `workers`); `fail-closed` refuses every call with
 * `RateLimitUnavailableError` and sends nothing.
 */
export type OnRedisDown = 'fallback' | 'fail-closed';

/**
 * Where a Redis store reports that Redis went away (`warn`, once per outage) and came back
 * (`info`). `console`, pino and winston loggers fit.
 */
export interface RateLimitLogger {
  warn(message: string): void;
  info?(message: string): void;
}

/**
 * A rate-limit budget shared through Redis by every process and machine that uses the same
 * AccessKeyId. Needs the optional peer dependency `ioredis` 5 and Redis 5 or later.
 */
export interface RedisRateLimitOptions {
  /** `redis://[[user]:password@]host[:port][/db]`, or `rediss://…` for TLS. */
  readonly url: string;
  /**
   * How many processes share the account, used only while Redis is down: each then allows itself
   * `limit / workers` calls per window (at least 1; with more workers than `limit`, 1 call per
   * proportionally longer window). @default 10 (1 call per second per process: safe for up to 10)
   */
  readonly workers?: number;
  /** @default 'fallback' */
  readonly onRedisDown?: OnRedisDown;
  /**
   * Told once when Redis becomes unreachable and once when it answers again; messages never hold
   * the Redis password. @default `process.emitWarning` for `warn` (type `LiveRelayWarning`), nothing for `info`
   */
  readonly logger?: RateLimitLogger;
  /**
   * How long a slot taken by a process that never releases it (it crashed) stays in flight before
   * it counts as released, milliseconds. Keep it above the client's `timeoutMs`. @default 30000
   */
  readonly leaseTtlMs?: number;
  /** Longest wait for a connection to Redis, milliseconds. @default 1000 */
  readonly connectTimeoutMs?: number;
  /** Longest wait for one Redis command; past it Redis counts as down, milliseconds. @default 500 */
  readonly commandTimeoutMs?: number;
  /** Prefix of the per-account keys; the AccessKeyId follows it (the secret is never stored). @default 'live-relay:rl:' */
  readonly keyPrefix?: string;
}

/** {@link RedisRateLimitOptions} with every default applied. */
export interface ResolvedRedisOptions {
  readonly url: string;
  /** The URL without its password, for messages. */
  readonly safeUrl: string;
  readonly workers: number;
  readonly onRedisDown: OnRedisDown;
  readonly logger: RateLimitLogger;
  readonly leaseTtlMs: number;
  readonly connectTimeoutMs: number;
  readonly commandTimeoutMs: number;
  readonly keyPrefix: string;
}

/** Processes assumed to share an account while Redis is down: 10, so each falls back to 1 call per second. */
export const DEFAULT_FLEET_WORKERS = 10;
/** How long an unreleased slot stays in flight: 30 000 ms, three times the client's default `timeoutMs`. */
export const DEFAULT_LEASE_TTL_MS = 30_000;
/** Longest wait for a connection: 1000 ms. */
export const DEFAULT_REDIS_CONNECT_TIMEOUT_MS = 1_000;
/** Longest wait for one command: 500 ms (a healthy Redis answers in well under 1 ms on a LAN). */
export const DEFAULT_REDIS_COMMAND_TIMEOUT_MS = 500;
/** Keys are `live-relay:rl:<AccessKeyId>`. */
export const DEFAULT_REDIS_KEY_PREFIX = 'live-relay:rl:';

const emitWarning: RateLimitLogger = {
  warn: (message) => process.emitWarning(message, { type: 'LiveRelayWarning', code: 'LIVE_RELAY_RATE_LIMIT_REDIS' }),
};

/** Applies the defaults; throws a `LiveOptionError` naming the first bad option. */
export function resolveRedisOptions(options: string | RedisRateLimitOptions): ResolvedRedisOptions {
  const given: RedisRateLimitOptions = typeof options === 'string' ? { url: options } : options;
  const protocol = urlProtocol(given.url);
  if (protocol !== 'redis:' && protocol !== 'rediss:') {
    throw new LiveOptionError(
      'rateLimit.redis.url',
      `rateLimit.redis.url must be a redis:// or rediss:// URL (got ${redactedUrl(given.url)})`,
    );
  }
  const onRedisDown = given.onRedisDown ?? 'fallback';
  if (onRedisDown !== 'fallback' && onRedisDown !== 'fail-closed') {
    throw new LiveOptionError(
      'rateLimit.redis.onRedisDown',
      `rateLimit.redis.onRedisDown must be 'fallback' or 'fail-closed' (got ${JSON.stringify(onRedisDown)})`,
    );
  }
  return {
    url: given.url,
    safeUrl: redactedUrl(given.url),
    workers: positiveInteger('workers', given.workers ?? DEFAULT_FLEET_WORKERS),
    onRedisDown,
    logger: given.logger ?? emitWarning,
    leaseTtlMs: positiveInteger('leaseTtlMs', given.leaseTtlMs ?? DEFAULT_LEASE_TTL_MS),
    connectTimeoutMs: positiveInteger('connectTimeoutMs', given.connectTimeoutMs ?? DEFAULT_REDIS_CONNECT_TIMEOUT_MS),
    commandTimeoutMs: positiveInteger('commandTimeoutMs', given.commandTimeoutMs ?? DEFAULT_REDIS_COMMAND_TIMEOUT_MS),
    keyPrefix: given.keyPrefix ?? DEFAULT_REDIS_KEY_PREFIX,
  };
}

function urlProtocol(url: unknown): string | undefined {
  if (typeof url !== 'string') return undefined;
  try {
    return new URL(url).protocol;
  } catch {
    return undefined;
  }
}

function positiveInteger(name: string, value: number): number {
  if (!(Number.isSafeInteger(value) && value > 0))
    throw new LiveOptionError(
      `rateLimit.redis.${name}`,
      `rateLimit.redis.${name} must be a positive integer (got ${value})`,
    );
  return value;
}
