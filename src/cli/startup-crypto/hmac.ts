/** A hash function with the 64-byte block of SHA-1 and SHA-256. */
export type BlockHash = (message: Uint8Array) => Uint8Array;

const BLOCK_BYTES = 64;

/** HMAC (RFC 2104) of `message` under `key` with `hash`. */
export function hmac(hash: BlockHash, key: Uint8Array, message: Uint8Array): Uint8Array {
  const block = new Uint8Array(BLOCK_BYTES);
  block.set(key.length > BLOCK_BYTES ? hash(key) : key);
  const inner = new Uint8Array(BLOCK_BYTES + message.length);
  for (let i = 0; i < BLOCK_BYTES; i++) inner[i] = block[i]! ^ 0x36;
  inner.set(message, BLOCK_BYTES);
  const innerDigest = hash(inner);
  const outerInput = new Uint8Array(BLOCK_BYTES + innerDigest.length);
  for (let i = 0; i < BLOCK_BYTES; i++) outerInput[i] = block[i]! ^ 0x5c;
  outerInput.set(innerDigest, BLOCK_BYTES);
  return hash(outerInput);
}
