import { FIELD_VALUE, TOKEN } from './field-syntax.js';

/** An origin-form target: no spaces or control characters, which would end the request line early. */
const ORIGIN_FORM = /^\/[\x21-\x7e]*$/;

/**
 * The head of a bodiless HTTP/1.1 request, byte for byte what `node:http` sends for it through a
 * keep-alive agent: the request line, `headers` in their order, `Connection: keep-alive`, and
 * `Content-Length: 0` for a POST. Anything that could split the message (CR, LF, a space in the
 * path) is refused with `node:http`'s own error code instead of being sent.
 */
export function requestHead(method: 'GET' | 'POST', path: string, headers: Readonly<Record<string, string>>): string {
  if (!ORIGIN_FORM.test(path)) {
    throw Object.assign(new TypeError('Request path contains unescaped characters'), {
      code: 'ERR_UNESCAPED_CHARACTERS',
    });
  }
  let head = `${method} ${path} HTTP/1.1\r\n`;
  for (const name in headers) {
    const value = headers[name]!;
    if (!TOKEN.test(name)) {
      throw Object.assign(new TypeError(`Header name must be a valid HTTP token ["${name}"]`), {
        code: 'ERR_INVALID_HTTP_TOKEN',
      });
    }
    if (!FIELD_VALUE.test(value)) {
      throw Object.assign(new TypeError(`Invalid character in header content ["${name}"]`), {
        code: 'ERR_INVALID_CHAR',
      });
    }
    head += `${name}: ${value}\r\n`;
  }
  return `${head}Connection: keep-alive\r\n${method === 'POST' ? 'Content-Length: 0\r\n' : ''}\r\n`;
}
