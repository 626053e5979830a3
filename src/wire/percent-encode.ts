/**
 * Alibaba's RFC 3986 percent-encoding, shared by the V1 and V3 signatures.
 *
 * UTF-8 bytes; only `A-Z a-z 0-9 - _ . ~` stay as they are; every other byte becomes `%XY` with
 * upper-case hex. So space is `%20` (never `+`), `*` is `%2A`, `~` stays `~`, `/` is `%2F`.
 */

const UNRESERVED = new Uint8Array(128);
for (const c of 'ABCDEFGHIJKLMNOPQRSTUVWXYZabcdefghijklmnopqrstuvwxyz0123456789-_.~') {
  UNRESERVED[c.charCodeAt(0)] = 1;
}

const ESCAPED: readonly string[] = Array.from(
  { length: 256 },
  (_, byte) => `%${byte.toString(16).toUpperCase().padStart(2, '0')}`,
);

/** Percent-encodes one name or value the way both signature versions canonicalize it. */
export function percentEncode(value: string): string {
  const length = value.length;
  let i = 0;
  // Most names and many values (ids, regions, enums) need no escaping: return them unchanged.
  while (i < length) {
    const c = value.charCodeAt(i);
    if (c >= 128 || UNRESERVED[c] === 0) break;
    i++;
  }
  return i === length ? value : encodeFrom(value, i);
}

function encodeFrom(value: string, start: number): string {
  const length = value.length;
  let out = '';
  // Unreserved characters are copied in runs, one slice per run, not one concatenation per character.
  let run = 0;
  for (let i = start; i < length; i++) {
    let c = value.charCodeAt(i);
    if (c < 128 && UNRESERVED[c] === 1) continue;
    if (run < i) out += value.slice(run, i);
    if (c < 128) {
      out += ESCAPED[c];
    } else if (c < 0x800) {
      out += ESCAPED[0xc0 | (c >> 6)]! + ESCAPED[0x80 | (c & 0x3f)]!;
    } else {
      const next = i + 1 < length ? value.charCodeAt(i + 1) : 0;
      if (c >= 0xd800 && c <= 0xdbff && next >= 0xdc00 && next <= 0xdfff) {
        c = 0x10000 + ((c - 0xd800) << 10) + (next - 0xdc00);
        i++;
        out +=
          ESCAPED[0xf0 | (c >> 18)]! +
          ESCAPED[0x80 | ((c >> 12) & 0x3f)]! +
          ESCAPED[0x80 | ((c >> 6) & 0x3f)]! +
          ESCAPED[0x80 | (c & 0x3f)]!;
      } else {
        // A lone surrogate has no UTF-8 form; encode U+FFFD as Buffer, fetch and TextEncoder do.
        if (c >= 0xd800 && c <= 0xdfff) c = 0xfffd;
        out += ESCAPED[0xe0 | (c >> 12)]! + ESCAPED[0x80 | ((c >> 6) & 0x3f)]! + ESCAPED[0x80 | (c & 0x3f)]!;
      }
    }
    run = i + 1;
  }
  return run < length ? out + value.slice(run) : out;
}
