import { canonicalQuery } from './canonical-query.js';
import { percentEncode } from './percent-encode.js';

/**
 * V1 StringToSign: `METHOD&%2F&` + percentEncode(canonical query of every parameter but
 * `Signature`). `params` must not contain `Signature`; the method is the real HTTP method.
 */
export function stringToSignV1(method: string, params: Readonly<Record<string, string>>): string {
  return `${method}&%2F&${percentEncode(canonicalQuery(params))}`;
}
