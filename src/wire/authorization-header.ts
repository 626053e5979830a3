/** The parts of a V3 `Authorization` header. */
export interface Authorization {
  /** e.g. `ACS3-HMAC-SHA256`. */
  readonly algorithm: string;
  readonly accessKeyId: string;
  /** Lower-case header names, in the order listed. */
  readonly signedHeaders: readonly string[];
  readonly signature: string;
}

/** Why an `Authorization` header could not be parsed. */
export type AuthorizationParseResult =
  | { readonly ok: true; readonly value: Authorization }
  | { readonly ok: false; readonly reason: string };

/** `<algorithm> Credential=<id>,SignedHeaders=<a;b>,Signature=<sig>`: one space, no spaces after commas. */
export function formatAuthorization(parts: Authorization): string {
  return authorizationValue(parts.algorithm, parts.accessKeyId, parts.signedHeaders.join(';'), parts.signature);
}

/** {@link formatAuthorization} for a signer that already holds the `;`-joined SignedHeaders. */
export function authorizationValue(
  algorithm: string,
  accessKeyId: string,
  signedHeaders: string,
  signature: string,
): string {
  return `${algorithm} Credential=${accessKeyId},SignedHeaders=${signedHeaders},Signature=${signature}`;
}

const CREDENTIAL = 'Credential=';
const SIGNED_HEADERS = 'SignedHeaders=';
const SIGNATURE = 'Signature=';

/**
 * Parses an `Authorization` header strictly, in the exact shape the official cores send:
 * `ACS3-… Credential=…,SignedHeaders=…,Signature=…` with one space, the three parts in that
 * order, no spaces, no empty parts. SignedHeaders must be lower-case, sorted and without
 * duplicates. The algorithm is returned as sent; checking it is the caller's job.
 */
export function parseAuthorization(header: string): AuthorizationParseResult {
  const space = header.indexOf(' ');
  if (space <= 0) return fail('expected "<algorithm> Credential=…,SignedHeaders=…,Signature=…"');
  const algorithm = header.slice(0, space);
  // The three parts are located by their commas and cut once each (a server parses every request).
  const first = header.indexOf(',', space + 1);
  const second = first === -1 ? -1 : header.indexOf(',', first + 1);
  if (second === -1 || header.indexOf(',', second + 1) !== -1) {
    return fail('expected exactly three comma-separated parts: Credential, SignedHeaders, Signature');
  }
  if (!header.startsWith(CREDENTIAL, space + 1)) return fail('first part must be Credential=<AccessKeyId>');
  if (!header.startsWith(SIGNED_HEADERS, first + 1)) return fail('second part must be SignedHeaders=<names>');
  if (!header.startsWith(SIGNATURE, second + 1)) return fail('third part must be Signature=<hex>');
  const accessKeyId = header.slice(space + 1 + CREDENTIAL.length, first);
  const names = header.slice(first + 1 + SIGNED_HEADERS.length, second);
  const signatureValue = header.slice(second + 1 + SIGNATURE.length);
  if (accessKeyId === '' || hasWhitespace(accessKeyId)) return fail('Credential is empty or contains whitespace');
  if (signatureValue === '' || hasWhitespace(signatureValue)) return fail('Signature is empty or contains whitespace');
  if (names === '') return fail('SignedHeaders is empty');
  const list = names.split(';');
  for (let i = 0; i < list.length; i++) {
    const name = list[i]!;
    if (!isLowerCaseToken(name)) return fail(`SignedHeaders entry "${name}" is not a lower-case header name`);
    if (i > 0 && list[i - 1]! >= name) return fail('SignedHeaders must be sorted and without duplicates');
  }
  return { ok: true, value: { algorithm, accessKeyId, signedHeaders: list, signature: signatureValue } };
}

function fail(reason: string): AuthorizationParseResult {
  return { ok: false, reason };
}

function hasWhitespace(s: string): boolean {
  for (let i = 0; i < s.length; i++) {
    const c = s.charCodeAt(i);
    if (c <= 32 || c === 127) return true;
  }
  return false;
}

/** An RFC 9110 token without upper-case letters. */
function isLowerCaseToken(s: string): boolean {
  if (s === '') return false;
  for (let i = 0; i < s.length; i++) {
    const c = s.charCodeAt(i);
    const ok =
      (c >= 97 && c <= 122) ||
      (c >= 48 && c <= 57) ||
      c === 45 ||
      c === 95 ||
      c === 46 ||
      c === 33 ||
      c === 35 ||
      c === 36 ||
      c === 37 ||
      c === 38 ||
      c === 39 ||
      c === 42 ||
      c === 43 ||
      c === 94 ||
      c === 96 ||
      c === 124 ||
      c === 126;
    if (!ok) return false;
  }
  return true;
}
