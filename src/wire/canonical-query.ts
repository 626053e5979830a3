import { percentEncode } from './percent-encode.js';

/**
 * The canonical query string of both signature versions: names sorted, then
 * `percentEncode(name)=percentEncode(value)` joined with `&`. An empty value still gives `name=`.
 *
 * The result is also a valid URL query string or form body for the same parameters.
 */
export function canonicalQuery(params: Readonly<Record<string, string>>): string {
  // Default sort compares UTF-16 code units, which is byte order for the ASCII names the API uses
  // and exactly what the official JavaScript cores do.
  const names = Object.keys(params).sort();
  let out = '';
  for (let i = 0; i < names.length; i++) {
    const name = names[i]!;
    if (i > 0) out += '&';
    out += `${percentEncode(name)}=${percentEncode(params[name]!)}`;
  }
  return out;
}
