import { describe, expect, it } from 'vitest';
import { LiveOptionError } from '../../errors/live-option-error.js';
import { DEFAULT_ENDPOINT, parseEndpoint } from './endpoint.js';

describe('parseEndpoint', () => {
  it('keeps a non-default port in the host header', () => {
    expect(parseEndpoint('http://127.0.0.1:18080')).toEqual({
      protocol: 'http:',
      hostname: '127.0.0.1',
      port: 18080,
      host: '127.0.0.1:18080',
      origin: 'http://127.0.0.1:18080',
    });
  });

  it('defaults to HTTPS on 443 and leaves the default port out of the host header', () => {
    expect(parseEndpoint(DEFAULT_ENDPOINT)).toMatchObject({ protocol: 'https:', port: 443, host: 'live.aliyuncs.com' });
    expect(parseEndpoint('live.aliyuncs.com')).toMatchObject({ protocol: 'https:', host: 'live.aliyuncs.com' });
    expect(parseEndpoint('https://live.aliyuncs.com/')).toMatchObject({ origin: 'https://live.aliyuncs.com' });
  });

  it('accepts IPv6 literals', () => {
    expect(parseEndpoint('http://[::1]:8080')).toMatchObject({ hostname: '::1', host: '[::1]:8080' });
  });

  it('refuses other protocols, paths, queries and credentials', () => {
    for (const endpoint of [
      'ftp://example.com',
      'https://example.com/api',
      'https://example.com/?a=1',
      'https://user:pw@example.com',
    ]) {
      expect(() => parseEndpoint(endpoint), endpoint).toThrow(LiveOptionError);
    }
  });
});

describe('parseEndpoint messages', () => {
  it('never echo the credentials of a refused endpoint', () => {
    expect(() => parseEndpoint('https://relay:endpoint-pw-77@example.com')).toThrow(
      'endpoint must be a bare origin such as https://live.aliyuncs.com (got https://***@example.com)',
    );
    expect(() => parseEndpoint('https://relay:endpoint-pw-77@exa mple.com')).toThrow(
      'endpoint is not a URL or host name (got https://***@exa mple.com)',
    );
  });
});
