import type { SignatureEvidence } from './signature-scheme.js';
import { signatureSchemeV1 } from './signature-scheme-v1.js';
import { signatureSchemeV3 } from './signature-scheme-v3.js';

/**
 * Every signature scheme the client can sign with and the emulator accepts, the default first.
 * Adding one is a file like `signature-scheme-v1.ts` and a line here: the client's and the CLI's
 * `signatureVersion` choices, the CLI help and the emulator's detection all derive from this list.
 */
export const signatureSchemes = [signatureSchemeV3, signatureSchemeV1] as const;

/** A scheme's name: the `signatureVersion` option (`v3` ACS3-HMAC-SHA256, `v1` HMAC-SHA1). */
export type SignatureVersion = (typeof signatureSchemes)[number]['name'];

/** A registered scheme. */
export type RegisteredScheme = (typeof signatureSchemes)[number];

/** The scheme names, the default first. */
export const signatureVersions: readonly SignatureVersion[] = signatureSchemes.map((scheme) => scheme.name);

/** What the client signs with when not told otherwise. */
export const DEFAULT_SIGNATURE_VERSION: SignatureVersion = signatureSchemes[0].name;

export function isSignatureVersion(value: unknown): value is SignatureVersion {
  return signatureSchemes.some((scheme) => scheme.name === value);
}

/** The scheme called `version`. */
export function signatureScheme(version: SignatureVersion): RegisteredScheme {
  return signatureSchemes.find((scheme) => scheme.name === version)!;
}

/** The scheme that signed a received request, or `undefined` when it is unsigned. */
export function detectSignatureScheme(request: SignatureEvidence): RegisteredScheme | undefined {
  return signatureSchemes.find((scheme) => scheme.detect(request));
}
