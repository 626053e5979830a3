import type { OperationName } from '../../../generated/operations.js';
import { LiveApiError } from '../errors/live-api-error.js';
import { redactText } from '../redaction/redact-text.js';
import { parseRetryAfter } from '../retry/retry-after.js';
import type { AnswerHeaders } from './send-outcome.js';

/**
 * The {@link LiveApiError} for a non-2xx answer (or a 2xx whose body is not JSON). Field names are
 * read as the official core reads them (`Code` or `code`, …); the RequestId falls back to the
 * `x-acs-request-id` header. The body itself is not kept: only its documented fields, with
 * `secrets` and anything that looks like a signature or token masked.
 */
export function answerError(
  action: OperationName,
  answer: { readonly status: number; readonly headers: AnswerHeaders; readonly body: string },
  attempts: number,
  parsed: unknown = parseBody(answer.body),
  secrets: readonly (string | undefined)[] = [],
): LiveApiError {
  const redact = (value: string | undefined): string | undefined =>
    value === undefined ? undefined : redactText(value, secrets);
  const body = (typeof parsed === 'object' && parsed !== null ? parsed : {}) as Record<string, unknown>;
  const code = text(body['Code'] ?? body['code']);
  // A SignatureDoesNotMatch message quotes the service's string to sign, security token included.
  const message = redact(text(body['Message'] ?? body['message']));
  const header = answer.headers['x-acs-request-id'];
  return new LiveApiError({
    action,
    statusCode: answer.status,
    code: code ?? `Http${answer.status}`,
    message:
      message ??
      (answer.status < 300
        ? `the HTTP ${answer.status} answer is not a JSON object`
        : `HTTP ${answer.status}; the answer carried no error message`),
    requestId: text(body['RequestId'] ?? body['requestId']) ?? (typeof header === 'string' ? header : undefined),
    hostId: text(body['HostId']),
    recommend: redact(text(body['Recommend'])),
    retryAfterMs: parseRetryAfter(answer.headers['x-acs-retry-after']),
    attempts,
  });
}

/** The parsed JSON body, or `undefined` when it is not JSON. */
export function parseBody(body: string): unknown {
  try {
    return JSON.parse(body) as unknown;
  } catch {
    return undefined;
  }
}

const text = (value: unknown): string | undefined =>
  typeof value === 'string' && value !== '' ? value : typeof value === 'number' ? String(value) : undefined;
