/**
 * The `Request` class given to openapi-fetch (its `Request` option). openapi-fetch constructs one
 * per call and hands it to our transport, which reads nothing from it: it signs and sends the
 * call's own parameter map. Node 20's global Request costs about 10 µs to construct, a quarter of
 * the official core's whole per-call overhead, so this holds only what openapi-fetch itself reads
 * back (`method`, for its HEAD check).
 */
export class RelayRequest {
  /** The URL openapi-fetch built: endpoint and the operation's synthetic path. */
  readonly url: string;
  readonly method: string;

  constructor(url: string, init?: { readonly method?: string }) {
    this.url = url;
    this.method = init?.method ?? 'GET';
  }
}
