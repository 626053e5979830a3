/**
 * Thousands of random and malformed requests over real HTTP: whatever arrives, the emulator
 * answers with JSON, never a 5xx, with a RequestId, and every error is a documented code with its
 * documented status and a schema-valid body.
 */
import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { API_VERSION, errorCodes, type OperationName, operationNames, operations } from '../../generated/operations.js';
import { validateErrorBody } from '../../generated/validators.js';
import { REQUEST_ID_HEADER } from '../../src/emulator/http/send-json.js';
import type { Credentials } from '../../src/wire/credentials.js';
import { percentEncode } from '../../src/wire/percent-encode.js';
import { signV1 } from '../../src/wire/sign-v1.js';
import { signV3 } from '../../src/wire/sign-v3.js';
import { emulatorPerFile } from './emulator-per-file.js';
import { type RawResponse, sendRaw, utc } from './signed-request.js';

const KEY: Credentials = { accessKeyId: 'LTAIfuzz', accessKeySecret: 'fuzz-secret' };
const STS: Credentials = { accessKeyId: 'STS.fuzz', accessKeySecret: 'fuzz-sts', securityToken: 'tok' };

const internalErrors: unknown[] = [];
const emulator = emulatorPerFile({
  credentials: [KEY, STS],
  onInternalError: (error) => internalErrors.push(error),
});

const paramNames = [...new Set(Object.values(operations).flatMap((op) => op.params.map((p) => p.name)))];

const name = fc.oneof(
  { weight: 6, arbitrary: fc.constantFrom(...paramNames) },
  {
    weight: 1,
    arbitrary: fc.constantFrom(
      'SourceUrls.1',
      'SourceUrls.2',
      'SourceUrls.0',
      'SourceUrls.01',
      'Action',
      'Version',
      'Format',
      'Signature',
      'Timestamp',
      'SecurityToken',
      '__proto__',
      'constructor',
      '',
    ),
  },
  { weight: 1, arbitrary: fc.string({ maxLength: 12 }) },
);

const now = Date.now();
const value = fc.oneof(
  { weight: 4, arbitrary: fc.string({ maxLength: 40 }) },
  { weight: 1, arbitrary: fc.string({ unit: 'grapheme', maxLength: 20 }) },
  { weight: 2, arbitrary: fc.integer({ min: -(2 ** 40), max: 2 ** 40 }).map(String) },
  {
    weight: 4,
    arbitrary: fc.constantFrom(
      'cn-shanghai',
      'vod',
      'live',
      'url',
      'rtmp',
      '-1',
      '0',
      '1',
      '100',
      '1e3',
      '0x10',
      ' 1',
      '+5',
      '-0',
      '9007199254740993',
      '[',
      '[]',
      '["media-1"]',
      '["rtmp://a.example.com/app/s"]',
      '[1,2]',
      '{"a":1}',
      'null',
      'true',
      'rtmp://push.example.com/app/s',
      'http://example.com/a.mp4',
      'no-such-task',
      utc(new Date(now + 60_000)),
      utc(new Date(now + 3_600_000)),
      utc(new Date(now + 30 * 86_400_000)),
      '2024-02-30T00:00:00Z',
    ),
  },
  { weight: 1, arbitrary: fc.integer({ min: 2_000, max: 40_000 }).map((n) => 'x'.repeat(n)) },
  { weight: 1, arbitrary: fc.array(fc.string({ maxLength: 30 }), { maxLength: 40 }).map((a) => JSON.stringify(a)) },
);

/** Ways to break the encoding of one pair after it was encoded correctly. */
const corruption = fc.constantFrom('stray-percent', 'bad-hex', 'bad-utf8', 'plus', 'no-equals', 'empty-segment');

const pair = fc.tuple(name, value);

function encodePairs(pairs: readonly (readonly [string, string])[], broken?: { at: number; how: string }): string {
  return pairs
    .map(([n, v], index) => {
      const encoded = `${percentEncode(n)}=${percentEncode(v)}`;
      switch (broken !== undefined && index === broken.at % pairs.length ? broken.how : 'none') {
        case 'stray-percent':
          return `${encoded}%`;
        case 'bad-hex':
          return `${encoded}%G1`;
        case 'bad-utf8':
          return `${encoded}%E4%B8`;
        case 'plus':
          return `${encoded}+x+`;
        case 'no-equals':
          return percentEncode(n);
        case 'empty-segment':
          return `${encoded}&`;
        default:
          return encoded;
      }
    })
    .join('&');
}

const request = fc.record({
  /** `as-sdk`: the method the official SDK uses for the action. */
  method: fc.oneof(
    { weight: 12, arbitrary: fc.constant('as-sdk') },
    { weight: 2, arbitrary: fc.constantFrom('GET', 'POST') },
    { weight: 1, arbitrary: fc.constantFrom('PUT', 'DELETE', 'PATCH', 'OPTIONS') },
  ),
  /** Start from parameters the action accepts, so that many requests reach the task service. */
  plausible: fc.boolean(),
  broken: fc.option(fc.record({ at: fc.nat(), how: corruption }), { nil: undefined, freq: 5 }),
  path: fc.oneof(
    { weight: 8, arbitrary: fc.constant('/') },
    {
      weight: 1,
      arbitrary: fc.constantFrom(
        '/_emulator/clock',
        '/_emulator/faults',
        '/_emulator/requests',
        '/_emulator/x',
        '/_emulator/',
      ),
    },
    { weight: 1, arbitrary: fc.webPath() },
  ),
  action: fc.oneof(
    { weight: 5, arbitrary: fc.constantFrom(...operationNames) },
    {
      weight: 1,
      arbitrary: fc.constantFrom('StartLivePullToPush', '', 'toString', '__proto__', 'updatelivepulltopush'),
    },
  ),
  version: fc.oneof(
    { weight: 8, arbitrary: fc.constant(API_VERSION) },
    { weight: 1, arbitrary: fc.constantFrom('', '2014-05-26', '2016-11-1') },
  ),
  pairs: fc.array(pair, { maxLength: 12 }),
  signing: fc.constantFrom('none', 'v3', 'v3', 'v1-query', 'v1-query', 'v1-form'),
  credentials: fc.constantFrom(
    KEY,
    STS,
    { accessKeyId: 'LTAInobody', accessKeySecret: 'x' },
    { accessKeyId: KEY.accessKeyId, accessKeySecret: 'wrong' },
  ),
  skewMinutes: fc.oneof(
    { weight: 8, arbitrary: fc.constant(0) },
    { weight: 1, arbitrary: fc.integer({ min: -40, max: 40 }) },
  ),
  dropHeader: fc.option(
    fc.constantFrom(
      'x-acs-date',
      'x-acs-signature-nonce',
      'x-acs-content-sha256',
      'authorization',
      'x-acs-action',
      'host',
    ),
    { nil: undefined },
  ),
  extraHeaders: fc.dictionary(
    fc.constantFrom('x-acs-extra', 'authorization', 'content-type', 'x-acs-security-token', 'x-acs-action'),
    fc.string({ unit: 'grapheme-ascii', maxLength: 60 }),
    { maxKeys: 2 },
  ),
  rawBody: fc.option(fc.oneof(fc.string({ maxLength: 80 }), fc.json({ maxDepth: 2 })), { nil: undefined }),
});

/** Parameters that pass the schema for `action` (the task they name need not exist). */
function plausibleParams(action: string): Record<string, string> {
  if (action === 'CreateLivePullToPush') {
    return {
      Region: 'cn-shanghai',
      StartTime: utc(new Date(Date.now() + 60_000)),
      EndTime: utc(new Date(Date.now() + 3_600_000)),
      SourceType: 'vod',
      SourceUrls: '["media-1","media-2"]',
      DstUrl: `rtmp://push.example.com/app/${Math.random()}`,
    };
  }
  if (action === 'DescribeLivePullToPushList') return { Region: 'cn-shanghai' };
  return { Region: 'cn-shanghai', TaskId: 'no-such-task' };
}

type Generated = typeof request extends fc.Arbitrary<infer T> ? T : never;

function build(generated: Generated): { method: string; path: string; headers: Record<string, string>; body?: string } {
  const { action, version, pairs, signing, credentials } = generated;
  const method =
    generated.method !== 'as-sdk'
      ? generated.method
      : Object.hasOwn(operations, action)
        ? operations[action as OperationName].method
        : 'GET';
  const params: Record<string, string> = generated.plausible ? plausibleParams(action) : {};
  for (const [n, v] of pairs) params[n] = v;
  const allPairs = Object.entries(params);
  const date = new Date(Date.now() + generated.skewMinutes * 60_000);
  let headers: Record<string, string> = {};
  let query = encodePairs(allPairs, generated.broken);
  let body: string | undefined = generated.rawBody;
  if (signing === 'v3') {
    headers = signV3({ method, host: emulator().endpoint, action, version, query: params, credentials, date });
  } else if (signing !== 'none') {
    const signed = signV1({ method, action, version, params, credentials, date });
    const envelope = encodePairs(Object.entries(signed).filter(([n]) => !(n in params)));
    const all = [query, envelope].filter((part) => part !== '').join('&');
    if (signing === 'v1-form') {
      query = '';
      body = all;
      headers['content-type'] = 'application/x-www-form-urlencoded';
    } else {
      query = all;
    }
  } else if (allPairs.length > 0 || generated.action !== '') {
    query = [query, `Action=${percentEncode(action)}`, `Version=${percentEncode(version)}`]
      .filter((part) => part !== '')
      .join('&');
  }
  if (generated.dropHeader !== undefined) delete headers[generated.dropHeader];
  headers = { ...headers, ...generated.extraHeaders };
  const path = generated.path === '/' ? (query === '' ? '/' : `/?${query}`) : generated.path;
  return { method, path, headers, ...(body === undefined ? {} : { body }) };
}

describe('random and malformed requests', () => {
  it('never get a 5xx, always a RequestId, and only documented error codes with valid bodies', async () => {
    const seen = new Map<string, number>();
    let sent = 0;
    const documented = new Set(Object.keys(errorCodes));
    /** What is wrong with an answer, or undefined (plain checks: thousands of `expect`s would dominate the run time). */
    const problem = (res: RawResponse): string | undefined => {
      if (res.status >= 500) return `status ${res.status}`;
      if (typeof res.body !== 'object' || res.body === null) return 'body is not JSON';
      if (!/^[0-9A-F]{8}(-[0-9A-F]{4}){3}-[0-9A-F]{12}$/.test(res.body.RequestId))
        return 'no upper-case UUID RequestId';
      if (res.headers[REQUEST_ID_HEADER] !== res.body.RequestId) return `${REQUEST_ID_HEADER} differs from the body`;
      const code = res.status === 200 ? 'OK' : String(res.body.Code);
      seen.set(code, (seen.get(code) ?? 0) + 1);
      if (res.status === 200) return undefined;
      if (!documented.has(code)) return `undocumented code ${code}`;
      if (res.status !== errorCodes[code]!.status) return `status ${res.status} for ${code}`;
      if (!validateErrorBody(res.body))
        return `error body breaks the schema: ${JSON.stringify(validateErrorBody.errors)}`;
      return undefined;
    };
    await fc.assert(
      // Several requests in flight per run, as concurrent clients send them.
      fc.asyncProperty(fc.array(request, { minLength: 1, maxLength: 8 }), async (batch) => {
        const answers = await Promise.all(batch.map((generated) => sendRaw(emulator().url, build(generated))));
        sent += answers.length;
        for (const res of answers) expect(problem(res), res.text).toBeUndefined();
      }),
      { numRuns: 500 },
    );
    expect(sent).toBeGreaterThan(2000);
    expect(internalErrors).toEqual([]);
    // The generator must reach past the gateway, not only bounce off its first check.
    expect([...seen.keys()]).toEqual(
      expect.arrayContaining([
        'OK',
        'InvalidParameter',
        'SignatureDoesNotMatch',
        'InvalidAccessKeyId.NotFound',
        'MissingParameter',
        'InvalidAction.NotFound',
        'UnsupportedHTTPMethod',
        'InvalidTimeStamp.Expired',
      ]),
    );
  });
});
