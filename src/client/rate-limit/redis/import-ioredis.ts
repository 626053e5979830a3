import type { Redis } from 'ioredis';
import { MissingIoredisError } from './missing-ioredis-error.js';

/** The ioredis client class, as `import('ioredis')` exposes it. */
export type RedisClass = typeof Redis;

/** How the module is loaded; a parameter only so a test can simulate a missing package. */
export type ModuleLoader = () => Promise<{ readonly Redis?: RedisClass }>;

const loadIoredis: ModuleLoader = () => import('ioredis');

/**
 * Loads ioredis on first use of a Redis rate-limit store. It is an optional peer dependency:
 * users who never configure Redis never load it and need not install it.
 */
export async function importIoredis(load: ModuleLoader = loadIoredis): Promise<RedisClass> {
  let module: Awaited<ReturnType<ModuleLoader>>;
  try {
    module = await load();
  } catch (error) {
    if ((error as { code?: unknown } | undefined)?.code === 'ERR_MODULE_NOT_FOUND') {
      throw new MissingIoredisError(
        'live-relay: the Redis rate-limit store needs the optional peer dependency ioredis 5, which is not installed; run `npm install ioredis@5`',
        { cause: error },
      );
    }
    throw error;
  }
  const RedisClient = module.Redis;
  if (typeof RedisClient !== 'function') {
    throw new MissingIoredisError('live-relay: the installed ioredis exports no Redis class; install ioredis 5');
  }
  return RedisClient;
}
