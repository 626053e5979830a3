/**
 * generated/validators.js (+ .d.ts): Ajv 2020-12 standalone validators for the request parameters,
 * the 200 bodies, the error body and the callback events, compiled in strict mode. The output
 * carries its own run-time helpers (./validator-runtime.ts), so it imports nothing.
 */
import { Ajv2020, Name } from 'ajv/dist/2020.js';
import standaloneModule from 'ajv/dist/standalone/index.js';
import formatsModule from 'ajv-formats';
import { GENERATED_HEADER } from './header.js';
import type { OperationModel, WebhookModel } from './operation-model.js';
import { child, isObject, type Json, type JsonObject, refName, type SpecDocument } from './spec-document.js';
import { RUNTIME_FORMAT_NAMES, RUNTIME_FORMATS, withRuntime } from './validator-runtime.js';

// Under NodeNext these CommonJS modules expose their function as `.default` of the namespace.
const addFormats = formatsModule.default;
const standaloneCode = standaloneModule.default;

const SCHEMA_ID = 'urn:live-relay:schemas:';
const REQUEST_ID = 'urn:live-relay:requests:';
const LIVE_EVENT_ID = 'urn:live-relay:events:LiveEvent';

/** OpenAPI annotations that are not JSON Schema 2020-12 keywords; strict Ajv must be told of them. */
const OPENAPI_VOCABULARY = ['example', 'xml', 'externalDocs', 'discriminator'];

export interface RenderedValidators {
  js: string;
  dts: string;
}

export function renderValidators(
  spec: SpecDocument,
  operations: readonly OperationModel[],
  webhooks: readonly WebhookModel[],
): RenderedValidators {
  const ajv = new Ajv2020({
    strict: true,
    allErrors: true,
    code: { source: true, esm: true, lines: true, formats: new Name(RUNTIME_FORMATS) },
  });
  addFormats(ajv, [...RUNTIME_FORMAT_NAMES]);
  const schemas = child(child(spec.root, 'components'), 'schemas');
  // Vendor extensions in schemas (`x-acs-…`) are data for the other generators, not assertions.
  ajv.addVocabulary([...OPENAPI_VOCABULARY, ...extensionKeys(schemas)]);

  for (const [name, schema] of Object.entries(schemas)) {
    ajv.addSchema({ ...(rewriteRefs(schema) as JsonObject), $id: SCHEMA_ID + name });
  }
  for (const op of operations) ajv.addSchema(requestSchema(op));
  ajv.addSchema({
    $id: LIVE_EVENT_ID,
    anyOf: webhooks.map((w) => ({ $ref: SCHEMA_ID + refName(w.schemaRef) })),
  });

  const exportsById: Record<string, string> = {};
  for (const op of operations) {
    exportsById[`validate${op.action}Request`] = REQUEST_ID + op.action;
    exportsById[`validate${op.action}Response`] = SCHEMA_ID + refName(op.responseRef);
  }
  for (const w of webhooks) exportsById[`validate${w.name}Event`] = SCHEMA_ID + refName(w.schemaRef);
  exportsById['validateErrorBody'] = `${SCHEMA_ID}Error`;
  exportsById['validateLiveEvent'] = LIVE_EVENT_ID;

  const compiled = standaloneCode(ajv, exportsById);
  const js = [
    GENERATED_HEADER,
    withRuntime(compiled.replace(/^"use strict";/, '').trim()),
    '',
    table(
      'requestValidators',
      operations.map((op) => [op.action, `validate${op.action}Request`]),
    ),
    table(
      'responseValidators',
      operations.map((op) => [op.action, `validate${op.action}Response`]),
    ),
    table(
      'eventValidators',
      webhooks.map((w) => [w.name, `validate${w.name}Event`]),
    ),
  ].join('\n');
  return { js, dts: renderDeclarations(operations, webhooks) };
}

/** The typed parameter object of one operation: every query parameter, nothing else. */
function requestSchema(op: OperationModel): JsonObject {
  const properties: JsonObject = {};
  for (const p of op.params) properties[p.name] = rewriteRefs(p.schema);
  return {
    $id: REQUEST_ID + op.action,
    type: 'object',
    additionalProperties: false,
    required: op.params.filter((p) => p.required).map((p) => p.name),
    properties,
  };
}

function rewriteRefs(node: Json): Json {
  if (Array.isArray(node)) return node.map(rewriteRefs);
  if (!isObject(node)) return node;
  const out: JsonObject = {};
  for (const [key, value] of Object.entries(node)) {
    if (key === '$ref' && typeof value === 'string') {
      if (!value.startsWith('#/components/schemas/')) throw new Error(`unexpected schema $ref ${value}`);
      out[key] = SCHEMA_ID + refName(value);
    } else {
      out[key] = rewriteRefs(value);
    }
  }
  return out;
}

function table(name: string, entries: readonly (readonly [string, string])[]): string {
  const body = entries.map(([key, fn]) => `  ${key}: ${fn},`).join('\n');
  return `export const ${name} = Object.freeze({\n${body}\n});\n`;
}

function renderDeclarations(operations: readonly OperationModel[], webhooks: readonly WebhookModel[]): string {
  const lines = [
    GENERATED_HEADER,
    "import type { components, operations } from './api.js';",
    "import type { OperationName } from './operations.js';",
    '',
    '/** One schema violation, as Ajv reports it. */',
    'export interface SchemaIssue {',
    '  instancePath: string;',
    '  keyword: string;',
    '  message?: string;',
    '  params: Record<string, unknown>;',
    '}',
    '',
    '/** A compiled schema: a type guard that leaves its violations (all of them) in `errors`. */',
    'export interface Validator<T> {',
    '  (data: unknown): data is T;',
    '  errors?: SchemaIssue[] | null;',
    '}',
    '',
    '/** The typed request parameters of an operation (SourceUrls as an array, integers as numbers). */',
    "export type RequestParams<Op extends OperationName> = NonNullable<operations[Op]['parameters']['query']>;",
    '/** The 200 body of an operation. */',
    "export type ResponseBody<Op extends OperationName> = operations[Op]['responses'][200]['content']['application/json'];",
    '/** A task callback event body. */',
    'export type LiveEvent = ' +
      webhooks.map((w) => `components['schemas']['${refName(w.schemaRef)}']`).join(' | ') +
      ';',
    '',
  ];
  for (const op of operations) {
    lines.push(`export declare const validate${op.action}Request: Validator<RequestParams<'${op.action}'>>;`);
    lines.push(`export declare const validate${op.action}Response: Validator<ResponseBody<'${op.action}'>>;`);
  }
  for (const w of webhooks) {
    lines.push(
      `export declare const validate${w.name}Event: Validator<components['schemas']['${refName(w.schemaRef)}']>;`,
    );
  }
  lines.push(
    '',
    '/** Request parameter validators; unknown parameters are rejected. */',
    'export declare const requestValidators: Readonly<{ [Op in OperationName]: Validator<RequestParams<Op>> }>;',
    '/** 200 body validators; unknown fields are allowed. */',
    'export declare const responseValidators: Readonly<{ [Op in OperationName]: Validator<ResponseBody<Op>> }>;',
    '/** The shared 4xx/5xx body. */',
    "export declare const validateErrorBody: Validator<components['schemas']['Error']>;",
    '/** Callback body validators by webhook name. */',
    'export declare const eventValidators: Readonly<{',
    ...webhooks.map((w) => `  ${w.name}: Validator<components['schemas']['${refName(w.schemaRef)}']>;`),
    '}>;',
    '/** Any callback event body. */',
    'export declare const validateLiveEvent: Validator<LiveEvent>;',
    '',
  );
  return lines.join('\n');
}

/** Every `x-` key at any depth of `node`, sorted. */
function extensionKeys(node: Json, into = new Set<string>()): string[] {
  if (Array.isArray(node)) for (const item of node) extensionKeys(item, into);
  else if (isObject(node)) {
    for (const [key, value] of Object.entries(node)) {
      if (key.startsWith('x-')) into.add(key);
      else extensionKeys(value, into);
    }
  }
  return [...into].sort();
}
