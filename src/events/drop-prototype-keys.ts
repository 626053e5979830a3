/** Keys that, copied onto an object by assignment (`Object.assign`, `obj[key] = …`), reach its prototype. */
const PROTOTYPE_KEYS: ReadonlySet<string> = new Set(['__proto__', 'constructor', 'prototype']);

/** How deep a pre-parsed body may nest before it is refused: far beyond any task event. */
const MAX_DEPTH = 64;

/**
 * `JSON.parse` reviver that drops {@link PROTOTYPE_KEYS} at every depth. `JSON.parse` makes an own
 * `__proto__` property; once spread into the event, `Object.assign({}, event)` would set the
 * copy's prototype to a value the sender chose.
 */
export function dropPrototypeKey(key: string, value: unknown): unknown {
  return PROTOTYPE_KEYS.has(key) ? undefined : value;
}

/**
 * A copy of an already-parsed JSON value without {@link PROTOTYPE_KEYS}, at every depth (a
 * framework's JSON middleware may have kept them).
 * @throws RangeError when the value nests deeper than 64 levels (or is cyclic)
 */
export function withoutPrototypeKeys(value: unknown, depth = 0): unknown {
  if (typeof value !== 'object' || value === null) return value;
  if (depth > MAX_DEPTH) throw new RangeError(`nests deeper than ${MAX_DEPTH} levels`);
  if (Array.isArray(value)) return value.map((item) => withoutPrototypeKeys(item, depth + 1));
  const copy: Record<string, unknown> = {};
  for (const [key, inner] of Object.entries(value)) {
    if (!PROTOTYPE_KEYS.has(key)) copy[key] = withoutPrototypeKeys(inner, depth + 1);
  }
  return copy;
}
