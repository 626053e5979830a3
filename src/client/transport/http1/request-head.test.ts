import { request as httpRequest } from 'node:http';
import { describe, expect, it } from 'vitest';
import { nodeHttpRequestBytes } from '../../../../test/support/raw-server.js';
import { requestHead } from './request-head.js';

/** Headers as the client signs them: lower-case names, `host` first. */
const SIGNED = {
  host: '127.0.0.1:8080',
  'user-agent': 'live-relay/0.1.0 Node.js/v20.0.0 my-app/1.0',
  'x-acs-action': 'DescribeLivePullToPush',
  'x-acs-version': '2016-11-01',
  'x-acs-signature-nonce': '5b6c3f0e-1f5a-4f55-9a66-3f4f7f1c9a11',
  authorization: 'ACS3-HMAC-SHA256 Credential=ak,SignedHeaders=host;x-acs-action,Signature=abc',
  'x-empty': '',
};
const PATH = '/?Region=cn-shanghai&TaskId=fd245384-4067-4f91-9d75-9666a6bc0000&Name=a%20b%2A~';

/** The error `node:http` itself throws for a request it refuses, or undefined if it would send it. */
function nodeRefusal(path: string, headers: Record<string, string>): unknown {
  try {
    const req = httpRequest({ host: '127.0.0.1', port: 9, path, headers, agent: false });
    req.on('error', () => undefined);
    req.destroy();
    return undefined;
  } catch (error) {
    return error;
  }
}

function refusal(path: string, headers: Record<string, string>): unknown {
  try {
    requestHead('GET', path, headers);
    return undefined;
  } catch (error) {
    return error;
  }
}

describe('requestHead', () => {
  it.each(['GET', 'POST'] as const)('writes a %s head byte for byte as node:http does', async (method) => {
    const ours = Buffer.from(requestHead(method, PATH, SIGNED), 'latin1');
    expect(ours).toEqual(await nodeHttpRequestBytes(method, PATH, SIGNED));
  });

  it('sends obs-text (\\x80-\\xff) in a value as one byte each, as node:http does in latin1', async () => {
    const headers = { host: 'h', 'user-agent': 'live-relay café\xff' };
    const ours = Buffer.from(requestHead('GET', '/', headers), 'latin1');
    expect(ours).toEqual(await nodeHttpRequestBytes('GET', '/', headers));
    expect(ours.includes(Buffer.from([0x63, 0x61, 0x66, 0xe9, 0xff]))).toBe(true);
  });

  it('is the request line, the headers in their order, then keep-alive (and a zero length for a POST)', () => {
    expect(requestHead('GET', '/?a=1', { host: 'h', b: '2' })).toBe(
      'GET /?a=1 HTTP/1.1\r\nhost: h\r\nb: 2\r\nConnection: keep-alive\r\n\r\n',
    );
    expect(requestHead('POST', '/', { host: 'h' })).toBe(
      'POST / HTTP/1.1\r\nhost: h\r\nConnection: keep-alive\r\nContent-Length: 0\r\n\r\n',
    );
  });

  it.each([
    ['CR', 'a\rb'],
    ['LF', 'a\nb'],
    ['CRLF (header injection)', 'a\r\nx-injected: 1'],
    ['NUL', 'a\0b'],
    ['a control character', 'a\x01b'],
    ['DEL', 'a\x7fb'],
    ['a character past latin1', 'a\u0100b'],
  ])('refuses %s in a header value with ERR_INVALID_CHAR, as node:http does', (_, value) => {
    const headers = { host: 'h', 'x-value': value };
    const error = refusal('/', headers);
    expect(error).toMatchObject({
      code: 'ERR_INVALID_CHAR',
      message: 'Invalid character in header content ["x-value"]',
    });
    expect(error).toBeInstanceOf(TypeError);
    expect(nodeRefusal('/', headers)).toMatchObject({ code: 'ERR_INVALID_CHAR', message: (error as Error).message });
  });

  it.each(['x value', 'x:y', 'x\r\ny', '', 'é', '(x)'])(
    'refuses the header name %j with ERR_INVALID_HTTP_TOKEN, as node:http does',
    (name) => {
      const headers = { host: 'h', [name]: 'v' };
      const error = refusal('/', headers);
      expect(error).toMatchObject({
        code: 'ERR_INVALID_HTTP_TOKEN',
        message: `Header name must be a valid HTTP token ["${name}"]`,
      });
      expect(nodeRefusal('/', headers)).toMatchObject({ code: 'ERR_INVALID_HTTP_TOKEN' });
    },
  );

  it.each([
    ['a space', '/?a=b c'],
    ['a tab', '/?a=b\tc'],
    ['CRLF (request splitting)', '/ HTTP/1.1\r\nx: 1\r\n\r\nGET /'],
    ['NUL', '/\0'],
  ])('refuses %s in the path with ERR_UNESCAPED_CHARACTERS, as node:http does', (_, path) => {
    const error = refusal(path, { host: 'h' });
    expect(error).toMatchObject({
      code: 'ERR_UNESCAPED_CHARACTERS',
      message: 'Request path contains unescaped characters',
    });
    expect(error).toBeInstanceOf(TypeError);
    expect(nodeRefusal(path, { host: 'h' })).toMatchObject({ code: 'ERR_UNESCAPED_CHARACTERS' });
  });

  it.each([
    ['not origin-form', 'relative'],
    ['empty', ''],
    ['DEL', '/\x7f'],
    ['latin1', '/caf\xe9'],
  ])('refuses a path that is %s, which node:http would send but the client never builds', (_, path) => {
    expect(nodeRefusal(path, { host: 'h' })).toBeUndefined();
    expect(refusal(path, { host: 'h' })).toMatchObject({ code: 'ERR_UNESCAPED_CHARACTERS' });
  });

  it('accepts every visible ASCII character in the path, and tabs and spaces inside a value', () => {
    const path = `/${Array.from({ length: 0x7e - 0x21 + 1 }, (_, i) => String.fromCharCode(0x21 + i)).join('')}`;
    expect(requestHead('GET', path, { host: 'h', x: ' a\tb ' })).toContain(
      `GET ${path} HTTP/1.1\r\nhost: h\r\nx:  a\tb \r\n`,
    );
  });
});
