import { TIMESTAMP_TOLERANCE_MS } from './authenticate.js';
import { NonceCache } from './nonce-cache.js';
import { type Refusal, refuse } from './refusal.js';

/**
 * Refuses a signature nonce that one AccessKeyId already used while a request carrying it could
 * still pass the timestamp check: until the later of its arrival and its signing time, plus
 * {@link TIMESTAMP_TOLERANCE_MS}. Nonces of different keys never collide.
 */
export class ReplayGuard {
  private readonly caches = new Map<string, NonceCache>();

  /** `capacity`: nonces remembered per key (oldest forgotten first). */
  constructor(private readonly capacity: number) {}

  /** Records the nonce, or refuses the request with `SignatureNonceUsed`. `now` is real time in ms. */
  check(accessKeyId: string, nonce: string, signedAt: Date, now: number): Refusal | undefined {
    let cache = this.caches.get(accessKeyId);
    if (cache === undefined) {
      cache = new NonceCache(this.capacity);
      this.caches.set(accessKeyId, cache);
    }
    const expiresAt = Math.max(now, signedAt.getTime()) + TIMESTAMP_TOLERANCE_MS;
    if (cache.use(nonce, expiresAt, now)) return undefined;
    return refuse('SignatureNonceUsed', undefined, 'sign every request, retries included, with a fresh nonce');
  }

  clear(): void {
    this.caches.clear();
  }
}
