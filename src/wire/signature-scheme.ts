import type { Credentials } from './credentials.js';
import type { ReceivedRequest, VerifyOptions, VerifyResult } from './verify-result.js';

/** One RPC call to sign, as a client sends it: every parameter in wire form in the query of `/`. */
export interface CallToSign {
  /** The real upper-case HTTP method; both schemes sign it. */
  readonly method: 'GET' | 'POST';
  /** The `host` header: the endpoint authority, port included. */
  readonly host: string;
  readonly action: string;
  readonly version: string;
  /** The operation's parameters in wire form (see `toWireParams`). */
  readonly params: Readonly<Record<string, string>>;
  /** Headers the caller sends anyway (user agent, credentials provider, retry counters). */
  readonly headers: Readonly<Record<string, string>>;
  readonly credentials: Credentials;
}

/** What to send for a {@link CallToSign}: the path with its query, and every header. */
export interface SignedCall {
  readonly path: string;
  readonly headers: Record<string, string>;
}

/** The parts of a received request a scheme recognises its signature by. */
export type SignatureEvidence = Pick<ReceivedRequest, 'headers' | 'query' | 'form'>;

/**
 * One signature scheme of the RPC protocol, everything the client, the CLI and the emulator need
 * to know about it. The registry (`signature-schemes.ts`) lists them; nothing else names them.
 */
export interface SignatureScheme<Name extends string = string> {
  /** The `signatureVersion` option's value, e.g. `v3`. */
  readonly name: Name;
  /** One line for help texts: the algorithm and where the signature travels. */
  readonly summary: string;
  /** Where the Action and Version it signs travel: signed `x-acs-*` headers, or the parameters. */
  readonly envelope: 'headers' | 'params';
  /** Whether a received request carries this scheme's signature. */
  detect(request: SignatureEvidence): boolean;
  /** Signs one attempt the way the official core does, with a fresh date and nonce. */
  sign(call: CallToSign): SignedCall;
  /** Checks a received request signed with this scheme. Replay is the caller's job. */
  verify(request: ReceivedRequest, options: VerifyOptions): VerifyResult<Name>;
}
