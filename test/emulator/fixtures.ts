/** Shared test inputs: valid wire parameters for each operation and response-shape checks. */
import { expect } from 'vitest';
import { errorCodes } from '../../generated/operations.js';
import { validateErrorBody } from '../../generated/validators.js';
import { JSON_CONTENT_TYPE, REQUEST_ID_HEADER } from '../../src/emulator/http/send-json.js';
import type { RawResponse } from './signed-request.js';
import { utc } from './signed-request.js';

export const REGION = 'cn-shanghai';

/** Wire parameters of a valid Create for a VOD playlist task starting `startInSeconds` from `now`. */
export function createParams(
  now: Date,
  overrides: Record<string, string> = {},
  startInSeconds = 60,
): Record<string, string> {
  return {
    Region: REGION,
    TaskName: 'test task',
    StartTime: utc(new Date(now.getTime() + startInSeconds * 1000)),
    EndTime: utc(new Date(now.getTime() + 3 * 3600 * 1000)),
    SourceType: 'vod',
    SourceUrls: JSON.stringify(['media-1', 'media-2', 'media-3']),
    DstUrl: `rtmp://push.example.com/app/${Math.random().toString(36).slice(2)}`,
    ...overrides,
  };
}

const UPPER_UUID = /^[0-9A-F]{8}-[0-9A-F]{4}-[0-9A-F]{4}-[0-9A-F]{4}-[0-9A-F]{12}$/;

/** Asserts the RequestId rules every answer follows: upper-case UUID in the body and the header. */
export function expectRequestId(res: RawResponse): void {
  expect(res.headers['content-type']).toBe(JSON_CONTENT_TYPE);
  expect(res.body?.RequestId).toMatch(UPPER_UUID);
  expect(res.headers[REQUEST_ID_HEADER]).toBe(res.body.RequestId);
}

/** Asserts an error answer: the code, the spec's status for it, a schema-valid body. */
export function expectError(res: RawResponse, code: string): void {
  expectRequestId(res);
  expect(res.body.Code, res.text).toBe(code);
  expect(res.status).toBe(errorCodes[code]!.status);
  expect(validateErrorBody(res.body), JSON.stringify(validateErrorBody.errors)).toBe(true);
  expect(res.body.Recommend).toBe(
    `https://api.aliyun.com/troubleshoot?q=${encodeURIComponent(code)}&product=live&requestId=${res.body.RequestId}`,
  );
}

/** Asserts a 200 answer. */
export function expectOk(res: RawResponse): void {
  expectRequestId(res);
  expect(res.status, res.text).toBe(200);
}
