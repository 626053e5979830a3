import type { Credentials } from '../../wire/credentials.js';

/** An AccessKey pair, with the STS token when the pair is temporary. */
export type LiveCredentials = Credentials;

/**
 * Returns the credentials for the next call. It is called once per call (retries of that call
 * reuse the answer), so it may rotate STS credentials; cache inside it if fetching is costly.
 */
export type LiveCredentialsProvider = () => LiveCredentials | Promise<LiveCredentials>;

/** Credentials and the source they came from, sent as `x-acs-credentials-provider` like the official core. */
export interface ResolvedCredentials extends LiveCredentials {
  /** `static_ak`, `static_sts`, `custom`, `env` or `cli_profile`. */
  readonly providerName: string;
}

/** What one source of the default chain found: credentials, or the reason it has none. */
export type CredentialLookup = { readonly found: ResolvedCredentials } | { readonly missing: string };
