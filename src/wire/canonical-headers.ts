/** A header map as Node's `IncomingHttpHeaders` or a plain object gives it; names in any case. */
export type HeaderMap = Readonly<Record<string, string | readonly string[] | undefined>>;

/** The V3 `CanonicalHeaders` block and the matching `SignedHeaders` list. */
export interface CanonicalHeaders {
  /** `name:value\n` per header, names lower-case and sorted; so the block ends with `\n`. */
  readonly canonicalHeaders: string;
  /** The lower-case names joined with `;`. */
  readonly signedHeaders: string;
}

/** Whether the official cores sign a header: `host`, `content-type` and every `x-acs-*`. */
export function isSignedByDefault(lowerCaseName: string): boolean {
  return lowerCaseName.startsWith('x-acs-') || lowerCaseName === 'host' || lowerCaseName === 'content-type';
}

/**
 * Builds the V3 canonical headers. Without `names`, signs what the official cores sign
 * ({@link isSignedByDefault}); with `names` (a verifier replaying the client's `SignedHeaders`),
 * exactly those lower-case names in the given order, a missing one counting as empty.
 *
 * Values are trimmed; several values for one name (repeated, or spelled in different cases) are
 * sorted and joined with `,`, as the official cores do.
 */
export function canonicalHeaders(headers: HeaderMap, names?: readonly string[]): CanonicalHeaders {
  const simple = names === undefined ? defaultFromSimpleMap(headers) : namedFromLowerCaseMap(headers, names);
  if (simple !== undefined) return simple;
  const values = collect(headers, names === undefined ? isSignedByDefault : undefined);
  const selected = names ?? Object.keys(values).sort();
  let block = '';
  for (const name of selected) {
    const value = values[name];
    block += `${name}:${value === undefined ? '' : typeof value === 'string' ? value : value.sort().join(',')}\n`;
  }
  return { canonicalHeaders: block, signedHeaders: selected.join(';') };
}

/**
 * The common case on the signing path: single string values under names already lower-case, so no
 * name can repeat and nothing needs merging; one sort and one string. `undefined` when the map
 * needs the general path.
 */
function defaultFromSimpleMap(headers: HeaderMap): CanonicalHeaders | undefined {
  const names: string[] = [];
  for (const name of Object.keys(headers)) {
    const value = headers[name];
    if (value === undefined) continue;
    if (typeof value !== 'string' || name !== name.toLowerCase()) return undefined;
    if (isSignedByDefault(name)) names.push(name);
  }
  names.sort();
  let block = '';
  for (const name of names) block += `${name}:${(headers[name] as string).trim()}\n`;
  return { canonicalHeaders: block, signedHeaders: names.join(';') };
}

/**
 * The verifier's case: a map whose names are all lower-case already (Node's `IncomingMessage.headers`),
 * so each listed name is one lookup and the headers nobody signed are neither copied nor trimmed.
 * `undefined` when some name has upper-case letters and values may need merging.
 */
function namedFromLowerCaseMap(headers: HeaderMap, names: readonly string[]): CanonicalHeaders | undefined {
  for (const name of Object.keys(headers)) {
    if (name !== name.toLowerCase()) return undefined;
  }
  let block = '';
  for (const name of names) {
    const value = headers[name];
    block += `${name}:${
      value === undefined
        ? ''
        : typeof value === 'string'
          ? value.trim()
          : (value as readonly string[])
              .map((v) => v.trim())
              .sort()
              .join(',')
    }\n`;
  }
  return { canonicalHeaders: block, signedHeaders: names.join(';') };
}

/** Lower-cased name -> trimmed value, or a list when several values share the name. */
function collect(
  headers: HeaderMap,
  include: ((lowerCaseName: string) => boolean) | undefined,
): Record<string, string | string[]> {
  const out: Record<string, string | string[]> = Object.create(null);
  for (const name of Object.keys(headers)) {
    const raw = headers[name];
    if (raw === undefined) continue;
    const lower = name.toLowerCase();
    if (include !== undefined && !include(lower)) continue;
    if (typeof raw === 'string') {
      add(out, lower, raw.trim());
    } else {
      for (const value of raw as readonly string[]) add(out, lower, value.trim());
    }
  }
  return out;
}

function add(out: Record<string, string | string[]>, name: string, value: string): void {
  const existing = out[name];
  if (existing === undefined) out[name] = value;
  else if (typeof existing === 'string') out[name] = [existing, value];
  else existing.push(value);
}
