import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { operations } from '../../generated/operations.js';
import { requestValidators } from '../../generated/validators.js';
import { fromWireParams, toWireParams, type WireOperation } from './rpc-params.js';

/** Shaped like the generated UpdateLivePullToPush spec (only the fields this module reads). */
const op: WireOperation = {
  params: [
    { name: 'TaskId', type: 'string', style: 'plain' },
    { name: 'Region', type: 'string', style: 'plain' },
    { name: 'SourceUrls', type: 'array', style: 'json' },
    { name: 'Offset', type: 'integer', style: 'plain' },
    { name: 'RepeatNumber', type: 'integer', style: 'plain' },
    { name: 'CallbackUrl', type: 'string', style: 'plain' },
    { name: 'Tags', type: 'array', style: 'plain' },
  ],
};

describe('toWireParams', () => {
  it('JSON-encodes json-style arrays, writes numbers in decimal and drops undefined and null', () => {
    expect(
      toWireParams(op, {
        TaskId: 't',
        SourceUrls: ['rtmp://a.example.com/app/s1', 'http://b/x?y=1&z=2'],
        Offset: 2,
        RepeatNumber: -1,
        Region: undefined,
        CallbackUrl: null,
      }),
    ).toEqual({
      TaskId: 't',
      SourceUrls: '["rtmp://a.example.com/app/s1","http://b/x?y=1&z=2"]',
      Offset: '2',
      RepeatNumber: '-1',
    });
  });

  it('flattens plain-style and unknown arrays to Name.1 … Name.N', () => {
    expect(toWireParams(op, { Tags: ['a', 'b'], Other: [1, true] })).toEqual({
      'Tags.1': 'a',
      'Tags.2': 'b',
      'Other.1': '1',
      'Other.2': 'true',
    });
  });
});

describe('fromWireParams', () => {
  it('parses JSON-array text and integer strings', () => {
    expect(
      fromWireParams(op, { SourceUrls: '["rtmp://x/y"]', Offset: '12', RepeatNumber: '-1', TaskId: '007' }),
    ).toEqual({
      params: { SourceUrls: ['rtmp://x/y'], Offset: 12, RepeatNumber: -1, TaskId: '007' },
      issues: [],
    });
  });

  it('accepts the flattened SourceUrls.N form', () => {
    expect(fromWireParams(op, { 'SourceUrls.2': 'b', 'SourceUrls.1': 'a', 'SourceUrls.3': 'c' })).toEqual({
      params: { SourceUrls: ['a', 'b', 'c'] },
      issues: [],
    });
  });

  it('reports gaps in the flattened form', () => {
    const { params, issues } = fromWireParams(op, { 'SourceUrls.1': 'a', 'SourceUrls.3': 'c' });
    expect(params).toEqual({});
    expect(issues).toEqual([{ param: 'SourceUrls', message: expect.stringContaining('SourceUrls.2 is missing') }]);
  });

  it('reports both forms at once', () => {
    const { issues } = fromWireParams(op, { SourceUrls: '["a"]', 'SourceUrls.1': 'b' });
    expect(issues).toEqual([{ param: 'SourceUrls', message: expect.stringContaining('both') }]);
  });

  it('leaves malformed values as strings for the schema validator', () => {
    expect(
      fromWireParams(op, {
        SourceUrls: 'rtmp://not-json',
        Offset: '1.5',
        RepeatNumber: '9007199254740993',
        Region: '["x"]',
      }).params,
    ).toEqual({ SourceUrls: 'rtmp://not-json', Offset: '1.5', RepeatNumber: '9007199254740993', Region: '["x"]' });
    expect(fromWireParams(op, { SourceUrls: '"a"', Offset: '', RepeatNumber: '-' }).params).toEqual({
      SourceUrls: '"a"',
      Offset: '',
      RepeatNumber: '-',
    });
  });

  it('keeps JSON arrays with non-string items for the validator to judge', () => {
    expect(fromWireParams(op, { SourceUrls: '[1,null]' }).params).toEqual({ SourceUrls: [1, null] });
  });

  it('passes unknown names through unchanged, including ill-numbered flattened names', () => {
    expect(
      fromWireParams(op, { Unknown: '1', 'SourceUrls.0': 'a', 'SourceUrls.01': 'b', 'TaskId.1': 'c' }).params,
    ).toEqual({
      Unknown: '1',
      'SourceUrls.0': 'a',
      'SourceUrls.01': 'b',
      'TaskId.1': 'c',
    });
  });

  it('accepts a sign on integers, as Java and Go parsers do', () => {
    expect(fromWireParams(op, { Offset: '+3', RepeatNumber: '-0' }).params).toEqual({ Offset: 3, RepeatNumber: 0 });
  });

  it('inverts toWireParams', () => {
    const typed = fc.record(
      {
        TaskId: fc.string(),
        Region: fc.string(),
        SourceUrls: fc.array(fc.string({ unit: 'grapheme' }), { maxLength: 5 }),
        Offset: fc.maxSafeInteger(),
        RepeatNumber: fc.integer({ min: -1, max: 1000 }),
        CallbackUrl: fc.constantFrom('https://cb.example.com/n?a=1&b=2 3', "http://h/p?x=(1)*!'~&y=测试"),
        // A flattened array cannot carry zero items, so an empty plain-style array has no wire form.
        Tags: fc.array(fc.string(), { minLength: 1, maxLength: 5 }),
      },
      { requiredKeys: [] },
    );
    fc.assert(
      fc.property(typed, (params) => {
        expect(fromWireParams(op, toWireParams(op, params))).toEqual({ params, issues: [] });
      }),
    );
  });
});

describe('with the generated operation table', () => {
  it('a valid typed Create request survives the wire and still passes its validator', () => {
    const typed = {
      Region: 'cn-shanghai',
      TaskName: "测试 task (1)*!'~",
      StartTime: '2024-08-23T12:00:00Z',
      EndTime: '2024-08-24T12:00:00Z',
      SourceType: 'live',
      SourceUrls: ['rtmp://a.example.com/app/s1'],
      DstUrl: 'rtmp://push.example.com/app/stream',
      RepeatNumber: -1,
      CallbackUrl: 'https://cb.example.com/notify?a=1&b=2',
    };
    const op = operations.CreateLivePullToPush;
    const validate = requestValidators.CreateLivePullToPush;
    expect(validate(typed), JSON.stringify(validate.errors)).toBe(true);
    const wire = toWireParams(op, typed);
    expect(wire['SourceUrls']).toBe('["rtmp://a.example.com/app/s1"]');
    expect(wire['RepeatNumber']).toBe('-1');
    const decoded = fromWireParams(op, wire);
    expect(decoded).toEqual({ params: typed, issues: [] });
    expect(validate(decoded.params)).toBe(true);
  });

  it('a malformed wire value reaches the validator as a string and fails there', () => {
    const decoded = fromWireParams(operations.UpdateLivePullToPush, {
      TaskId: 't',
      Offset: 'two',
      SourceUrls: 'rtmp://x',
    });
    expect(decoded.params).toMatchObject({ Offset: 'two', SourceUrls: 'rtmp://x' });
    const validate = requestValidators.UpdateLivePullToPush;
    expect(validate(decoded.params)).toBe(false);
    expect(validate.errors?.map((e) => e.instancePath)).toEqual(expect.arrayContaining(['/Offset', '/SourceUrls']));
  });
});
