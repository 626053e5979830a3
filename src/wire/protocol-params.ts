/**
 * Parameters of the RPC envelope rather than of any operation: the V1 common parameters, the
 * STS token, bearer-token mode and `Signature` itself. Verification removes them from the
 * parameters it hands on.
 */
export const PROTOCOL_PARAMS: ReadonlySet<string> = new Set([
  'Action',
  'Version',
  'Format',
  'AccessKeyId',
  'Signature',
  'SignatureMethod',
  'SignatureVersion',
  'SignatureNonce',
  'SignatureType',
  'Timestamp',
  'SecurityToken',
  'BearerToken',
]);

/** The operation's own parameters: query and form body merged (the body wins, as in the official cores), envelope removed. */
export function operationParams(
  query: Readonly<Record<string, string>>,
  form: Readonly<Record<string, string>> | undefined,
): Record<string, string> {
  // Names come from the request: a null-prototype record keeps `__proto__` an ordinary parameter.
  const out: Record<string, string> = Object.create(null);
  for (const source of form === undefined ? [query] : [query, form]) {
    for (const name of Object.keys(source)) {
      if (!PROTOCOL_PARAMS.has(name)) out[name] = source[name]!;
    }
  }
  return out;
}
