/**
 * An HTTP/1.1 response (RFC 9112) read from the bytes of one connection, as they arrive.
 * Interim 1xx answers are skipped; the body is framed by `transfer-encoding: chunked`, by
 * `content-length`, or by the connection's close. Malformed input fails with Node's own llhttp
 * codes (`HPE_…`), so a transport error reads the same as one from `node:http`.
 */

import { FIELD_CHARS, TOKEN } from './field-syntax.js';

/**
 * Response headers as `node:http` gives them: a null-prototype map, lower-case names, repeats joined
 * by `, ` (`cookie` by `; `, and only the first kept of `content-type` and the like), `set-cookie` a list.
 */
export type ParsedHeaders = Record<string, string | string[]>;

export interface ParsedResponse {
  readonly status: number;
  readonly headers: ParsedHeaders;
  readonly body: Buffer;
  /** Whether the connection may carry another request: persistent, and the body framed by length. */
  readonly keepAlive: boolean;
}

/** `node:http`'s default `maxHeaderSize`: the status line and headers of one answer, bytes. */
export const MAX_HEAD_BYTES = 16 * 1024;

/** A chunk-size line (`1a2b;ext=…`) longer than this is refused, bytes. */
const MAX_CHUNK_LINE_BYTES = 1024;

/** A response that is not HTTP/1.x as RFC 9112 frames it; `code` is llhttp's name for the fault. */
export function parseError(code: string, message: string): Error & { code: string } {
  return Object.assign(new Error(`Parse Error: ${message}`), { code });
}

const EMPTY = Buffer.alloc(0);
const HEAD_END = Buffer.from('\r\n\r\n');
const LINE_END = Buffer.from('\r\n');
const STATUS_LINE = /^HTTP\/1\.([01]) (\d{3})(?: [^\r\n]*)?$/;
const VERSION = /^HTTP\/1\.[01](?: |$)/;
const CHUNK_SIZE = /^([0-9A-Fa-f]{1,15})[ \t]*(?:;[^\r\n]*)?$/;
/** Lines of visible ASCII, spaces, tabs and obs-text, ended by CRLF: no other control character. */
const HEAD_TEXT = new RegExp(`^[${FIELD_CHARS}]*(?:\r\n[${FIELD_CHARS}]*)*$`);

type Framing =
  | { readonly kind: 'none' }
  | { readonly kind: 'length'; remaining: number }
  | { readonly kind: 'chunked'; state: 'size' | 'data' | 'data-end' | 'trailers'; remaining: number }
  | { readonly kind: 'close' };

/**
 * Feed it what the socket delivers with {@link push}, then {@link end} when the peer closes.
 * Either returns the answer once it is complete; after that, bytes beyond it are {@link leftover}.
 */
export class ResponseParser {
  /** Bytes received and not yet consumed. */
  private pending: Buffer = EMPTY;
  private head: { status: number; headers: ParsedHeaders; persistent: boolean } | undefined;
  private framing: Framing | undefined;
  private readonly body: Buffer[] = [];
  private done: ParsedResponse | undefined;

  /** Bytes after the complete answer (a peer that sent more than it framed). */
  get leftover(): number {
    return this.done === undefined ? 0 : this.pending.length;
  }

  /** Adds received bytes; returns the answer once it is complete. Throws on malformed input. */
  push(chunk: Buffer): ParsedResponse | undefined {
    this.pending = this.pending.length === 0 ? chunk : Buffer.concat([this.pending, chunk]);
    return this.done ?? this.advance();
  }

  /** The peer closed: completes a close-delimited body, or throws `ECONNRESET` as `node:http` does. */
  end(): ParsedResponse {
    if (this.done !== undefined) return this.done;
    if (this.head !== undefined && this.framing?.kind === 'close') {
      this.body.push(this.pending);
      this.pending = EMPTY;
      return this.finish(false);
    }
    throw Object.assign(new Error('socket hang up'), { code: 'ECONNRESET' });
  }

  private advance(): ParsedResponse | undefined {
    for (;;) {
      if (this.head === undefined) {
        const end = this.pending.indexOf(HEAD_END);
        if (end === -1) {
          // A head whose lines end in a bare LF (or hold a bare CR) never shows its blank line: refused
          // now, as llhttp does, rather than waited on until the time limit.
          checkLineBreaks(this.pending.toString('latin1'));
          if (this.pending.length > MAX_HEAD_BYTES) throw parseError('HPE_HEADER_OVERFLOW', 'Header overflow');
          return undefined;
        }
        if (end + 4 > MAX_HEAD_BYTES) throw parseError('HPE_HEADER_OVERFLOW', 'Header overflow');
        const head = readHead(this.pending.toString('latin1', 0, end));
        this.pending = this.pending.subarray(end + 4);
        // 101 would switch protocols: no answer this client asks for.
        if (head.status === 101) throw parseError('HPE_INVALID_STATUS', 'Unexpected 101 Switching Protocols');
        // Only 1xx is interim: llhttp takes any other three digits (even 0xx) as the final answer.
        if (head.status >= 100 && head.status < 200) continue;
        this.head = head;
        this.framing = bodyFraming(head.status, head.headers);
      }
      const framing = this.framing!;
      switch (framing.kind) {
        case 'none':
          return this.finish(this.head.persistent);
        case 'close':
          this.body.push(this.pending);
          this.pending = EMPTY;
          return undefined;
        case 'length': {
          const take = Math.min(framing.remaining, this.pending.length);
          this.body.push(this.pending.subarray(0, take));
          this.pending = this.pending.subarray(take);
          framing.remaining -= take;
          return framing.remaining === 0 ? this.finish(this.head.persistent) : undefined;
        }
        case 'chunked':
          return this.readChunks(framing) ? this.finish(this.head.persistent) : undefined;
      }
    }
  }

  /** Consumes what it can of a chunked body; true once the last chunk and trailers are read. */
  private readChunks(framing: Extract<Framing, { kind: 'chunked' }>): boolean {
    for (;;) {
      if (framing.state === 'data') {
        const take = Math.min(framing.remaining, this.pending.length);
        this.body.push(this.pending.subarray(0, take));
        this.pending = this.pending.subarray(take);
        framing.remaining -= take;
        if (framing.remaining > 0) return false;
        framing.state = 'data-end';
        continue;
      }
      const lineEnd = this.pending.indexOf(LINE_END);
      if (lineEnd === -1) {
        if (framing.state === 'trailers') {
          if (this.pending.length > MAX_HEAD_BYTES) throw parseError('HPE_HEADER_OVERFLOW', 'Header overflow');
        } else if (this.pending.length > MAX_CHUNK_LINE_BYTES) {
          throw parseError('HPE_INVALID_CHUNK_SIZE', 'Chunk size line too long');
        }
        return false;
      }
      const line = this.pending.toString('latin1', 0, lineEnd);
      this.pending = this.pending.subarray(lineEnd + 2);
      if (framing.state === 'data-end') {
        if (line !== '') throw parseError('HPE_STRICT', 'Expected CRLF after chunk');
        framing.state = 'size';
      } else if (framing.state === 'size') {
        const match = CHUNK_SIZE.exec(line);
        if (match === null) throw parseError('HPE_INVALID_CHUNK_SIZE', 'Invalid character in chunk size');
        framing.remaining = Number.parseInt(match[1]!, 16);
        framing.state = framing.remaining === 0 ? 'trailers' : 'data';
      } else {
        // Trailer fields are read past, not kept: no answer of this API carries any.
        if (line === '') return true;
      }
    }
  }

  private finish(persistent: boolean): ParsedResponse {
    const { status, headers } = this.head!;
    const body = this.body.length === 1 ? this.body[0]! : Buffer.concat(this.body);
    this.done = { status, headers, body, keepAlive: persistent && this.framing!.kind !== 'close' };
    return this.done;
  }
}

function readHead(text: string): { status: number; headers: ParsedHeaders; persistent: boolean } {
  // One pass over the whole head: CRLF line ends only, and no control character anywhere else.
  if (!HEAD_TEXT.test(text)) {
    checkLineBreaks(text);
    throw parseError('HPE_INVALID_HEADER_TOKEN', 'Invalid header value char');
  }
  const lines = text.split('\r\n');
  const statusLine = STATUS_LINE.exec(lines[0]!);
  if (statusLine === null) throw statusLineError(lines[0]!);
  const headers: ParsedHeaders = Object.create(null);
  for (let i = 1; i < lines.length; i++) {
    const line = lines[i]!;
    const colon = line.indexOf(':');
    const name = colon > 0 ? line.slice(0, colon) : '';
    if (!TOKEN.test(name)) throw parseError('HPE_INVALID_HEADER_TOKEN', 'Invalid header token');
    addHeader(headers, name.toLowerCase(), trimWhitespace(line, colon + 1));
  }
  const connection = headerTokens(headers['connection']);
  const persistent = statusLine[1] === '1' ? !connection.includes('close') : connection.includes('keep-alive');
  return { status: Number(statusLine[2]), headers, persistent };
}

/** `line` from `start`, without the spaces and tabs around the field value. */
function trimWhitespace(line: string, start: number): string {
  let end = line.length;
  while (start < end && (line.charCodeAt(start) === 32 || line.charCodeAt(start) === 9)) start++;
  while (end > start && (line.charCodeAt(end - 1) === 32 || line.charCodeAt(end - 1) === 9)) end--;
  return line.slice(start, end);
}

/** llhttp's code for a status line that is not `HTTP/1.x NNN reason`: the first part that is wrong. */
function statusLineError(line: string): Error & { code: string } {
  if (!line.startsWith('HTTP/')) return parseError('HPE_INVALID_CONSTANT', 'Expected HTTP/');
  if (!VERSION.test(line)) return parseError('HPE_INVALID_VERSION', 'Invalid HTTP version');
  return parseError('HPE_INVALID_STATUS', 'Invalid status code');
}

/** Throws llhttp's code if `head` holds an LF without its CR, or a CR followed by anything but LF. */
function checkLineBreaks(head: string): void {
  for (let lf = head.indexOf('\n'); lf !== -1; lf = head.indexOf('\n', lf + 1)) {
    if (head.charCodeAt(lf - 1) !== 13) throw parseError('HPE_CR_EXPECTED', 'Missing expected CR before LF');
  }
  // A CR that ends what has arrived may yet be followed by its LF.
  for (let cr = head.indexOf('\r'); cr !== -1 && cr + 1 < head.length; cr = head.indexOf('\r', cr + 1)) {
    if (head.charCodeAt(cr + 1) !== 10) throw parseError('HPE_LF_EXPECTED', 'Missing expected LF after CR');
  }
}

/**
 * Fields of which `node:http` keeps the first and drops repeats (its `matchKnownFields`).
 * `content-length` is not among them here: its repeats are kept joined, so that framing can refuse differing ones.
 */
const FIRST_ONLY: ReadonlySet<string> = new Set([
  'age',
  'authorization',
  'content-type',
  'etag',
  'expires',
  'from',
  'host',
  'if-modified-since',
  'if-unmodified-since',
  'last-modified',
  'location',
  'max-forwards',
  'proxy-authorization',
  'referer',
  'retry-after',
  'server',
  'user-agent',
]);

function addHeader(headers: ParsedHeaders, name: string, value: string): void {
  const previous = headers[name];
  if (name === 'set-cookie') headers[name] = previous === undefined ? [value] : [...(previous as string[]), value];
  else if (previous === undefined) headers[name] = value;
  else if (!FIRST_ONLY.has(name)) headers[name] = `${previous as string}${name === 'cookie' ? '; ' : ', '}${value}`;
}

function headerTokens(value: string | string[] | undefined): string[] {
  return typeof value === 'string' ? value.toLowerCase().split(/[ \t]*,[ \t]*/) : [];
}

/** How the body of an answer with `status` (≥ 200) and `headers` ends (RFC 9112, section 6.3). */
function bodyFraming(status: number, headers: ParsedHeaders): Framing {
  if (status === 204 || status === 304) return { kind: 'none' };
  const transferEncoding = headers['transfer-encoding'];
  const contentLength = headers['content-length'];
  if (transferEncoding !== undefined) {
    if (contentLength !== undefined) {
      // llhttp names the fault after whichever of the two came second.
      const names = Object.keys(headers);
      throw names.indexOf('content-length') < names.indexOf('transfer-encoding')
        ? parseError('HPE_INVALID_TRANSFER_ENCODING', "Transfer-Encoding can't be present with Content-Length")
        : parseError('HPE_INVALID_CONTENT_LENGTH', "Content-Length can't be present with Transfer-Encoding");
    }
    const codings = headerTokens(transferEncoding);
    if (codings[codings.length - 1] === 'chunked') return { kind: 'chunked', state: 'size', remaining: 0 };
    return { kind: 'close' };
  }
  if (contentLength !== undefined) {
    // Repeats of one value (`5, 5`) are one length; differing ones are a framing attack.
    const values = new Set(headerTokens(contentLength as string));
    const [only] = values;
    if (values.size !== 1 || !/^\d{1,15}$/.test(only!)) {
      throw parseError('HPE_INVALID_CONTENT_LENGTH', 'Invalid character in Content-Length');
    }
    const remaining = Number(only);
    return remaining === 0 ? { kind: 'none' } : { kind: 'length', remaining };
  }
  return { kind: 'close' };
}
