import { describe, expect, it } from 'vitest';
import { requestValidators } from '../../generated/validators.js';
import { schemaIssues } from './schema-issues.js';

function issuesOf(action: keyof typeof requestValidators, params: unknown) {
  const validate = requestValidators[action];
  expect(validate(params)).toBe(false);
  return schemaIssues(action, validate.errors);
}

describe('schemaIssues', () => {
  it('maps each Ajv keyword to the parameter and a readable rule', () => {
    const issues = issuesOf('UpdateLivePullToPush', {
      Region: 'mars-1',
      CallbackUrl: 'ftp://x',
      RepeatNumber: 1.5,
      Offset: 0,
      SourceUrls: [],
      StartTime: '2024-08-26 10:30:00',
      Bogus: true,
    });
    expect(issues).toEqual([
      { param: 'TaskId', message: 'TaskId is required' },
      { param: 'Bogus', message: 'Bogus is not a parameter of UpdateLivePullToPush' },
      { param: 'Region', message: expect.stringMatching(/^Region must be one of ap-northeast-1, .*, preregion$/) },
      {
        param: 'StartTime',
        message: expect.stringMatching(
          /^StartTime must match the pattern \^.*\$ \(for example \d{4}-\d\d-\d\dT\d\d:\d\d:\d\dZ\)$/,
        ),
      },
      { param: 'SourceUrls', message: 'SourceUrls must hold at least 1 item' },
      { param: 'RepeatNumber', message: 'RepeatNumber must be an integer' },
      { param: 'Offset', message: 'Offset must be at least 1' },
      {
        param: 'CallbackUrl',
        message: 'CallbackUrl must match the pattern ^https?:// (for example https://callback*****.com)',
      },
    ]);
  });

  it('names array items by index and reports item rules', () => {
    expect(
      issuesOf('CreateLivePullToPush', {
        Region: 'cn-shanghai',
        StartTime: '2030-01-01T00:00:00Z',
        EndTime: '2030-01-02T00:00:00Z',
        SourceType: 'vod',
        SourceUrls: ['a', 7],
        DstUrl: 'rtmp://d/e',
      }),
    ).toEqual([{ param: 'SourceUrls', message: 'SourceUrls[1] must be a string' }]);
  });

  it('reports a format failure only when the type and pattern held, in words', () => {
    const both = schemaIssues('DescribeLivePullToPush', [
      { instancePath: '/StartTime', keyword: 'format', params: { format: 'date-time' } },
      { instancePath: '/StartTime', keyword: 'pattern', params: { pattern: '^x$' } },
    ]);
    expect(both).toEqual([{ param: 'StartTime', message: 'StartTime must match the pattern ^x$' }]);
    const formatOnly = schemaIssues('CreateLivePullToPush', [
      { instancePath: '/RetryCount', keyword: 'format', params: { format: 'int32' } },
    ]);
    expect(formatOnly[0]?.message).toBe('RetryCount must be a 32-bit integer (-2147483648 to 2147483647)');
  });

  it('unescapes JSON pointers and falls back to Ajv’s message for other keywords', () => {
    expect(
      schemaIssues('DescribeLivePullToPush', [
        { instancePath: '/a~1b/0', keyword: 'const', message: 'must be equal to constant', params: {} },
      ]),
    ).toEqual([{ param: 'a/b', message: 'a/b[0] must be equal to constant' }]);
  });

  it('speaks of the parameter object itself when it is not an object', () => {
    expect(issuesOf('DescribeLivePullToPush', 'TaskId=1')).toEqual([
      { param: '(parameters)', message: 'The parameters of DescribeLivePullToPush must be object' },
    ]);
  });

  it('returns nothing for no errors', () => {
    expect(schemaIssues('DescribeLivePullToPush', null)).toEqual([]);
  });
});
