import { describe, expect, it } from 'vitest';
import type { SendOutcome } from '../transport/send-outcome.js';
import { classifyFailure } from './classify-failure.js';

const answer = (status: number, body: unknown, headers: Record<string, string> = {}): SendOutcome => ({
  kind: 'answer',
  status,
  headers,
  body: JSON.stringify(body),
});
const refused: SendOutcome = {
  kind: 'failed',
  error: Object.assign(new Error('connect ECONNREFUSED'), { code: 'ECONNREFUSED' }),
  requestSent: false,
};
const reset: SendOutcome = {
  kind: 'failed',
  error: Object.assign(new Error('socket hang up'), { code: 'ECONNRESET' }),
  requestSent: true,
};

const cases: Array<[string, SendOutcome, { get: boolean; post: boolean }]> = [
  [
    'throttled (Throttling.User)',
    answer(400, { Code: 'Throttling.User', Message: 'm', RequestId: 'r' }),
    { get: true, post: true },
  ],
  ['HTTP 429', answer(429, { Code: 'TooManyRequests', Message: 'm' }), { get: true, post: true }],
  ['HTTP 500', answer(500, { Code: 'InternalError', Message: 'm' }), { get: true, post: false }],
  ['HTTP 503', answer(503, { Code: 'ServiceUnavailable', Message: 'm' }), { get: true, post: false }],
  ['HTTP 400', answer(400, { Code: 'InvalidParameter', Message: 'm' }), { get: false, post: false }],
  ['HTTP 404', answer(404, { Code: 'InvalidApi.NotFound', Message: 'm' }), { get: false, post: false }],
  ['a timeout', { kind: 'timeout', ended: Promise.resolve(0) }, { get: true, post: false }],
  ['a refused connection (not sent)', refused, { get: true, post: true }],
  ['a reset after sending', reset, { get: true, post: false }],
];

describe('classifyFailure', () => {
  it.each(cases)('%s', (_, outcome, expected) => {
    expect(classifyFailure('DescribeLivePullToPush', 'GET', outcome, 1, 1000).retryable).toBe(expected.get);
    expect(classifyFailure('CreateLivePullToPush', 'POST', outcome, 1, 1000).retryable).toBe(expected.post);
  });

  it('carries the answer’s retry-after, RequestId and code for the log', () => {
    const failure = classifyFailure(
      'DescribeLivePullToPush',
      'GET',
      answer(400, { Code: 'Throttling.User', Message: 'm', RequestId: 'r1' }, { 'x-acs-retry-after': '1500' }),
      2,
      1000,
    );
    expect(failure).toMatchObject({
      statusCode: 400,
      requestId: 'r1',
      errorCode: 'Throttling.User',
      retryAfterMs: 1500,
    });
    expect(failure.error).toMatchObject({ name: 'LiveApiError', attempts: 2 });
  });

  it('names connection failures by Node’s code and timeouts as Timeout', () => {
    expect(classifyFailure('DescribeLivePullToPush', 'GET', refused, 3, 1000)).toMatchObject({
      errorCode: 'ECONNREFUSED',
      statusCode: undefined,
    });
    expect(
      classifyFailure('DescribeLivePullToPush', 'GET', { kind: 'timeout', ended: Promise.resolve(0) }, 1, 250).error,
    ).toMatchObject({
      name: 'LiveTimeoutError',
      timeoutMs: 250,
      phase: 'request',
    });
  });
});
