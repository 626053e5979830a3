import type { IncomingHttpHeaders } from 'node:http';
import { isIP } from 'node:net';
import { type Refusal, refuse } from '../gateway/refusal.js';

/**
 * Who may drive the emulator from a web browser. By default no page but the emulator's own
 * origin: any site a developer visits could otherwise POST to the unsigned control routes or
 * send V1 GETs signed with the public built-in key (a form, an `<img>` or a `no-cors` fetch needs
 * no preflight), and a DNS-rebinding page reaches it under a name of its own.
 */
export interface BrowserPolicy {
  /** Accept every origin and Host name, and answer CORS (the `--allow-cross-origin` opt-in). */
  readonly allowCrossOrigin: boolean;
  /** The port the emulator listens on: a Host naming another port is not this emulator. */
  readonly port: number;
  /** Host names besides IP literals and `localhost`: the name the emulator was bound to. */
  readonly names: ReadonlySet<string>;
}

/** Response headers a browser may read from a cross-origin answer (with the opt-in). */
const EXPOSED_HEADERS = 'x-acs-request-id, x-acs-retry-after';

/** How long a browser may cache a preflight answer, in seconds. */
const PREFLIGHT_MAX_AGE_SECONDS = 600;

const HINT = 'start the emulator with --allow-cross-origin to let web pages call it';

/**
 * Refuses a request a browser sent on behalf of another site, or under a Host name that is not
 * this emulator's, with `Forbidden.RAM` (403; see spec/decisions.md). Requests without browser
 * headers (SDKs, curl) pass: only browsers send `Origin` and `Sec-Fetch-Site`, and a page cannot
 * forge them.
 *
 * - `Host` must name an IP address, `localhost` or the bound host name, with the listening port
 *   (an IP literal cannot be rebound; a name can).
 * - `Origin`, when sent, must be the emulator's own (`http://` + that Host).
 * - `Sec-Fetch-Site`, when sent, must be `same-origin` or `none` (typed in the address bar);
 *   it also covers requests that carry no `Origin`, such as an `<img>` GET.
 */
export function refuseBrowser(headers: IncomingHttpHeaders, policy: BrowserPolicy): Refusal | undefined {
  if (policy.allowCrossOrigin) return undefined;
  const host = headers.host;
  if (host !== undefined && !isOwnHost(host, policy)) {
    return refuse(
      'Forbidden.RAM',
      undefined,
      `Host ${JSON.stringify(host.slice(0, 100))} is not this emulator's address (a DNS-rebinding page?); call it by IP address, localhost or its --host name on port ${policy.port}, or ${HINT}`,
    );
  }
  const origin = headers.origin;
  if (origin !== undefined && (host === undefined || origin.toLowerCase() !== `http://${host.toLowerCase()}`)) {
    return refuse(
      'Forbidden.RAM',
      undefined,
      `cross-origin browser requests are refused (Origin ${JSON.stringify(origin.slice(0, 100))}); ${HINT}`,
    );
  }
  const site = headers['sec-fetch-site'];
  if (site !== undefined && site !== 'same-origin' && site !== 'none') {
    return refuse(
      'Forbidden.RAM',
      undefined,
      `cross-origin browser requests are refused (Sec-Fetch-Site ${JSON.stringify(site.slice(0, 20))}); ${HINT}`,
    );
  }
  return undefined;
}

/**
 * With the opt-in, the CORS headers of an answer to a page of another origin; for a preflight
 * (`OPTIONS` with `Access-Control-Request-Method`), what it may send. Empty without the opt-in or
 * an `Origin`.
 */
export function corsHeaders(
  method: string | undefined,
  headers: IncomingHttpHeaders,
  policy: BrowserPolicy,
): Record<string, string> {
  const origin = headers.origin;
  if (!policy.allowCrossOrigin || origin === undefined) return {};
  const allow: Record<string, string> = {
    'access-control-allow-origin': origin,
    'access-control-expose-headers': EXPOSED_HEADERS,
    vary: 'Origin',
  };
  if (method === 'OPTIONS' && headers['access-control-request-method'] !== undefined) {
    allow['access-control-allow-methods'] = 'GET, POST';
    const requested = headers['access-control-request-headers'];
    if (requested !== undefined) allow['access-control-allow-headers'] = requested;
    allow['access-control-max-age'] = String(PREFLIGHT_MAX_AGE_SECONDS);
  }
  return allow;
}

/** Whether a request is a CORS preflight the opt-in answers with 204. */
export function isPreflight(method: string | undefined, headers: IncomingHttpHeaders, policy: BrowserPolicy): boolean {
  return (
    policy.allowCrossOrigin &&
    method === 'OPTIONS' &&
    headers.origin !== undefined &&
    headers['access-control-request-method'] !== undefined
  );
}

function isOwnHost(host: string, policy: BrowserPolicy): boolean {
  const match = /^(\[[^\]]*\]|[^:]*)(?::(\d+))?$/.exec(host.trim().toLowerCase());
  if (match === null) return false;
  const name = match[1]!.replace(/\.$/, '');
  const port = match[2] === undefined ? 80 : Number(match[2]);
  if (port !== policy.port) return false;
  const bare = name.startsWith('[') ? name.slice(1, -1) : name;
  return isIP(bare) !== 0 || bare === 'localhost' || policy.names.has(bare);
}
