import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import type { CreateParams, OperationName, UpdateParams } from './api-types.js';
import { checkRequest } from './check-request.js';

const NOW = new Date('2024-08-23T12:00:00Z');
const OPERATIONS: readonly OperationName[] = [
  'CreateLivePullToPush',
  'UpdateLivePullToPush',
  'DescribeLivePullToPush',
  'DescribeLivePullToPushList',
  'StopLivePullToPush',
  'RestartLivePullToPush',
  'DeleteLivePullToPush',
];

const create: CreateParams = {
  Region: 'cn-shanghai',
  StartTime: '2024-08-24T00:00:00Z',
  EndTime: '2024-08-25T00:00:00Z',
  SourceType: 'live',
  SourceProtocol: 'rtmp',
  SourceUrls: ['rtmp://pull.example.com/app/stream'],
  DstUrl: 'rtmp://push.example.com/app/stream',
};

const stored = {
  Region: 'cn-shanghai',
  StartTime: '2024-08-24T00:00:00Z',
  EndTime: '2024-08-25T00:00:00Z',
  SourceType: 'vod',
} as const;

const update = (extra: Partial<UpdateParams>): UpdateParams => ({ TaskId: 't-1', Region: 'cn-shanghai', ...extra });
const found = (issues: readonly { param: string; code: string }[]) => issues.map((i) => `${i.param}:${i.code}`);

describe('checkRequest: CreateLivePullToPush', () => {
  it('passes a valid request', () => {
    expect(checkRequest('CreateLivePullToPush', create, { now: NOW })).toEqual([]);
  });

  it('reports every broken rule at once', () => {
    const { SourceProtocol: _omitted, ...withoutProtocol } = create;
    const issues = checkRequest(
      'CreateLivePullToPush',
      {
        ...withoutProtocol,
        StartTime: '2024-08-20T00:00:00Z',
        EndTime: '2024-08-29T00:00:00Z',
        SourceUrls: ['rtmp://a.example.com/x', 'https://b.example.com/x.m3u8'],
      },
      { now: NOW },
    );
    expect(found(issues)).toEqual([
      'EndTime:InvalidParam.CodeIllegalDuration',
      'SourceProtocol:InvalidParameter',
      'SourceUrls:InvalidParameter',
      'SourceUrls:InvalidParameter',
    ]);
    expect(issues[0]?.message).toBe('EndTime must be at most 7 days after StartTime (got 9 days)');
  });

  it('checks SourceUrls against the SourceType of the request', () => {
    const vod: CreateParams = { ...create, SourceType: 'vod', SourceUrls: ['rtmp://pull.example.com/app/stream'] };
    expect(found(checkRequest('CreateLivePullToPush', vod, { now: NOW }))).toEqual(['SourceUrls:InvalidParameter']);
  });

  it('ignores current: a Create has no stored task', () => {
    expect(
      checkRequest('CreateLivePullToPush', create, { now: NOW, current: { ...stored, SourceType: 'url' } }),
    ).toEqual([]);
  });

  it('leaves an unknown SourceType to the schema', () => {
    expect(checkRequest('CreateLivePullToPush', { ...create, SourceType: 'tv' as never }, { now: NOW })).toEqual([]);
  });
});

describe('checkRequest: UpdateLivePullToPush', () => {
  it('passes an Update that changes nothing time- or source-related', () => {
    expect(
      checkRequest('UpdateLivePullToPush', update({ CallbackUrl: 'https://h.example.com' }), {
        now: NOW,
        current: stored,
      }),
    ).toEqual([]);
  });

  it('merges the window with the stored task when current is given', () => {
    const request = update({ EndTime: '2024-09-01T00:00:01Z' });
    expect(checkRequest('UpdateLivePullToPush', request, { now: NOW })).toEqual([]);
    expect(found(checkRequest('UpdateLivePullToPush', request, { now: NOW, current: stored }))).toEqual([
      'EndTime:InvalidParam.CodeIllegalDuration',
    ]);
  });

  it('judges SourceUrls by the stored SourceType, and skips that without current', () => {
    const request = update({ SourceUrls: ['rtmp://pull.example.com/app/stream', 'rtmp://pull.example.com/app/b'] });
    expect(checkRequest('UpdateLivePullToPush', request, { now: NOW })).toEqual([]);
    expect(found(checkRequest('UpdateLivePullToPush', request, { now: NOW, current: stored }))).toEqual([
      'SourceUrls:InvalidParameter',
      'SourceUrls:InvalidParameter',
    ]);
    expect(
      found(checkRequest('UpdateLivePullToPush', request, { now: NOW, current: { ...stored, SourceType: 'live' } })),
    ).toEqual(['SourceUrls:InvalidParameter']);
  });

  it('still checks what the request itself gives without current', () => {
    expect(
      found(checkRequest('UpdateLivePullToPush', update({ EndTime: '2024-08-23T12:00:00Z' }), { now: NOW })),
    ).toEqual(['EndTime:InvalidParam.CodeIllegalDuration']);
  });
});

describe('checkRequest: the other operations', () => {
  const others = OPERATIONS.filter((o) => o !== 'CreateLivePullToPush' && o !== 'UpdateLivePullToPush');
  it.each(others)('%s has no cross-field rules', (operation) => {
    expect(
      checkRequest(operation, { TaskId: 't', Region: 'cn-shanghai', EndTime: 'nonsense' } as never, { now: NOW }),
    ).toEqual([]);
  });
});

describe('checkRequest: robustness', () => {
  it('refuses an invalid now as a caller bug', () => {
    expect(() => checkRequest('CreateLivePullToPush', create, { now: new Date(Number.NaN) })).toThrow(RangeError);
  });

  it('property: never throws on arbitrary input and returns well-formed issues', () => {
    const names = [
      'StartTime',
      'EndTime',
      'SourceType',
      'SourceProtocol',
      'SourceUrls',
      'Region',
      'TaskId',
      '__proto__',
      'constructor',
    ];
    const value = fc.oneof(
      fc.anything({ maxDepth: 2 }),
      fc.constantFrom('live', 'vod', 'url', '2024-08-24T00:00:00Z', '2024-02-30T00:00:00Z'),
      fc.array(fc.oneof(fc.string(), fc.constant('rtmp://a.example.com/b'), fc.integer()), { maxLength: 33 }),
    );
    const params = fc.oneof(
      fc.dictionary(fc.oneof(fc.constantFrom(...names), fc.string()), value, { maxKeys: 8 }),
      fc.anything({ maxDepth: 2 }),
    );
    const snapshot = fc.option(
      fc.record(
        {
          Region: fc.string(),
          StartTime: fc.oneof(fc.string(), fc.constant(stored.StartTime)),
          EndTime: fc.string(),
          SourceType: fc.constantFrom('live', 'vod', 'url', 'x'),
        },
        { requiredKeys: ['Region'] },
      ),
      { nil: undefined },
    );
    fc.assert(
      fc.property(fc.constantFrom(...OPERATIONS), params, snapshot, (operation, p, current) => {
        const issues = checkRequest(operation, p as never, { now: NOW, current: current as never });
        for (const issue of issues) {
          expect(typeof issue.param).toBe('string');
          expect(issue.message.startsWith(issue.param.replace(/\[.*$/, ''))).toBe(true);
          expect(['InvalidParameter', 'InvalidParam.CodeIllegalDuration']).toContain(issue.code);
        }
      }),
    );
  });
});
