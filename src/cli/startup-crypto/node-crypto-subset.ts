import type * as NodeCrypto from 'node:crypto';
import { closeSync, openSync, readSync } from 'node:fs';
import { type BlockHash, hmac } from './hmac.js';
import { sha1 } from './sha1.js';
import { sha256 } from './sha256.js';

/**
 * What `src/` imports from `node:crypto`, for the `live-relay` command's bundle: scripts/bundle.ts
 * puts this module in `node:crypto`'s place, and esbuild fails the build when `src/` imports a name
 * missing here. Requiring `node:crypto` costs a short run about 8 ms on the reference machine, a
 * seventh of an empty `node`, for the few hundred bytes a call signs. So the command hashes those
 * in JavaScript (SHA-256 and SHA-1, plain and as HMAC, byte for byte what OpenSSL computes: the
 * tests compare them) and reads nonce bytes from the kernel's `/dev/urandom`. Every other use
 * (other algorithms, options, `randomUUID`, `timingSafeEqual`) loads `node:crypto` and goes to it.
 */

let loaded: typeof NodeCrypto | undefined;

function nodeCrypto(): typeof NodeCrypto {
  loaded ??= process.getBuiltinModule('node:crypto');
  return loaded;
}

const DIGESTS: Readonly<Record<string, BlockHash>> = { sha256, sha1 };

type Data = string | NodeJS.ArrayBufferView;

function bytes(data: Data): Uint8Array {
  if (typeof data === 'string') return Buffer.from(data, 'utf8');
  return new Uint8Array(data.buffer as ArrayBuffer, data.byteOffset, data.byteLength);
}

/** The part of `Hash` and `Hmac` the signers use: `update()` any number of times, then one `digest()`. */
class Digest {
  private readonly parts: Uint8Array[] = [];
  constructor(private readonly compute: (message: Uint8Array) => Uint8Array) {}

  update(data: Data): this {
    this.parts.push(bytes(data));
    return this;
  }

  digest(): Buffer;
  digest(encoding: BufferEncoding): string;
  digest(encoding?: BufferEncoding): Buffer | string {
    const result = Buffer.from(this.compute(Buffer.concat(this.parts)));
    return encoding === undefined ? result : result.toString(encoding);
  }
}

/** The secret of `createSecretKey`: only this module's `createHmac` reads it (and hands Node a copy). */
class SecretBytes {
  readonly type = 'secret';
  constructor(readonly secret: Uint8Array) {}
}

function keyBytes(key: unknown): Uint8Array | undefined {
  if (typeof key === 'string') return Buffer.from(key, 'utf8');
  if (key instanceof SecretBytes) return key.secret;
  if (ArrayBuffer.isView(key)) return bytes(key as NodeJS.ArrayBufferView);
  return undefined;
}

export function createHash(algorithm: string, options?: NodeCrypto.HashOptions): Digest | NodeCrypto.Hash {
  const digest = DIGESTS[algorithm];
  if (digest !== undefined && options === undefined) return new Digest(digest);
  return nodeCrypto().createHash(algorithm, options);
}

export function createHmac(
  algorithm: string,
  key: string | NodeJS.ArrayBufferView | SecretBytes | NodeCrypto.KeyObject,
  options?: NodeCrypto.HashOptions,
): Digest | NodeCrypto.Hmac {
  const digest = DIGESTS[algorithm];
  const secret = keyBytes(key);
  if (digest !== undefined && secret !== undefined && options === undefined) {
    return new Digest((message) => hmac(digest, secret, message));
  }
  return nodeCrypto().createHmac(algorithm, key instanceof SecretBytes ? Buffer.from(key.secret) : key, options);
}

export function createSecretKey(key: string | NodeJS.ArrayBufferView, encoding?: BufferEncoding): SecretBytes {
  return new SecretBytes(typeof key === 'string' ? Buffer.from(key, encoding) : Uint8Array.from(bytes(key)));
}

export function hash(
  algorithm: string,
  data: Data,
  outputEncoding: BufferEncoding | 'buffer' = 'hex',
): string | Buffer {
  const digest = DIGESTS[algorithm];
  if (digest === undefined) return nodeCrypto().hash(algorithm, data as string, outputEncoding as 'hex');
  const result = Buffer.from(digest(bytes(data)));
  return outputEncoding === 'buffer' ? result : result.toString(outputEncoding);
}

/** Fills `buffer` from the kernel's CSPRNG; where there is no `/dev/urandom` (Windows), from Node's. */
export function randomFillSync<T extends NodeJS.ArrayBufferView>(buffer: T, offset = 0, size?: number): T {
  const target = new Uint8Array(buffer.buffer, buffer.byteOffset + offset, size ?? buffer.byteLength - offset);
  let fd: number;
  try {
    fd = openSync('/dev/urandom', 'r');
  } catch {
    return nodeCrypto().randomFillSync(buffer, offset, size);
  }
  try {
    for (let filled = 0; filled < target.length; ) {
      const read = readSync(fd, target, filled, target.length - filled, null);
      if (read === 0) throw new Error('/dev/urandom ended');
      filled += read;
    }
  } finally {
    closeSync(fd);
  }
  return buffer;
}

export const randomUUID: typeof NodeCrypto.randomUUID = (...args) => nodeCrypto().randomUUID(...args);
export const timingSafeEqual: typeof NodeCrypto.timingSafeEqual = (...args) => nodeCrypto().timingSafeEqual(...args);
