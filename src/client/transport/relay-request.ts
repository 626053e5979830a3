/**
 * The `Request` class given to openapi-fetch (its `Request` option). openapi-fetch constructs one
 * per call and hands it to our transport, which reads only `url` and `method`; it checks `method`
 * itself. Node 20's global Request costs about 10 µs to construct, a quarter of the official
 * core's whole per-call overhead, so this holds just what is read.
 */
export class RelayRequest {
  /** The URL openapi-fetch built: endpoint, the operation's synthetic path, the serialized query. */
  readonly url: string;
  readonly method: string;

  constructor(url: string, init?: { readonly method?: string }) {
    this.url = url;
    this.method = init?.method ?? 'GET';
  }
}

/** {@link RelayRequest} typed as what openapi-fetch's `Request` option expects. */
export const RelayRequestClass = RelayRequest as unknown as typeof Request;
