import { LiveOptionError } from '../../errors/live-option-error.js';
import { redactText } from '../redaction/redact-text.js';

/** The parts of the `endpoint` option the transport needs, parsed once per client. */
export interface Endpoint {
  readonly protocol: 'http:' | 'https:';
  readonly hostname: string;
  readonly port: number;
  /** The `host` header: hostname, plus the port when it is not the protocol's default. */
  readonly host: string;
  /** `protocol//host`, without a trailing slash. */
  readonly origin: string;
}

/** The default `endpoint`: Alibaba Cloud's public Live endpoint. */
export const DEFAULT_ENDPOINT = 'https://live.aliyuncs.com';

/**
 * Parses the `endpoint` option: `https://live.aliyuncs.com`, `http://127.0.0.1:8080`, or a bare
 * host (`live.aliyuncs.com`, meaning HTTPS). A path, query or credentials in it are refused: RPC
 * calls always go to `/`.
 */
export function parseEndpoint(endpoint: string): Endpoint {
  let url: URL;
  try {
    url = new URL(/^[a-z][a-z0-9+.-]*:\/\//i.test(endpoint) ? endpoint : `https://${endpoint}`);
  } catch {
    // Node's error keeps the whole input, password included.
    throw new LiveOptionError('endpoint', `endpoint is not a URL or host name (got ${redactText(endpoint)})`);
  }
  if (url.protocol !== 'http:' && url.protocol !== 'https:') {
    throw new LiveOptionError('endpoint', `endpoint must be an http:// or https:// URL (got ${url.protocol})`);
  }
  if (
    (url.pathname !== '/' && url.pathname !== '') ||
    url.search !== '' ||
    url.username !== '' ||
    url.password !== ''
  ) {
    throw new LiveOptionError(
      'endpoint',
      `endpoint must be a bare origin such as https://live.aliyuncs.com (got ${redactText(endpoint, [url.password, url.username])})`,
    );
  }
  const port = url.port === '' ? (url.protocol === 'https:' ? 443 : 80) : Number(url.port);
  return {
    protocol: url.protocol,
    hostname: url.hostname.replace(/^\[|\]$/g, ''),
    port,
    host: url.host,
    origin: url.origin,
  };
}
