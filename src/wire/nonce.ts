import { randomFillSync } from 'node:crypto';

const NONCE_BYTES = 16;
const POOL_BYTES = NONCE_BYTES * 256;
const pool = Buffer.allocUnsafe(POOL_BYTES);
let offset = POOL_BYTES;

/**
 * A fresh signature nonce: 32 lower-case hex characters (128 random bits), the format of
 * openapi-client and pop-core. A nonce only has to be unique, not secret, so the random bytes are
 * drawn from a pool refilled 256 nonces at a time.
 */
export function createNonce(): string {
  if (offset === POOL_BYTES) {
    randomFillSync(pool);
    offset = 0;
  }
  const nonce = pool.toString('hex', offset, offset + NONCE_BYTES);
  offset += NONCE_BYTES;
  return nonce;
}
