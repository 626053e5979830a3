/**
 * `application/x-www-form-urlencoded` parsing for the gateway: the URL query and a form body use
 * the same syntax. One pass, no regular expressions; values without `%` or `+` are sliced, not
 * decoded.
 */

/** Decoded parameters by name; a null-prototype object, so a parameter named `__proto__` is plain data. */
export type FormParams = Record<string, string>;

/** Why a query string or form body was refused. */
export interface FormSyntaxIssue {
  /** The parameter concerned, as decoded as far as possible. */
  readonly name: string;
  /** A sentence fragment saying what is wrong, e.g. `is given more than once`. */
  readonly rule: string;
}

/** Outcome of {@link parseFormInto}: `undefined` when every pair was taken. */
export type FormParseResult = FormSyntaxIssue | undefined;

/** A fresh, empty parameter map. */
export function emptyFormParams(): FormParams {
  return Object.create(null) as FormParams;
}

/**
 * Adds the pairs of `text` to `into`. `+` means space and `%XY` is a UTF-8 byte, as in HTML forms
 * and `URLSearchParams`. Refuses a malformed escape (the signer and the server would disagree on
 * the value) and a name that is already present (the V1 canonical string could not say which value
 * was signed). Empty segments (`a=1&&b=2`) are skipped; a pair without `=` has the value `''`.
 */
export function parseFormInto(text: string, into: FormParams): FormParseResult {
  const length = text.length;
  let start = 0;
  while (start <= length) {
    let end = text.indexOf('&', start);
    if (end === -1) end = length;
    if (end > start) {
      const eq = text.indexOf('=', start);
      const hasValue = eq !== -1 && eq < end;
      const rawName = text.slice(start, hasValue ? eq : end);
      const name = decodeComponent(rawName);
      if (name === undefined) return { name: rawName, rule: 'has a malformed percent-encoded name' };
      const value = hasValue ? decodeComponent(text.slice(eq + 1, end)) : '';
      if (value === undefined) return { name, rule: 'has a malformed percent-encoded value' };
      if (name in into) return { name, rule: 'is given more than once' };
      into[name] = value;
    }
    start = end + 1;
  }
  return undefined;
}

/** Form decoding of one name or value; `undefined` for a bad `%` escape or invalid UTF-8. */
function decodeComponent(raw: string): string | undefined {
  let needsWork = false;
  for (let i = 0; i < raw.length; i++) {
    const c = raw.charCodeAt(i);
    if (c === 37 /* % */ || c === 43 /* + */) {
      needsWork = true;
      break;
    }
  }
  if (!needsWork) return raw;
  try {
    return decodeURIComponent(raw.replaceAll('+', ' '));
  } catch {
    return undefined;
  }
}
