import type { HttpMethod, OperationDoc, ParamDoc } from './doc-model.js';
import { normaliseType } from './doc-model.js';

/**
 * Reads Alibaba Cloud's machine-readable API metadata ("api-docs": `{ info, apis: { <Action>:
 * { methods, parameters } } }`). It is request-side only: parameters with type, required flag,
 * enumeration, bounds and wire style, plus the HTTP methods each action accepts.
 *
 * Quirks it smooths over: `required` sits inside `schema`; `enum: []` means "no enumeration";
 * bounds are strings (`"60"`); methods are lower case.
 */
export interface VendorMetadata {
  /** `info.product` and `info.version`, e.g. `live` / `2016-11-01`. */
  readonly product: string;
  readonly version: string;
  readonly operations: readonly (OperationDoc & Required<Pick<OperationDoc, 'params' | 'methods'>>)[];
}

/** Thrown when the JSON is not vendor metadata; the message names the offending path. */
export class VendorMetadataError extends Error {
  override readonly name = 'VendorMetadataError';
}

/** Parses the metadata JSON text. */
export function readVendorMetadata(json: string): VendorMetadata {
  const root = asObject(JSON.parse(json), '$');
  const info = asObject(root['info'], '$.info');
  const apis = asObject(root['apis'], '$.apis');
  return {
    product: String(info['product'] ?? ''),
    version: String(info['version'] ?? ''),
    operations: Object.entries(apis).map(([action, api]) => readApi(action, asObject(api, `$.apis.${action}`))),
  };
}

function readApi(action: string, api: Record<string, unknown>): VendorMetadata['operations'][number] {
  const path = `$.apis.${action}`;
  const methods = asArray(api['methods'], `${path}.methods`).map((m, i) => method(m, `${path}.methods[${i}]`));
  const params = asArray(api['parameters'], `${path}.parameters`).map((p, i) =>
    readParam(asObject(p, `${path}.parameters[${i}]`), `${path}.parameters[${i}]`),
  );
  return { action, methods, params };
}

function readParam(param: Record<string, unknown>, path: string): ParamDoc {
  const name = param['name'];
  if (typeof name !== 'string') throw new VendorMetadataError(`${path}.name is not a string`);
  const schema = asObject(param['schema'] ?? {}, `${path}.schema`);
  const type = normaliseType(stringOrUndefined(schema['type']));
  const items = schema['items'] === undefined ? undefined : asObject(schema['items'], `${path}.schema.items`);
  const itemType = normaliseType(stringOrUndefined(items?.['type']));
  const values = Array.isArray(schema['enum']) ? schema['enum'].map(String) : [];
  const minimum = bound(schema['minimum'], `${path}.schema.minimum`);
  const maximum = bound(schema['maximum'], `${path}.schema.maximum`);
  return {
    name,
    ...optional('type', type),
    ...optional('itemType', itemType),
    required: schema['required'] === true,
    ...(values.length > 0 ? { enum: values } : {}),
    ...optional('minimum', minimum),
    ...optional('maximum', maximum),
    style: param['style'] === 'json' ? 'json' : 'plain',
  };
}

function optional<K extends string, V>(key: K, value: V | undefined): { [P in K]?: V } {
  return (value === undefined ? {} : { [key]: value }) as { [P in K]?: V };
}

function method(value: unknown, path: string): HttpMethod {
  const upper = String(value).toUpperCase();
  if (upper !== 'GET' && upper !== 'POST')
    throw new VendorMetadataError(`${path}: unsupported method ${String(value)}`);
  return upper;
}

function bound(value: unknown, path: string): number | undefined {
  if (value === undefined || value === '') return undefined;
  const n = Number(value);
  if (!Number.isFinite(n)) throw new VendorMetadataError(`${path} is not a number: ${String(value)}`);
  return n;
}

function stringOrUndefined(value: unknown): string | undefined {
  return typeof value === 'string' ? value : undefined;
}

function asObject(value: unknown, path: string): Record<string, unknown> {
  if (typeof value !== 'object' || value === null || Array.isArray(value)) {
    throw new VendorMetadataError(`${path} is not an object`);
  }
  return value as Record<string, unknown>;
}

function asArray(value: unknown, path: string): unknown[] {
  if (!Array.isArray(value)) throw new VendorMetadataError(`${path} is not an array`);
  return value;
}
