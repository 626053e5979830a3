import type { Redis } from 'ioredis';
import { importIoredis } from './import-ioredis.js';
import type { ResolvedRedisOptions } from './redis-options.js';

/** First pause before reconnecting, milliseconds; it doubles per failed attempt. */
export const RECONNECT_MIN_DELAY_MS = 50;
/**
 * Longest pause between reconnect attempts, and how long a connected Redis that failed a command
 * (no answer within `commandTimeoutMs`, or an error reply) is left alone before it is asked
 * again, milliseconds.
 */
export const RECONNECT_MAX_DELAY_MS = 1_000;

/**
 * The one connection of a Redis rate-limit store, opened on first use.
 *
 * It never makes a caller wait on an outage: commands are not queued while disconnected
 * (`enableOfflineQueue: false`) and fail after `commandTimeoutMs`. It reconnects in the background
 * on its own unref'd timers (ioredis's own reconnect timers would keep the process alive), and its
 * socket is unref'd too, so, like Node's keep-alive agents, the store never keeps a finished
 * process running; a pending command's timeout timer holds the process until the command ends.
 */
export class RedisLink {
  private opening: Promise<Redis> | undefined;
  private current: Redis | undefined;
  private lastError: Error = new Error('not connected yet');
  /** Epoch ms before which a connected client that failed a command is not used. */
  private resumeAt = 0;
  private reconnectAttempts = 0;
  private reconnectTimer: NodeJS.Timeout | undefined;
  private closed = false;
  private readyCount = 0;

  constructor(
    private readonly options: Pick<ResolvedRedisOptions, 'url' | 'connectTimeoutMs' | 'commandTimeoutMs'>,
    private readonly load: typeof importIoredis = importIoredis,
  ) {}

  /**
   * The client when it is connected and in good standing; otherwise throws why Redis cannot be
   * asked now, at once. The first call loads ioredis and waits up to `connectTimeoutMs` to connect.
   */
  async client(): Promise<Redis> {
    this.opening ??= this.open();
    const client = await this.opening;
    if (this.closed) throw new Error('the Redis rate-limit store is closed');
    if (client.status !== 'ready' || Date.now() < this.resumeAt) throw this.lastError;
    return client;
  }

  /**
   * The client while its connection is up, even when it failed a command a moment ago (a paused
   * Redis): for commands that must follow others on the same connection.
   */
  connected(): Redis | undefined {
    return !this.closed && this.current?.status === 'ready' ? this.current : undefined;
  }

  /** How many times the connection has become ready; each reconnect may reach a Redis that lost its data. */
  get connections(): number {
    return this.readyCount;
  }

  /** Whether {@link client} would return the client now. */
  reachable(): boolean {
    return !this.closed && this.current?.status === 'ready' && Date.now() >= this.resumeAt;
  }

  /** A command failed on the connection: leave Redis alone for {@link RECONNECT_MAX_DELAY_MS}. */
  failed(error: Error): void {
    this.lastError = error;
    this.resumeAt = Date.now() + RECONNECT_MAX_DELAY_MS;
  }

  /** Closes the connection and stops reconnecting. */
  async close(): Promise<void> {
    this.closed = true;
    clearTimeout(this.reconnectTimer);
    const client = await this.opening?.catch(() => undefined);
    client?.disconnect();
  }

  private async open(): Promise<Redis> {
    const RedisClient = await this.load();
    const client = new RedisClient(this.options.url, {
      lazyConnect: true,
      enableOfflineQueue: false,
      maxRetriesPerRequest: 0,
      autoResendUnfulfilledCommands: false,
      connectTimeout: this.options.connectTimeoutMs,
      commandTimeout: this.options.commandTimeoutMs,
      retryStrategy: () => null,
    });
    client.on('error', (error: Error) => {
      this.lastError = error;
    });
    client.on('connect', () => client.stream.unref());
    client.on('ready', () => {
      this.readyCount++;
      this.reconnectAttempts = 0;
      this.resumeAt = 0;
    });
    client.on('end', () => this.reconnectLater(client));
    // A failed first connection has already scheduled the next attempt ('end'); `client()` reports it.
    await client.connect().catch(() => undefined);
    this.current = client;
    return client;
  }

  private reconnectLater(client: Redis): void {
    if (this.closed) return;
    const delayMs = Math.min(RECONNECT_MIN_DELAY_MS * 2 ** this.reconnectAttempts++, RECONNECT_MAX_DELAY_MS);
    this.reconnectTimer = setTimeout(() => void client.connect().catch(() => undefined), delayMs);
    this.reconnectTimer.unref();
  }
}
