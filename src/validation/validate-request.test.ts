import { describe, expect, it } from 'vitest';
import { validateRequest } from './validate-request.js';

const NOW = new Date('2030-01-01T00:00:00Z');
const CREATE = {
  Region: 'cn-shanghai',
  StartTime: '2030-01-01T01:00:00Z',
  EndTime: '2030-01-02T00:00:00Z',
  SourceType: 'live',
  SourceProtocol: 'rtmp',
  SourceUrls: ['rtmp://a.example.com/app/s'],
  DstUrl: 'rtmp://b.example.com/app/s',
};

describe('validateRequest', () => {
  it('accepts a valid request', () => {
    expect(validateRequest('CreateLivePullToPush', CREATE, { now: NOW })).toEqual([]);
  });

  it('lists schema issues first, then cross-field rules, judged at `now`', () => {
    const issues = validateRequest(
      'CreateLivePullToPush',
      { ...CREATE, Region: 'x', EndTime: '2029-12-31T00:00:00Z', SourceUrls: ['rtmp://a/b', 'rtmp://c/d'] },
      { now: NOW },
    );
    expect(issues.map((i) => i.param)).toEqual(['Region', 'EndTime', 'EndTime', 'SourceUrls']);
    expect(issues[0]?.message).toMatch(/^Region must be one of/);
    expect(issues.slice(1).map((i) => i.message)).toEqual([
      expect.stringMatching(/^EndTime must be later than the current time/),
      expect.stringMatching(/^EndTime must be later than StartTime/),
      expect.stringMatching(/^SourceUrls must hold exactly one URL when SourceType is live/),
    ]);
  });

  it('returns only {param, message} pairs', () => {
    for (const issue of validateRequest(
      'CreateLivePullToPush',
      { ...CREATE, SourceProtocol: undefined },
      { now: NOW },
    )) {
      expect(Object.keys(issue).sort()).toEqual(['message', 'param']);
    }
  });
});
