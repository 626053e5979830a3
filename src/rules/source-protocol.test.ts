import { describe, expect, it } from 'vitest';
import { checkSourceProtocol } from './source-protocol.js';

describe('checkSourceProtocol', () => {
  it('requires SourceProtocol for a live source', () => {
    expect(checkSourceProtocol('live', undefined)).toEqual([
      {
        param: 'SourceProtocol',
        code: 'InvalidParameter',
        message: 'SourceProtocol is required when SourceType is live',
      },
    ]);
    expect(checkSourceProtocol('live', 'rtmp')).toEqual([]);
  });

  it('does not require it for vod or url, where the service ignores it', () => {
    expect(checkSourceProtocol('vod', undefined)).toEqual([]);
    expect(checkSourceProtocol('url', undefined)).toEqual([]);
    expect(checkSourceProtocol('url', 'rtmp')).toEqual([]);
  });
});
