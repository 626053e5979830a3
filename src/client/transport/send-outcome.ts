/** Response headers with lower-case names, as Node's `IncomingMessage.headers`. */
export type AnswerHeaders = Readonly<Record<string, string | string[] | undefined>>;

/** One signed attempt, ready to send to the client's endpoint. */
export interface SignedAttempt {
  readonly method: 'GET' | 'POST';
  /** Path and query, e.g. `/?Region=cn-shanghai&TaskId=…`. */
  readonly path: string;
  /** Every header to send, lower-case names, `host` included. */
  readonly headers: Readonly<Record<string, string>>;
}

/** How one attempt ended, short of the caller's abort (which rejects with the signal's reason). */
export type SendOutcome =
  | { readonly kind: 'answer'; readonly status: number; readonly headers: AnswerHeaders; readonly body: string }
  /**
   * No answer within the time limit. The request may still reach the service later (a stalled
   * server or proxy), so the exchange is left open for one more time limit: `ended` resolves with
   * the epoch ms of the late answer, the connection's close, or the end of that grace.
   */
  | { readonly kind: 'timeout'; readonly ended: Promise<number> }
  /** `requestSent` is false only when the request provably never left this process. */
  | { readonly kind: 'failed'; readonly error: unknown; readonly requestSent: boolean };

/** Sends one attempt within `timeoutMs` (milliseconds). Rejects only with `signal.reason`. */
export type Send = (
  attempt: SignedAttempt,
  limits: { readonly timeoutMs: number; readonly signal: AbortSignal | undefined },
) => Promise<SendOutcome>;
