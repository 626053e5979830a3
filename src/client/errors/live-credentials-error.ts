import { LiveError } from '../../errors/live-error.js';

/**
 * Thrown by the first call of a client that has no usable credentials: the `credentials` option
 * was not given (or its function threw or returned an incomplete pair), and neither the
 * environment nor the aliyun CLI profile file supplied an AccessKey. Nothing was sent.
 *
 * `tried` lists each source with the reason it gave nothing, in the order they were tried, so the
 * fix is visible in the message. No secret is ever part of it.
 */
export class LiveCredentialsError extends LiveError {
  override readonly name = 'LiveCredentialsError';
  /** Each source consulted and why it gave no credentials, e.g. `environment: ALIBABA_CLOUD_ACCESS_KEY_ID is not set`. */
  readonly tried: readonly string[];

  constructor(tried: readonly string[], options?: { cause?: unknown }) {
    super(`No Alibaba Cloud credentials found. Tried: ${tried.map((t, i) => `(${i + 1}) ${t}`).join('; ')}`, options);
    this.tried = tried;
  }
}
