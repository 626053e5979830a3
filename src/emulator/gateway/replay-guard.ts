import { TIMESTAMP_TOLERANCE_MS } from './authenticate.js';
import { NonceCache } from './nonce-cache.js';
import { type Refusal, refuse } from './refusal.js';
import { RETRY_AFTER_HEADER } from './retry-after-header.js';

/**
 * Refuses a signature nonce that one AccessKeyId already used while a request carrying it could
 * still pass the timestamp check: until the later of its arrival and its signing time, plus
 * {@link TIMESTAMP_TOLERANCE_MS}. Nonces of different keys never collide. A key that used
 * `capacity` nonces within that time gets `Throttling.User` until the oldest expires: nonces are
 * never forgotten early.
 */
export class ReplayGuard {
  private readonly caches = new Map<string, NonceCache>();

  /** `capacity`: nonces remembered per key. */
  constructor(private readonly capacity: number) {}

  /** Records the nonce, or refuses the request. `now` is real time in ms. */
  check(accessKeyId: string, nonce: string, signedAt: Date, now: number): Refusal | undefined {
    let cache = this.caches.get(accessKeyId);
    if (cache === undefined) {
      cache = new NonceCache(this.capacity);
      this.caches.set(accessKeyId, cache);
    }
    const expiresAt = Math.max(now, signedAt.getTime()) + TIMESTAMP_TOLERANCE_MS;
    const verdict = cache.use(nonce, expiresAt, now);
    if (verdict === 'fresh') return undefined;
    if (verdict === 'replayed') {
      return refuse('SignatureNonceUsed', undefined, 'sign every request, retries included, with a fresh nonce');
    }
    const wait = Math.max(1, cache.msUntilRoom(now));
    return refuse(
      'Throttling.User',
      undefined,
      `AccessKeyId ${accessKeyId} signed ${this.capacity} requests within ${TIMESTAMP_TOLERANCE_MS / 60_000} minutes, as many nonces as the emulator remembers (maxNoncesPerKey); retry in ${wait} ms`,
      { [RETRY_AFTER_HEADER]: String(wait) },
    );
  }

  clear(): void {
    this.caches.clear();
  }
}
