import { Agent as HttpAgent } from 'node:http';
import type { Agent as HttpsAgent } from 'node:https';

/**
 * Sockets per host. The service allows 10 calls per second per account, but several accounts or a
 * slow answer can keep more calls in flight; 64 leaves room for 32+ concurrent calls without
 * queueing inside the agent.
 */
export const MAX_SOCKETS_PER_HOST = 64;

let httpAgent: HttpAgent | undefined;
let httpsAgent: Promise<HttpsAgent> | undefined;

/** The process-wide keep-alive agent for `http:` endpoints (the emulator). */
export function sharedHttpAgent(): HttpAgent {
  httpAgent ??= new HttpAgent({ keepAlive: true, maxSockets: MAX_SOCKETS_PER_HOST });
  return httpAgent;
}

/** The process-wide keep-alive agent for `https:` endpoints; `node:https` (and TLS) load on first use. */
export function sharedHttpsAgent(): Promise<HttpsAgent> {
  httpsAgent ??= import('node:https').then(
    ({ Agent }) => new Agent({ keepAlive: true, maxSockets: MAX_SOCKETS_PER_HOST }),
  );
  return httpsAgent;
}
