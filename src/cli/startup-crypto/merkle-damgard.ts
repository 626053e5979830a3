/**
 * `message` followed by the Merkle–Damgård padding of SHA-1 and SHA-256: a 1 bit, zeros, and the
 * message length in bits as a 64-bit big-endian number, to a multiple of 64 bytes.
 */
export function pad(message: Uint8Array): Uint8Array {
  const length = Math.ceil((message.length + 9) / 64) * 64;
  const padded = new Uint8Array(length);
  padded.set(message);
  padded[message.length] = 0x80;
  const bits = message.length * 8;
  const view = new DataView(padded.buffer);
  view.setUint32(length - 8, Math.floor(bits / 2 ** 32));
  view.setUint32(length - 4, bits >>> 0);
  return padded;
}

/** The words of `state` as big-endian bytes. */
export function bigEndianBytes(state: Int32Array): Uint8Array {
  const bytes = new Uint8Array(state.length * 4);
  const view = new DataView(bytes.buffer);
  for (let i = 0; i < state.length; i++) view.setInt32(i * 4, state[i]!);
  return bytes;
}

/** Reads the 64-byte block at `offset` of `padded` into `words[0..15]`, big-endian. */
export function loadBlock(padded: Uint8Array, offset: number, words: Int32Array): void {
  for (let i = 0; i < 16; i++) {
    const at = offset + i * 4;
    words[i] = (padded[at]! << 24) | (padded[at + 1]! << 16) | (padded[at + 2]! << 8) | padded[at + 3]!;
  }
}
