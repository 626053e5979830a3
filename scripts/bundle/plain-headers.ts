/**
 * What openapi-fetch's `mergeHeaders` needs of `Headers` (construct, `set`, `append`, `delete`,
 * `entries`), as a plain map of lower-cased names. The bundles give it to openapi-fetch in place of
 * the global WHATWG class, whose first use loads undici; see `scripts/bundle.ts` for why that is safe.
 */
export class PlainHeaders {
  readonly #values = new Map<string, string>();

  get(name: string): string | null {
    return this.#values.get(name.toLowerCase()) ?? null;
  }

  has(name: string): boolean {
    return this.#values.has(name.toLowerCase());
  }

  set(name: string, value: unknown): void {
    this.#values.set(name.toLowerCase(), String(value));
  }

  append(name: string, value: unknown): void {
    const key = name.toLowerCase();
    const previous = this.#values.get(key);
    this.#values.set(key, previous === undefined ? String(value) : `${previous}, ${String(value)}`);
  }

  delete(name: string): void {
    this.#values.delete(name.toLowerCase());
  }

  entries(): IterableIterator<[string, string]> {
    return this.#values.entries();
  }

  [Symbol.iterator](): IterableIterator<[string, string]> {
    return this.#values.entries();
  }
}
