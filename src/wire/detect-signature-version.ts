import type { HeaderMap } from './canonical-headers.js';

/** The two signature schemes of the RPC protocol. */
export type SignatureVersion = 'v1' | 'v3';

/**
 * Which scheme signed a request: an `Authorization` header starting with `ACS3-` means V3; a
 * `Signature` parameter in the query or form body means V1; otherwise `undefined` (unsigned).
 */
export function detectSignatureVersion(request: {
  readonly headers: HeaderMap;
  readonly query: Readonly<Record<string, string>>;
  readonly form?: Readonly<Record<string, string>> | undefined;
}): SignatureVersion | undefined {
  const authorization = request.headers['authorization'];
  if (typeof authorization === 'string' && authorization.startsWith('ACS3-')) return 'v3';
  if (request.query['Signature'] !== undefined || request.form?.['Signature'] !== undefined) return 'v1';
  return undefined;
}
