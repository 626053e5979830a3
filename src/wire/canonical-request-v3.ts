/** The pieces of a V3 canonical request, each already in canonical form. */
export interface CanonicalRequestV3Parts {
  /** Upper-case HTTP method. */
  readonly method: string;
  /** Canonical URI; `/` for every RPC call. */
  readonly pathname: string;
  /** From {@link canonicalQuery}; `''` for no query. */
  readonly canonicalQuery: string;
  /** From {@link canonicalHeaders}: ends with `\n`. */
  readonly canonicalHeaders: string;
  readonly signedHeaders: string;
  /** `x-acs-content-sha256`: lower-case hex SHA-256 of the exact body bytes. */
  readonly payloadHash: string;
}

/**
 * `METHOD \n URI \n QUERY \n HEADERS \n SIGNED_HEADERS \n PAYLOAD_HASH`. The header block's own
 * trailing newline leaves an empty line before the signed-header list, as the spec requires.
 */
export function canonicalRequestV3(parts: CanonicalRequestV3Parts): string {
  return (
    parts.method +
    '\n' +
    parts.pathname +
    '\n' +
    parts.canonicalQuery +
    '\n' +
    parts.canonicalHeaders +
    '\n' +
    parts.signedHeaders +
    '\n' +
    parts.payloadHash
  );
}
