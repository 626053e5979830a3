import type { OperationName } from '../../generated/operations.js';
import type { LiveClientOptions } from '../client/client-options.js';
import { createLiveClient } from '../client/create-live-client.js';
import { methodName } from '../client/operation-types.js';
import { resolveCliCredentials } from './credentials-options.js';
import type { GlobalOptions } from './global-options.js';
import { listAllTasks } from './list-all.js';
import type { MaskedIo } from './masked-io.js';
import { cliRateLimitRedis } from './rate-limit-redis.js';

/**
 * Makes the one call a command line asks for, through the typed client, and resolves with the
 * response body (for `--all`, the merged task list). Client errors propagate unchanged.
 */
export async function callOperation(
  action: OperationName,
  params: Readonly<Record<string, unknown>>,
  globals: GlobalOptions,
  io: MaskedIo,
): Promise<unknown> {
  const redis = cliRateLimitRedis(globals.rateLimitRedis, io.env);
  const options: LiveClientOptions = {
    credentials: await resolveCliCredentials(globals, io),
    ...(redis !== undefined && 'rateLimit' in redis ? { rateLimit: redis.rateLimit } : {}),
    ...(globals.endpoint === undefined ? {} : { endpoint: globals.endpoint }),
    ...(globals.signatureVersion === undefined ? {} : { signatureVersion: globals.signatureVersion }),
  };
  const client = createLiveClient(options);
  if (globals.all) return listAllTasks(client, params, io.stderr);
  const method = client[methodName(action)] as (params: unknown) => Promise<unknown>;
  return method(params);
}
