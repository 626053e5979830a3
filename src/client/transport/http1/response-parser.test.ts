import { get } from 'node:http';
import fc from 'fast-check';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { type RawServer, startRawServer } from '../../../../test/support/raw-server.js';
import { MAX_HEAD_BYTES, type ParsedResponse, ResponseParser } from './response-parser.js';

const bytes = (text: string) => Buffer.from(text, 'latin1');

/** Feeds `pieces` one by one, then the peer's close when the answer is still open. */
function parse(pieces: readonly (string | Buffer)[], { close = true } = {}): ParsedResponse {
  const parser = new ResponseParser();
  let response: ParsedResponse | undefined;
  for (const piece of pieces) response = parser.push(typeof piece === 'string' ? bytes(piece) : piece) ?? response;
  if (response !== undefined || !close) return response!;
  return parser.end();
}

/** The error `parse` throws. */
function failure(pieces: readonly (string | Buffer)[]): unknown {
  try {
    parse(pieces);
  } catch (error) {
    return error;
  }
  throw new Error('expected a parse error');
}

const OK = 'HTTP/1.1 200 OK\r\n';

describe('ResponseParser: status and headers', () => {
  it('reads the status, lower-cases names, trims values and keeps obs-text as latin1', () => {
    const response = parse([
      `${OK}Content-Type: application/json\r\nX-Acs-Request-Id:  abc \t\r\nx-empty:\r\nx-obs: caf\xe9\r\ncontent-length: 2\r\n\r\n{}`,
    ]);
    expect(response.status).toBe(200);
    expect({ ...response.headers }).toEqual({
      'content-type': 'application/json',
      'x-acs-request-id': 'abc',
      'x-empty': '',
      'x-obs': 'café',
      'content-length': '2',
    });
    expect(Object.getPrototypeOf(response.headers)).toBeNull();
    expect(response.body.toString()).toBe('{}');
    expect(response.keepAlive).toBe(true);
  });

  it('takes a status line without a reason phrase, or with any reason', () => {
    expect(parse(['HTTP/1.1 503\r\ncontent-length: 0\r\n\r\n']).status).toBe(503);
    expect(parse(['HTTP/1.1 404 Not \xe9 Found at all\r\ncontent-length: 0\r\n\r\n']).status).toBe(404);
  });

  it('joins repeated headers with ", ", cookie with "; ", keeps the first content-type, and lists set-cookie', () => {
    const response = parse([
      `${OK}set-cookie: a=1\r\nx-a: 1\r\nSet-Cookie: b=2; Path=/\r\nX-A: 2\r\nx-a: 3\r\ncookie: c=1\r\ncookie: d=2\r\n`,
      'content-type: text/plain\r\ncontent-type: text/html\r\nset-cookie: c=3\r\ncontent-length: 0\r\n\r\n',
    ]);
    expect(response.headers['set-cookie']).toEqual(['a=1', 'b=2; Path=/', 'c=3']);
    expect(response.headers['x-a']).toBe('1, 2, 3');
    expect(response.headers['cookie']).toBe('c=1; d=2');
    expect(response.headers['content-type']).toBe('text/plain');
  });

  it('takes a header named like an Object.prototype property as a plain field', () => {
    const response = parse([`${OK}__proto__: x\r\nconstructor: y\r\ncontent-length: 0\r\n\r\n`]);
    expect(Object.entries(response.headers)).toEqual([
      ['__proto__', 'x'],
      ['constructor', 'y'],
      ['content-length', '0'],
    ]);
  });
});

describe('ResponseParser: framing', () => {
  it('reads a body of content-length bytes, however the bytes arrive', () => {
    const response = parse([`${OK}content-length: 11\r\n\r\nhello`, ' wor', 'ld']);
    expect(response.body.toString()).toBe('hello world');
    expect(response.keepAlive).toBe(true);
  });

  it('accepts a repeated content-length of one value, and refuses differing ones', () => {
    expect(parse([`${OK}content-length: 2\r\ncontent-length: 2\r\n\r\nab`]).body.toString()).toBe('ab');
    expect(parse([`${OK}content-length: 2, 2\r\n\r\nab`]).body.toString()).toBe('ab');
    expect(failure([`${OK}content-length: 2\r\ncontent-length: 3\r\n\r\nabc`])).toMatchObject({
      code: 'HPE_INVALID_CONTENT_LENGTH',
    });
  });

  it.each(['-1', '1x', '', '0x10', '+5', '1 2', '1234567890123456'])('refuses content-length %j', (value) => {
    expect(failure([`${OK}content-length: ${value}\r\n\r\n`])).toMatchObject({
      code: 'HPE_INVALID_CONTENT_LENGTH',
      message: 'Parse Error: Invalid character in Content-Length',
    });
  });

  it('reads a chunked body with chunk extensions and trailers, which are not kept', () => {
    const response = parse([
      `${OK}Transfer-Encoding: chunked\r\n\r\n`,
      '5;name=value\r\nhello\r\n',
      '1;a;b="c"\r\n \r\nA\r\n',
      'world12345\r\n0\r\nx-trailer: 1\r\nx-other: 2\r\n\r\n',
    ]);
    expect(response.body.toString()).toBe('hello world12345');
    expect(response.headers['x-trailer']).toBeUndefined();
    expect(response.keepAlive).toBe(true);
  });

  it('reads chunk sizes in either case of hex, with whitespace before an extension', () => {
    const body = 'x'.repeat(0xab);
    expect(parse([`${OK}transfer-encoding: chunked\r\n\r\naB \t;e\r\n${body}\r\n0\r\n\r\n`]).body.toString()).toBe(
      body,
    );
  });

  it('reads a body that ends when the server closes: no length, or a transfer-coding that is not chunked', () => {
    const plain = parse([`${OK}\r\npart one, `, 'part two']);
    expect(plain.body.toString()).toBe('part one, part two');
    expect(plain.keepAlive).toBe(false);
    const gzip = parse([`${OK}transfer-encoding: chunked, gzip\r\n\r\nraw`]);
    expect(gzip.body.toString()).toBe('raw');
    expect(gzip.keepAlive).toBe(false);
  });

  it('is not complete until the close when the body is close-delimited', () => {
    const parser = new ResponseParser();
    expect(parser.push(bytes(`${OK}\r\nabc`))).toBeUndefined();
    expect(parser.end().body.toString()).toBe('abc');
  });

  it.each([
    ['204 No Content', 'content-length: 5'],
    ['304 Not Modified', 'transfer-encoding: chunked'],
    ['200 OK', 'content-length: 0'],
  ])('completes a %s at the end of its head, whatever its framing headers say', (status, header) => {
    const parser = new ResponseParser();
    const response = parser.push(bytes(`HTTP/1.1 ${status}\r\n${header}\r\n\r\n`));
    expect(response?.body).toHaveLength(0);
    expect(response?.keepAlive).toBe(true);
  });

  it('skips interim 1xx answers, their headers included', () => {
    const response = parse([
      'HTTP/1.1 100 Continue\r\n\r\nHTTP/1.1 103 Early Hints\r\nlink: </a>\r\n\r\n',
      'HTTP/1.1 201 Created\r\ncontent-length: 1\r\n\r\nx',
    ]);
    expect(response.status).toBe(201);
    expect(response.headers['link']).toBeUndefined();
  });

  it('takes a status below 100 as the final answer, as node:http does', () => {
    expect(parse(['HTTP/1.1 099 Odd\r\ncontent-length: 1\r\n\r\nx'])).toMatchObject({ status: 99 });
  });

  it('refuses 101 Switching Protocols: the client never asks to switch', () => {
    expect(failure(['HTTP/1.1 101 Switching Protocols\r\nupgrade: websocket\r\n\r\n'])).toMatchObject({
      code: 'HPE_INVALID_STATUS',
    });
  });
});

describe('ResponseParser: keep-alive', () => {
  it.each([
    ['HTTP/1.1', '', true],
    ['HTTP/1.1', 'connection: close\r\n', false],
    ['HTTP/1.1', 'connection: Upgrade, Close\r\n', false],
    ['HTTP/1.1', 'connection: keep-alive\r\n', true],
    ['HTTP/1.0', '', false],
    ['HTTP/1.0', 'connection: keep-alive\r\n', true],
    ['HTTP/1.0', 'Connection: Keep-Alive\r\n', true],
    ['HTTP/1.0', 'connection: x\r\nconnection: keep-alive\r\n', true],
  ])('%s with %j and a framed body: keepAlive %s', (version, connection, keepAlive) => {
    expect(parse([`${version} 200 OK\r\n${connection}content-length: 1\r\n\r\nx`]).keepAlive).toBe(keepAlive);
    expect(
      parse([`${version} 200 OK\r\n${connection}transfer-encoding: chunked\r\n\r\n1\r\nx\r\n0\r\n\r\n`]).keepAlive,
    ).toBe(keepAlive);
  });

  it('never keeps a connection whose body ended with its close', () => {
    expect(parse(['HTTP/1.1 200 OK\r\nconnection: keep-alive\r\n\r\nx']).keepAlive).toBe(false);
  });
});

describe('ResponseParser: leftover bytes', () => {
  it('counts the bytes past a complete answer, and none before it is complete', () => {
    const parser = new ResponseParser();
    expect(parser.push(bytes(`${OK}content-length: 1\r\n`))).toBeUndefined();
    expect(parser.leftover).toBe(0);
    const response = parser.push(bytes('\r\nxHTTP/1.1'));
    expect(response?.body.toString()).toBe('x');
    expect(parser.leftover).toBe(8);
    expect(parser.push(bytes(' 200'))).toBe(response);
    expect(parser.leftover).toBe(12);
    expect(parser.end()).toBe(response);
  });

  it('counts bytes after the last chunk of a chunked body', () => {
    const parser = new ResponseParser();
    parser.push(bytes(`${OK}transfer-encoding: chunked\r\n\r\n0\r\n\r\nextra`));
    expect(parser.leftover).toBe(5);
  });
});

describe('ResponseParser: malformed answers fail with llhttp’s codes', () => {
  it.each([
    ['a status line that is not HTTP', 'XTTP/1.1 200 OK\r\n\r\n', 'HPE_INVALID_CONSTANT'],
    ['an empty status line', '\r\n\r\n', 'HPE_INVALID_CONSTANT'],
    ['HTTP/1.2', 'HTTP/1.2 200 OK\r\n\r\n', 'HPE_INVALID_VERSION'],
    ['HTTP/1.1 with no status', 'HTTP/1.1\r\n\r\n', 'HPE_INVALID_STATUS'],
    ['a status that is not three digits', 'HTTP/1.1 20x OK\r\n\r\n', 'HPE_INVALID_STATUS'],
    ['a four-digit status', 'HTTP/1.1 2000 OK\r\n\r\n', 'HPE_INVALID_STATUS'],
    ['a space in a header name', `${OK}bad name: x\r\n\r\n`, 'HPE_INVALID_HEADER_TOKEN'],
    ['a space before the colon', `${OK}name : x\r\n\r\n`, 'HPE_INVALID_HEADER_TOKEN'],
    ['a header line without a colon', `${OK}no-colon\r\n\r\n`, 'HPE_INVALID_HEADER_TOKEN'],
    ['an empty header name', `${OK}: x\r\n\r\n`, 'HPE_INVALID_HEADER_TOKEN'],
    ['an obsolete folded line', `${OK}x: a\r\n folded\r\n\r\n`, 'HPE_INVALID_HEADER_TOKEN'],
    ['NUL in a value', `${OK}x: a\0b\r\n\r\n`, 'HPE_INVALID_HEADER_TOKEN'],
    ['DEL in a value', `${OK}x: a\x7fb\r\n\r\n`, 'HPE_INVALID_HEADER_TOKEN'],
    ['a bare LF ending the status line', 'HTTP/1.1 200 OK\ncontent-length: 0\n\n', 'HPE_CR_EXPECTED'],
    ['a bare LF in a value', `${OK}x: a\nb\r\n\r\n`, 'HPE_CR_EXPECTED'],
    ['a bare CR in a value', `${OK}x: a\rb\r\n\r\n`, 'HPE_LF_EXPECTED'],
    [
      'content-length then transfer-encoding',
      `${OK}content-length: 1\r\ntransfer-encoding: chunked\r\n\r\n`,
      'HPE_INVALID_TRANSFER_ENCODING',
    ],
    [
      'transfer-encoding then content-length',
      `${OK}transfer-encoding: chunked\r\ncontent-length: 1\r\n\r\n`,
      'HPE_INVALID_CONTENT_LENGTH',
    ],
    ['a chunk size that is not hex', `${OK}transfer-encoding: chunked\r\n\r\nzz\r\n`, 'HPE_INVALID_CHUNK_SIZE'],
    [
      'a chunk size with leading space',
      `${OK}transfer-encoding: chunked\r\n\r\n 1\r\nx\r\n0\r\n\r\n`,
      'HPE_INVALID_CHUNK_SIZE',
    ],
    ['an empty chunk size', `${OK}transfer-encoding: chunked\r\n\r\n\r\n`, 'HPE_INVALID_CHUNK_SIZE'],
    [
      'a chunk size of 16 hex digits',
      `${OK}transfer-encoding: chunked\r\n\r\n1000000000000000\r\n`,
      'HPE_INVALID_CHUNK_SIZE',
    ],
    ['chunk data longer than its size', `${OK}transfer-encoding: chunked\r\n\r\n1\r\nxy\r\n0\r\n\r\n`, 'HPE_STRICT'],
  ])('%s', (_, text, code) => {
    const error = failure([text]);
    expect(error).toBeInstanceOf(Error);
    expect(error).toMatchObject({ code, message: expect.stringMatching(/^Parse Error: /) });
  });

  it('fails on a bare LF as soon as it arrives, not when the time limit ends', () => {
    const parser = new ResponseParser();
    expect(() => parser.push(bytes('HTTP/1.1 200 OK\n'))).toThrow(expect.objectContaining({ code: 'HPE_CR_EXPECTED' }));
  });

  it('waits for the LF of a CR that ends what has arrived', () => {
    const parser = new ResponseParser();
    expect(parser.push(bytes('HTTP/1.1 200 OK\r'))).toBeUndefined();
    expect(parser.push(bytes('\ncontent-length: 0\r\n\r\n'))?.status).toBe(200);
  });

  it(`accepts a head of exactly ${MAX_HEAD_BYTES} bytes and refuses one byte more`, () => {
    const headOf = (size: number) => {
      const prefix = `${OK}content-length: 0\r\nx-pad: `;
      return `${prefix}${'a'.repeat(size - prefix.length - 4)}\r\n\r\n`;
    };
    expect(parse([headOf(MAX_HEAD_BYTES)]).status).toBe(200);
    expect(failure([headOf(MAX_HEAD_BYTES + 1)])).toMatchObject({ code: 'HPE_HEADER_OVERFLOW' });
  });

  it('refuses a head that grows past 16 KiB without ending, before it ends', () => {
    const parser = new ResponseParser();
    parser.push(bytes(`${OK}x-pad: `));
    const kib = bytes('a'.repeat(1024));
    expect(() => {
      for (let i = 0; i < 17; i++) parser.push(kib);
    }).toThrow(expect.objectContaining({ code: 'HPE_HEADER_OVERFLOW' }));
  });

  it('counts each interim answer’s head on its own against the limit', () => {
    const interim = `HTTP/1.1 103 Early Hints\r\nlink: ${'a'.repeat(10_000)}\r\n\r\n`;
    expect(parse([interim, interim, `${OK}content-length: 0\r\n\r\n`]).status).toBe(200);
  });

  it('refuses a chunk-size line that grows past 1 KiB, and trailers that grow past 16 KiB', () => {
    const chunked = `${OK}transfer-encoding: chunked\r\n\r\n`;
    expect(failure([chunked, `1;${'e'.repeat(1100)}`])).toMatchObject({ code: 'HPE_INVALID_CHUNK_SIZE' });
    expect(failure([chunked, `0\r\nx-t: ${'t'.repeat(MAX_HEAD_BYTES)}`])).toMatchObject({
      code: 'HPE_HEADER_OVERFLOW',
    });
  });

  it.each([
    ['nothing', []],
    ['half a head', ['HTTP/1.1 200 OK\r\ncontent-le']],
    ['only an interim answer', ['HTTP/1.1 100 Continue\r\n\r\n']],
    ['a short content-length body', [`${OK}content-length: 5\r\n\r\nabc`]],
    ['a chunked body before its last chunk', [`${OK}transfer-encoding: chunked\r\n\r\n3\r\nabc\r\n`]],
    ['a chunked body in its trailers', [`${OK}transfer-encoding: chunked\r\n\r\n0\r\nx: 1\r\n`]],
  ])('end() after %s is ECONNRESET "socket hang up", as node:http reports it', (_, pieces) => {
    const parser = new ResponseParser();
    for (const piece of pieces) expect(parser.push(bytes(piece))).toBeUndefined();
    expect(() => parser.end()).toThrow(expect.objectContaining({ code: 'ECONNRESET', message: 'socket hang up' }));
  });
});

/** One valid answer, its bytes and what reading it must give. */
interface Generated {
  readonly raw: Buffer;
  readonly status: number;
  readonly headers: Record<string, string | string[]>;
  readonly body: Buffer;
  readonly framing: 'length' | 'chunked' | 'close';
}

const headerName = fc.stringMatching(/^[a-z][a-z0-9-]{0,11}$/).map((name) => `x-${name}`);
const headerValue = fc.stringMatching(/^[\x21-\x7e]([\x20-\x7e]{0,20}[\x21-\x7e])?$/);
/** Status codes with a body: 1xx, 204 and 304 are framed by rule, tested above. */
const status = fc.integer({ min: 200, max: 599 }).filter((code) => code !== 204 && code !== 304);

/** Splits `body` at `cuts` (sorted offsets) into chunks, each with an optional extension. */
function chunked(body: Buffer, cuts: number[], extensions: string[], trailers: [string, string][]): Buffer {
  const bounds = [0, ...cuts.filter((cut) => cut > 0 && cut < body.length).sort((a, b) => a - b), body.length];
  const parts: Buffer[] = [];
  for (let i = 1; i < bounds.length; i++) {
    const data = body.subarray(bounds[i - 1]!, bounds[i]!);
    if (data.length === 0) continue;
    const ext = extensions[i % Math.max(extensions.length, 1)] ?? '';
    parts.push(bytes(`${data.length.toString(16)}${ext}\r\n`), data, bytes('\r\n'));
  }
  parts.push(bytes(`0\r\n${trailers.map(([name, value]) => `${name}: ${value}\r\n`).join('')}\r\n`));
  return Buffer.concat(parts);
}

const answer: fc.Arbitrary<Generated> = fc
  .record({
    status,
    fields: fc.array(fc.tuple(fc.constantFrom('X-Case', 'set-cookie'), headerValue), { maxLength: 3 }),
    extra: fc.array(fc.tuple(headerName, headerValue), { maxLength: 6 }),
    body: fc.uint8Array({ maxLength: 600 }).map((array) => Buffer.from(array)),
    framing: fc.constantFrom('length' as const, 'chunked' as const, 'close' as const),
    cuts: fc.array(fc.nat({ max: 600 }), { maxLength: 8 }),
    extensions: fc.array(fc.constantFrom('', ';a', ';name=value', ';q="x y"'), { maxLength: 3 }),
    trailers: fc.array(fc.tuple(headerName, headerValue), { maxLength: 2 }),
  })
  .map(({ status, fields, extra, body, framing, cuts, extensions, trailers }) => {
    const lines = [...fields, ...extra];
    const headers: Record<string, string | string[]> = {};
    for (const [name, value] of lines) {
      const key = name.toLowerCase();
      const previous = headers[key];
      if (key === 'set-cookie') headers[key] = [...((previous as string[] | undefined) ?? []), value];
      else headers[key] = previous === undefined ? value : `${previous as string}, ${value}`;
    }
    const framingLine =
      framing === 'length'
        ? `content-length: ${body.length}`
        : framing === 'chunked'
          ? 'transfer-encoding: chunked'
          : 'connection: close';
    headers[framingLine.slice(0, framingLine.indexOf(':'))] = framingLine.slice(framingLine.indexOf(' ') + 1);
    const head = bytes(
      `HTTP/1.1 ${status} Reason\r\n${[...lines.map(([n, v]) => `${n}: ${v}`), framingLine].join('\r\n')}\r\n\r\n`,
    );
    const payload = framing === 'chunked' ? chunked(body, cuts, extensions, trailers) : body;
    return { raw: Buffer.concat([head, payload]), status, headers, body, framing };
  });

/** `raw` cut at the given offsets into consecutive pieces (empty ones included). */
function pieces(raw: Buffer, offsets: number[]): Buffer[] {
  const bounds = [0, ...offsets.map((offset) => offset % (raw.length + 1)).sort((a, b) => a - b), raw.length];
  return bounds.slice(1).map((end, i) => raw.subarray(bounds[i]!, end));
}

describe('ResponseParser: properties', () => {
  it('reads any framed answer, cut anywhere into pieces, to its status, headers and body', () => {
    fc.assert(
      fc.property(answer, fc.array(fc.nat(), { maxLength: 30 }), (generated, offsets) => {
        const parser = new ResponseParser();
        let response: ParsedResponse | undefined;
        for (const piece of pieces(generated.raw, offsets)) {
          // Complete only at the last byte: no piece with bytes in it comes after.
          if (response !== undefined) expect(piece).toHaveLength(0);
          response = parser.push(piece);
        }
        if (generated.framing === 'close') {
          expect(response).toBeUndefined();
          response = parser.end();
        }
        expect(response!.status).toBe(generated.status);
        expect({ ...response!.headers }).toEqual(generated.headers);
        expect(response!.body.equals(generated.body)).toBe(true);
        expect(response!.keepAlive).toBe(generated.framing !== 'close');
        expect(parser.leftover).toBe(0);
      }),
      { numRuns: 300 },
    );
  });

  it('completes a framed answer at its last byte and counts every byte after it as leftover', () => {
    fc.assert(
      fc.property(
        answer.filter((a) => a.framing !== 'close'),
        fc.uint8Array({ minLength: 1, maxLength: 40 }),
        fc.array(fc.nat(), { maxLength: 10 }),
        (generated, extra, offsets) => {
          const parser = new ResponseParser();
          expect(parser.push(generated.raw.subarray(0, -1))).toBeUndefined();
          const response = parser.push(generated.raw.subarray(-1));
          expect(response?.body.equals(generated.body)).toBe(true);
          for (const piece of pieces(Buffer.from(extra), offsets)) expect(parser.push(piece)).toBe(response);
          expect(parser.leftover).toBe(extra.length);
        },
      ),
      { numRuns: 200 },
    );
  });

  it('never throws anything but a parse error or hang-up on arbitrary bytes after a valid status line', () => {
    fc.assert(
      fc.property(fc.uint8Array({ maxLength: 300 }), fc.array(fc.nat(), { maxLength: 10 }), (tail, offsets) => {
        const parser = new ResponseParser();
        try {
          for (const piece of pieces(Buffer.concat([bytes(OK), Buffer.from(tail)]), offsets)) parser.push(piece);
          parser.end();
        } catch (error) {
          expect((error as { code?: string }).code).toMatch(/^(HPE_[A-Z_]+|ECONNRESET)$/);
        }
      }),
    );
  });
});

describe('ResponseParser agrees with node:http', () => {
  let server: RawServer;
  let nextAnswer: Buffer = Buffer.alloc(0);
  beforeAll(async () => {
    server = await startRawServer((_, socket) => socket.end(nextAnswer));
  });
  afterAll(() => server.close());

  /** What `node:http` makes of `raw`, served as the whole of one connection. */
  function nodeReads(raw: Buffer): Promise<{ status: number; headers: object; body: Buffer }> {
    nextAnswer = raw;
    return new Promise((resolve, reject) => {
      const req = get({ host: '127.0.0.1', port: server.port, path: '/', agent: false }, (res) => {
        const chunks: Buffer[] = [];
        res.on('data', (chunk: Buffer) => chunks.push(chunk));
        res.on('end', () => resolve({ status: res.statusCode!, headers: res.headers, body: Buffer.concat(chunks) }));
        res.on('error', reject);
      });
      req.on('error', reject);
    });
  }

  it('on generated valid answers: the same status, headers and body', async () => {
    await fc.assert(
      fc.asyncProperty(answer, async (generated) => {
        const theirs = await nodeReads(generated.raw);
        const ours = parse([generated.raw]);
        expect(ours.status).toBe(theirs.status);
        expect({ ...ours.headers }).toEqual({ ...theirs.headers });
        expect(ours.body.equals(theirs.body)).toBe(true);
      }),
      { numRuns: 40 },
    );
  });

  it('on repeated well-known fields, cookies and obs-text', async () => {
    const raw = bytes(
      `${OK}content-type: a\r\nContent-Type: b\r\nretry-after: 1\r\nretry-after: 2\r\nserver: s1\r\nserver: s2\r\n` +
        'cookie: c=1\r\ncookie: d=2\r\nx-acs-request-id: 1\r\nx-acs-request-id: 2\r\nlocation: /a\r\nlocation: /b\r\n' +
        'age: 1\r\nage: 2\r\nset-cookie: a\r\nset-cookie: b\r\nx-obs: caf\xe9\r\ncontent-length: 1\r\n\r\nx',
    );
    const theirs = await nodeReads(raw);
    expect({ ...parse([raw]).headers }).toEqual({ ...theirs.headers });
  });
});
