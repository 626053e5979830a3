/**
 * Loading spec/openapi.yaml and following its local `$ref`s. The generator reads only the parts of
 * OpenAPI 3.1 this spec uses, so the types below are deliberately narrow.
 */
import { readFileSync } from 'node:fs';
import { parseYaml } from '@redocly/openapi-core';

export type Json = null | boolean | number | string | Json[] | { [key: string]: Json };
export type JsonObject = { [key: string]: Json };

export interface SpecDocument {
  readonly path: string;
  readonly root: JsonObject;
}

export function loadSpec(path: string): SpecDocument {
  const root = parseYaml(readFileSync(path, 'utf8')) as unknown;
  if (!isObject(root)) throw new Error(`${path}: not a YAML mapping`);
  return { path, root };
}

export function isObject(value: unknown): value is JsonObject {
  return typeof value === 'object' && value !== null && !Array.isArray(value);
}

/** The object at a local JSON pointer such as `#/components/schemas/Region`. */
export function pointer(spec: SpecDocument, ref: string): JsonObject {
  if (!ref.startsWith('#/')) throw new Error(`only local $refs are supported: ${ref}`);
  let node: Json = spec.root;
  for (const raw of ref.slice(2).split('/')) {
    const key = raw.replaceAll('~1', '/').replaceAll('~0', '~');
    if (!isObject(node) || !(key in node)) throw new Error(`unresolved $ref ${ref}`);
    node = node[key] as Json;
  }
  if (!isObject(node)) throw new Error(`$ref ${ref} does not point to an object`);
  return node;
}

/** Follows `$ref` chains until a non-reference object is reached. */
export function deref(spec: SpecDocument, node: Json | undefined): JsonObject {
  let current = node;
  for (let hops = 0; hops < 16; hops++) {
    if (!isObject(current)) throw new Error(`expected an object, got ${JSON.stringify(current)}`);
    const ref = current['$ref'];
    if (typeof ref !== 'string') return current;
    current = pointer(spec, ref);
  }
  throw new Error('$ref chain too long');
}

/** The last segment of a `$ref`, e.g. `Region` for `#/components/schemas/Region`. */
export function refName(ref: string): string {
  return ref.slice(ref.lastIndexOf('/') + 1);
}

export function child(node: JsonObject, key: string): JsonObject {
  const value = node[key];
  if (!isObject(value)) throw new Error(`missing object "${key}"`);
  return value;
}

export function text(node: JsonObject, key: string): string {
  const value = node[key];
  if (typeof value !== 'string') throw new Error(`missing string "${key}"`);
  return value.trimEnd();
}
