import { describe, expect, it } from 'vitest';
import { contentSha256, EMPTY_BODY_SHA256, sha256Hex } from './content-hash.js';

describe('content hash', () => {
  it('EMPTY_BODY_SHA256 is the SHA-256 of nothing', () => {
    expect(sha256Hex('')).toBe(EMPTY_BODY_SHA256);
    expect(contentSha256(undefined)).toBe(EMPTY_BODY_SHA256);
    expect(contentSha256(new Uint8Array())).toBe(EMPTY_BODY_SHA256);
  });

  it('hashes strings as UTF-8, the same as their bytes', () => {
    expect(contentSha256('TaskName=测试')).toBe(sha256Hex(Buffer.from('TaskName=测试', 'utf8')));
    expect(contentSha256('a')).toBe('ca978112ca1bbdcafac231b39a23dc4da786eff8147c4e72b9807785afee48bb');
  });
});
