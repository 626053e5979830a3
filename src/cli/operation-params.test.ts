import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import type { ParamSpec } from '../../generated/operations.js';
import type { ArgvOption } from './argv.js';
import { type OperationFlags, toOperationParams } from './operation-params.js';

const param = (name: string, type: ParamSpec['type'], extra: Partial<ParamSpec> = {}): ParamSpec => ({
  name,
  type,
  required: false,
  style: type === 'array' ? 'json' : 'plain',
  description: '',
  ...extra,
});

/** A cut-down Update operation: the function reads only `action` and `params`. */
const update: OperationFlags = {
  action: 'UpdateLivePullToPush',
  params: [
    param('TaskId', 'string', { required: true }),
    param('Region', 'string', { required: true }),
    param('SourceUrls', 'array'),
    param('RepeatNumber', 'integer'),
    param('CallbackUrl', 'string'),
  ],
};

const opt = (name: string, value: string): ArgvOption => ({ name, flag: `--${name}`, value });

describe('toOperationParams', () => {
  it('types values by the operation table, in either flag spelling', () => {
    const result = toOperationParams(
      update,
      [opt('TaskId', 'X'), opt('region', 'cn-shanghai'), opt('source-urls', '["a","b"]'), opt('RepeatNumber', '-1')],
      'vendor',
    );
    expect(result.problems).toEqual([]);
    expect(result.params).toEqual({ TaskId: 'X', Region: 'cn-shanghai', SourceUrls: ['a', 'b'], RepeatNumber: -1 });
    expect(Object.fromEntries(result.flags)).toEqual({
      TaskId: '--TaskId',
      Region: '--region',
      SourceUrls: '--source-urls',
      RepeatNumber: '--RepeatNumber',
    });
  });

  it('builds an array from a repeated flag, mixing JSON arrays and single items', () => {
    const result = toOperationParams(
      update,
      [opt('SourceUrls', 'a'), opt('SourceUrls', '["b","c"]'), opt('SourceUrls', 'd')],
      'vendor',
    );
    expect(result.params['SourceUrls']).toEqual(['a', 'b', 'c', 'd']);
  });

  it('reports every unreadable flag, naming it, and marks its parameter', () => {
    const result = toOperationParams(
      update,
      [
        opt('RepeatNumber', '1.5'),
        opt('SourceUrls', '["a",'),
        opt('TaskId', 'X'),
        opt('TaskId', 'Y'),
        opt('taskid', 'Z'),
        opt('Bogus', '1'),
      ],
      'vendor',
    );
    expect(result.problems).toEqual([
      '--taskid: UpdateLivePullToPush has no such parameter; did you mean --TaskId?',
      '--Bogus: UpdateLivePullToPush has no such parameter',
      '--RepeatNumber: must be an integer (got "1.5")',
      '--SourceUrls: "[\\"a\\"," starts like a JSON array but does not parse as one',
      '--TaskId: given 2 times, but it takes one value',
    ]);
    expect([...result.unreadable].sort()).toEqual(['RepeatNumber', 'SourceUrls', 'TaskId']);
    expect(result.params).toEqual({});
  });

  it('suggests the spelling of the command in use', () => {
    expect(toOperationParams(update, [opt('Task_Id', 'X')], 'kebab').problems).toEqual([
      '--Task_Id: UpdateLivePullToPush has no such parameter; did you mean --task-id?',
    ]);
  });

  it('refuses a JSON array holding anything but strings', () => {
    expect(toOperationParams(update, [opt('SourceUrls', '[1]')], 'vendor').problems).toEqual([
      '--SourceUrls: a JSON array value must hold only strings (got [1])',
    ]);
  });

  it('parses every safe integer and refuses every non-integer', () => {
    fc.assert(
      fc.property(fc.maxSafeInteger(), (n) => {
        expect(toOperationParams(update, [opt('RepeatNumber', String(n))], 'vendor').params['RepeatNumber']).toBe(n);
      }),
    );
    fc.assert(
      fc.property(
        fc.string().filter((s) => !/^\s*[+-]?\d+\s*$/.test(s)),
        (text) => {
          expect(toOperationParams(update, [opt('RepeatNumber', text)], 'vendor').problems).toHaveLength(1);
        },
      ),
    );
  });

  it('round-trips any list of strings given as one JSON array', () => {
    fc.assert(
      fc.property(fc.array(fc.string()), (items) => {
        expect(
          toOperationParams(update, [opt('SourceUrls', JSON.stringify(items))], 'vendor').params['SourceUrls'],
        ).toEqual(items);
      }),
    );
  });
});
