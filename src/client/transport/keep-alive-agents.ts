import type { Agent as HttpsAgent } from 'node:https';

/**
 * Connections per host, for `https:` (the agent) and `http:` (`socket-sender.ts`). The service
 * allows 10 calls per second per account, but several accounts or a slow answer can keep more
 * calls in flight; 64 leaves room for 32+ concurrent calls without queueing.
 */
export const MAX_SOCKETS_PER_HOST = 64;

let httpsAgent: Promise<HttpsAgent> | undefined;

/** The process-wide keep-alive agent for `https:` endpoints; `node:https` (and TLS) load on first use. */
export function sharedHttpsAgent(): Promise<HttpsAgent> {
  httpsAgent ??= import('node:https').then(
    ({ Agent }) => new Agent({ keepAlive: true, maxSockets: MAX_SOCKETS_PER_HOST }),
  );
  return httpsAgent;
}
