import { describe, expect, it } from 'vitest';
import { checkRequest } from './check-request.js';
import { checkFileIndex } from './file-index.js';

const NOW = new Date('2030-01-01T00:00:00Z');
const CREATE = {
  Region: 'cn-shanghai' as const,
  StartTime: '2030-01-01T01:00:00Z',
  EndTime: '2030-01-01T03:00:00Z',
  SourceType: 'vod' as const,
  SourceUrls: ['a1', 'b2'],
  DstUrl: 'rtmp://push.example.com/app/s',
};

describe('checkFileIndex', () => {
  it('accepts an index of the list and refuses one past its end, naming the range', () => {
    expect(checkFileIndex(1, ['a', 'b'])).toEqual([]);
    expect(checkFileIndex(2, ['a', 'b'])).toEqual([
      {
        param: 'FileIndex',
        code: 'InvalidParameter',
        message: 'FileIndex 2 is past the end of the list: SourceUrls has 2 entries, so FileIndex must be 0 to 1',
      },
    ]);
  });

  it('skips what it cannot judge: no list, an empty list, a value of the wrong type', () => {
    expect(checkFileIndex(5, undefined)).toEqual([]);
    expect(checkFileIndex(5, [])).toEqual([]);
    expect(checkFileIndex('5', ['a'])).toEqual([]);
  });
});

describe('FileIndex in checkRequest', () => {
  it('refuses a Create whose FileIndex is past its SourceUrls', () => {
    expect(checkRequest('CreateLivePullToPush', { ...CREATE, FileIndex: 2 }, { now: NOW })).toEqual([
      expect.objectContaining({ param: 'FileIndex', code: 'InvalidParameter' }),
    ]);
    expect(checkRequest('CreateLivePullToPush', { ...CREATE, FileIndex: 1 }, { now: NOW })).toEqual([]);
  });

  it('judges an Update by the list and index the task would end up with', () => {
    const current = { Region: 'cn-shanghai', SourceType: 'vod', SourceUrls: ['a', 'b', 'c'], FileIndex: 2 } as const;
    const update = (params: object) =>
      checkRequest('UpdateLivePullToPush', { TaskId: 't', Region: 'cn-shanghai', ...params }, { now: NOW, current });
    expect(update({ FileIndex: 2 })).toEqual([]);
    expect(update({ FileIndex: 3 }).map((i) => i.message)).toEqual([
      "FileIndex 3 is past the end of the list: the task's SourceUrls has 3 entries, so FileIndex must be 0 to 2",
    ]);
    expect(update({ SourceUrls: ['x'] }).map((i) => i.message)).toEqual([
      'FileIndex 2 (the stored FileIndex: send a new FileIndex with SourceUrls) is past the end of the list: SourceUrls has 1 entry, so FileIndex must be 0 to 0',
    ]);
    expect(update({ SourceUrls: ['x'], FileIndex: 0 })).toEqual([]);
    expect(update({ RepeatNumber: 1 })).toEqual([]);
  });
});
