import { describe, expect, it } from 'vitest';
import { redactedUrl } from './redacted-url.js';

describe('redactedUrl', () => {
  it('hides the password and the user name', () => {
    expect(redactedUrl('redis://relay:s3cret@cache.internal:6380/2')).toBe('redis://***:***@cache.internal:6380/2');
    expect(redactedUrl('rediss://:s3cret@cache.internal')).toBe('rediss://:***@cache.internal');
  });

  it('leaves a URL without credentials as it is', () => {
    expect(redactedUrl('redis://127.0.0.1:6379')).toBe('redis://127.0.0.1:6379');
  });

  it('does not echo a value that is not a URL', () => {
    expect(redactedUrl('s3cret@nowhere')).toBe('(unparseable Redis URL)');
  });
});
