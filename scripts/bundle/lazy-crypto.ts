/**
 * `node:crypto` for the CLI bundle, loaded on the first call instead of when the bundle starts.
 * Requiring it loads Node's stream and cipher modules too, about 3 ms of a run that never signs
 * (`live-relay --help`, a usage error). Exactly the functions `src/` imports: esbuild fails the
 * build when a module imports one that is missing here.
 */
import type * as NodeCrypto from 'node:crypto';

let loaded: typeof NodeCrypto | undefined;

function crypto(): typeof NodeCrypto {
  loaded ??= process.getBuiltinModule('node:crypto');
  return loaded;
}

export const createHash: typeof NodeCrypto.createHash = (...args) => crypto().createHash(...args);
export const createHmac: typeof NodeCrypto.createHmac = (...args) => crypto().createHmac(...args);
export const createSecretKey = ((...args: Parameters<typeof NodeCrypto.createSecretKey>) =>
  crypto().createSecretKey(...args)) as typeof NodeCrypto.createSecretKey;
export const hash = ((...args: Parameters<typeof NodeCrypto.hash>) => crypto().hash(...args)) as typeof NodeCrypto.hash;
export const randomFillSync: typeof NodeCrypto.randomFillSync = (...args) => crypto().randomFillSync(...args);
export const randomUUID: typeof NodeCrypto.randomUUID = (...args) => crypto().randomUUID(...args);
export const timingSafeEqual: typeof NodeCrypto.timingSafeEqual = (...args) => crypto().timingSafeEqual(...args);
