import { createServer } from 'node:http';
import type { AddressInfo } from 'node:net';
import type { Duplex } from 'node:stream';
import { QPS_LIMIT_PER_ACCOUNT } from '../../generated/operations.js';
import { LiveOptionError } from '../errors/live-option-error.js';
import type { Credentials } from '../wire/credentials.js';
import { accessKeyTable, DEFAULT_ACCESS_KEY_ID, DEFAULT_ACCESS_KEY_SECRET } from './gateway/access-keys.js';
import { DEFAULT_ARRIVAL_LOG_SIZE } from './gateway/arrival-log.js';
import { Gateway } from './gateway/gateway.js';
import { DEFAULT_MAX_NONCES_PER_KEY } from './gateway/nonce-cache.js';
import { BodyBudget, DEFAULT_MAX_BUFFERED_BODY_BYTES } from './http/body-budget.js';
import { DEFAULT_MAX_BODY_BYTES } from './http/read-body.js';
import { answerClientError, createRequestHandler } from './http/request-handler.js';
import { loadMediaCatalog } from './playback/load-media-catalog.js';
import { type MediaCatalog, mediaCatalog } from './playback/media-catalog.js';
import type { Player } from './playback/player.js';
import { prepareRelayMode, REAL_CLOCK_ONLY, type RelayMode } from './relay/relay-mode.js';
import { createTaskService, type TaskServiceOptions } from './service/create-task-service.js';
import type { TaskService } from './service/task-service.js';

/** The errors `startEmulator` throws for bad options; re-exported for `live-relay/emulator` users. */
export { LiveError } from '../errors/live-error.js';
export { LiveOptionError } from '../errors/live-option-error.js';
export { DEFAULT_MEDIA_DURATION_SECONDS } from './playback/media-catalog.js';
export { MediaCatalogError } from './playback/media-catalog-error.js';
export type { PlaybackReport, Player, PlayerState } from './playback/player.js';
export type { PlaylistPlan } from './playback/playlist-plan.js';
export { FfmpegMissingError } from './relay/ffmpeg-missing-error.js';

/** How to start an emulator. Every field is optional. */
export interface EmulatorOptions {
  /** Interface to bind. Default `127.0.0.1` (loopback only: the control routes are unsigned). */
  readonly host?: string;
  /** TCP port. Default `0`: a free port, read it from `url`. */
  readonly port?: number;
  /** The primary AccessKeyId. Default {@link DEFAULT_ACCESS_KEY_ID}, with {@link DEFAULT_ACCESS_KEY_SECRET}. */
  readonly accessKeyId?: string;
  /** Secret of `accessKeyId`; required when `accessKeyId` is given. */
  readonly accessKeySecret?: string;
  /** More accepted key pairs; one with a `securityToken` is an STS key and requires that token. */
  readonly credentials?: readonly Credentials[];
  /** SQLite file that keeps tasks across restarts. Default: tasks live in memory. */
  readonly dataFile?: string;
  /**
   * The media catalog: a JSON file path, or the parsed object
   * `{ "<VOD media ID or source URL>": { "durationSeconds": n, "missing"?: true, "file"?: path } }`
   * (`file`: what `relay` plays for a VOD media ID; `durationSeconds` may then be left out).
   * Default: none, every medium plays for `defaultMediaDurationSeconds`.
   */
  readonly media?: string | Readonly<Record<string, unknown>>;
  /** How long media the catalog does not list play, in seconds. Default 600 (`DEFAULT_MEDIA_DURATION_SECONDS`). */
  readonly defaultMediaDurationSeconds?: number;
  /** Keep the task clock still between clock advances (from a whole second) instead of following real time. Default false. */
  readonly frozenClock?: boolean;
  /** A real player for every task's plan (see `Player`). Default: tasks play virtually on the task clock. */
  readonly player?: Player;
  /**
   * Relay for real: every Running task's media is pulled and pushed to its DstUrl by an ffmpeg
   * child process (Debian's `ffmpeg`); positions, list ends and failures come from it. The task
   * clock is then the real clock. Default false. Throws FfmpegMissingError when ffmpeg is missing.
   */
  readonly relay?: boolean;
  /** ffmpeg for `relay`; default `ffmpeg` on PATH (ffprobe is taken from beside it). */
  readonly ffmpegPath?: string;
  /** Seconds between retries instead of each task's RetryInterval (60 to 300 s), for relay tests and demos. Default: RetryInterval. */
  readonly retryIntervalSeconds?: number;
  /** Where relay mode writes its one line per task transition. Default: stdout. */
  readonly relayLog?: (line: string) => void;
  /** Serve this task service instead of creating one (`dataFile`, `media`, `frozenClock` and `player` are then unused); the caller closes it. */
  readonly service?: TaskService;
  /** Admitted calls per AccessKeyId in any one-second window. Default `QPS_LIMIT_PER_ACCOUNT` (10); `Infinity` turns throttling off. */
  readonly qpsLimit?: number;
  /** Largest request body, in bytes. Default 1 MiB. */
  readonly maxBodyBytes?: number;
  /**
   * Most request-body bytes held in memory at once, across every connection. Default 32 MiB;
   * a request whose body does not fit gets 503 `ServiceUnavailable` and its connection closes.
   */
  readonly maxBufferedBodyBytes?: number;
  /** Largest request line plus headers, in bytes. Default 128 KiB (a Create with 30 long SourceUrls fits). */
  readonly maxHeaderBytes?: number;
  /**
   * Signature nonces remembered per AccessKeyId, each for the whole 15-minute timestamp window.
   * Default 100,000. A key that has used this many within the window gets `Throttling.User`
   * until the oldest expires; none is forgotten early, so no captured request can be replayed.
   */
  readonly maxNoncesPerKey?: number;
  /** Arrivals kept per AccessKeyId for `GET /_emulator/requests`. Default 10,000. */
  readonly arrivalLogSize?: number;
  /**
   * Real wall-clock time in ms since the epoch, for the timestamp window, nonce expiry and the
   * throttle (not the task clock). Default `Date.now`; tests pass a frozen clock.
   */
  readonly wallClock?: () => number;
  /**
   * Answer web pages of any origin, under any Host name, with CORS headers (preflights
   * included). Default `false`: a browser request from another origin (`Origin`,
   * `Sec-Fetch-Site`) or under a Host name that is not an IP address, `localhost` or `host`
   * (DNS rebinding) is refused with 403, because any page could otherwise drive the emulator.
   */
  readonly allowCrossOrigin?: boolean;
  /** Where unexpected exceptions go (they are answered as `InternalError`). Default: `console.error`. */
  readonly onInternalError?: (error: unknown, requestId: string) => void;
}

/** A running emulator. */
export interface RunningEmulator {
  /** Base URL, e.g. `http://127.0.0.1:40123`. */
  readonly url: string;
  /** `host:port`, the endpoint to configure in an SDK. */
  readonly endpoint: string;
  /** The primary key pair. */
  readonly credentials: Credentials;
  readonly service: TaskService;
  /** Stops accepting connections, drops keep-alive sockets and closes the service (unless it was passed in). */
  close(): Promise<void>;
}

/** Default largest request line plus headers: 128 KiB. */
export const DEFAULT_MAX_HEADER_BYTES = 128 * 1024;
/** How long an idle keep-alive connection stays open: 65 s (longer than the SDK agents' idle timeouts). */
const KEEP_ALIVE_TIMEOUT_MS = 65_000;

/**
 * Starts the local ApsaraVideo Live pull-to-push service: the RPC endpoint at `/` (signed,
 * throttled, schema-validated, answered by the task service) and the control routes under
 * `/_emulator/`.
 */
export async function startEmulator(options: EmulatorOptions = {}): Promise<RunningEmulator> {
  const primary = primaryCredentials(options);
  const qpsLimit = options.qpsLimit ?? QPS_LIMIT_PER_ACCOUNT;
  if (!(qpsLimit === Infinity || (Number.isSafeInteger(qpsLimit) && qpsLimit > 0))) {
    throw new LiveOptionError('qpsLimit', `qpsLimit must be a positive integer or Infinity, got ${qpsLimit}`);
  }
  const maxBufferedBodyBytes = options.maxBufferedBodyBytes ?? DEFAULT_MAX_BUFFERED_BODY_BYTES;
  if (!(Number.isSafeInteger(maxBufferedBodyBytes) && maxBufferedBodyBytes > 0)) {
    throw new LiveOptionError(
      'maxBufferedBodyBytes',
      `maxBufferedBodyBytes must be a positive integer, got ${maxBufferedBodyBytes}`,
    );
  }
  const retry = options.retryIntervalSeconds;
  if (retry !== undefined && !(Number.isFinite(retry) && retry > 0)) {
    throw new LiveOptionError(
      'retryIntervalSeconds',
      `retryIntervalSeconds must be a positive number of seconds, got ${retry}`,
    );
  }
  const keys = accessKeyTable([primary, ...(options.credentials ?? [])]);
  const ownsService = options.service === undefined;
  const relay = relayModeOf(options);
  const service = options.service ?? createTaskService(serviceOptions(options, relay));
  try {
    await relay?.activate(service);
  } catch (error) {
    await service.close();
    throw error;
  }
  const onInternalError =
    options.onInternalError ??
    ((error: unknown, requestId: string) => console.error(`[emulator] InternalError ${requestId}:`, error));
  const gateway = new Gateway({
    keys,
    service,
    qpsLimit,
    maxNoncesPerKey: options.maxNoncesPerKey ?? DEFAULT_MAX_NONCES_PER_KEY,
    arrivalLogSize: options.arrivalLogSize ?? DEFAULT_ARRIVAL_LOG_SIZE,
    clock: options.wallClock ?? Date.now,
    onInternalError,
  });
  const server = createServer({
    maxHeaderSize: options.maxHeaderBytes ?? DEFAULT_MAX_HEADER_BYTES,
    keepAliveTimeout: KEEP_ALIVE_TIMEOUT_MS,
    noDelay: true,
  });
  try {
    await new Promise<void>((resolve, reject) => {
      server.once('error', reject);
      server.listen(options.port ?? 0, options.host ?? '127.0.0.1', () => {
        server.off('error', reject);
        resolve();
      });
    });
  } catch (error) {
    if (ownsService) await service.close();
    await relay?.close();
    throw error;
  }
  const address = server.address() as AddressInfo;
  const hostId = `${address.family === 'IPv6' ? `[${address.address}]` : address.address}:${address.port}`;
  // Attached in the same tick as `listening`, before any connection can be read.
  server.on(
    'request',
    createRequestHandler({
      gateway,
      service,
      maxBodyBytes: options.maxBodyBytes ?? DEFAULT_MAX_BODY_BYTES,
      bodyBudget: new BodyBudget(maxBufferedBodyBytes),
      hostId,
      browser: {
        allowCrossOrigin: options.allowCrossOrigin ?? false,
        port: address.port,
        names: new Set([(options.host ?? '127.0.0.1').toLowerCase()]),
      },
      onInternalError,
    }),
  );
  server.on('clientError', (error: NodeJS.ErrnoException, socket: Duplex) => answerClientError(error, socket, hostId));

  let closing: Promise<void> | undefined;
  return {
    url: `http://${hostId}`,
    endpoint: hostId,
    credentials: primary,
    service,
    close: () =>
      (closing ??= (async () => {
        await new Promise<void>((resolve) => {
          server.close(() => resolve());
          server.closeAllConnections();
        });
        if (ownsService) await service.close();
        await relay?.close();
      })()),
  };
}

function primaryCredentials(options: EmulatorOptions): Credentials {
  if (options.accessKeyId === undefined && options.accessKeySecret === undefined) {
    return { accessKeyId: DEFAULT_ACCESS_KEY_ID, accessKeySecret: DEFAULT_ACCESS_KEY_SECRET };
  }
  if (options.accessKeyId === undefined || options.accessKeySecret === undefined) {
    throw new LiveOptionError('accessKeySecret', 'accessKeyId and accessKeySecret must be given together');
  }
  return { accessKeyId: options.accessKeyId, accessKeySecret: options.accessKeySecret };
}

/** What the task service is built with; reads the media catalog first, so a bad one stops the start. */
function serviceOptions(options: EmulatorOptions, relay: RelayMode | undefined): TaskServiceOptions {
  const media = relay?.media ?? catalogOf(options);
  const player = relay?.player ?? options.player;
  return {
    ...(options.dataFile === undefined ? {} : { dataFile: options.dataFile }),
    ...(media === undefined ? {} : { media }),
    ...(options.frozenClock === undefined ? {} : { frozenClock: options.frozenClock }),
    ...(player === undefined ? {} : { player }),
    ...(options.retryIntervalSeconds === undefined ? {} : { retryIntervalSeconds: options.retryIntervalSeconds }),
    ...(relay === undefined ? {} : { realClockOnly: REAL_CLOCK_ONLY }),
  };
}

/** Relay mode, checked before anything starts: ffmpeg found, no option that contradicts it. */
function relayModeOf(options: EmulatorOptions): RelayMode | undefined {
  if (options.relay !== true) return undefined;
  if (options.service !== undefined)
    throw new LiveOptionError('service', 'relay needs the emulator to create its task service: drop service');
  if (options.player !== undefined) throw new LiveOptionError('player', 'relay brings its own player: drop player');
  if (options.frozenClock === true)
    throw new LiveOptionError('frozenClock', 'relay runs on the real clock: drop frozenClock');
  return prepareRelayMode({
    ffmpegPath: options.ffmpegPath,
    dataFile: options.dataFile,
    media: catalogOf(options) ?? mediaCatalog({}),
    log: options.relayLog,
  });
}

function catalogOf({ media, defaultMediaDurationSeconds }: EmulatorOptions): MediaCatalog | undefined {
  if (typeof media === 'string') return loadMediaCatalog(media, defaultMediaDurationSeconds);
  if (media !== undefined || defaultMediaDurationSeconds !== undefined)
    return mediaCatalog(media ?? {}, defaultMediaDurationSeconds);
  return undefined;
}
