/**
 * generated/operations.js (+ .d.ts): the operation table the client, emulator and CLI read instead
 * of restating names, methods, parameters, limits and error codes.
 */
import { GENERATED_HEADER } from './header.js';
import type { ErrorModel, OperationModel, ParamModel, WebhookModel } from './operation-model.js';
import { child, isObject, type Json, type JsonObject, type SpecDocument, text } from './spec-document.js';
import { readUpdateRules, UPDATE_OUTCOMES, UPDATE_TIMINGS } from './update-rules.js';

/** Schema keywords copied into ParamSpec when present, in this order. */
const PARAM_KEYWORDS = [
  'enum',
  'format',
  'default',
  'minimum',
  'maximum',
  'minLength',
  'maxLength',
  'pattern',
  'minItems',
  'maxItems',
] as const;

/** Vendor extensions copied into ParamSpec under a plain name. */
const PARAM_EXTENSIONS = {
  'x-acs-max-items-by-source-type': 'maxItemsBySourceType',
  'x-acs-protocols-by-source-type': 'protocolsBySourceType',
} as const;

export interface RenderedOperationTable {
  js: string;
  dts: string;
}

export function renderOperationTable(
  spec: SpecDocument,
  operations: readonly OperationModel[],
  errors: readonly ErrorModel[],
  webhooks: readonly WebhookModel[],
): RenderedOperationTable {
  const info = child(spec.root, 'info');
  const version = text(info, 'version');
  const qps = info['x-acs-qps-limit'];
  if (typeof qps !== 'number') throw new Error('info.x-acs-qps-limit missing');
  for (const op of operations) {
    if (op.qpsLimit !== qps) throw new Error(`${op.action}: x-acs-qps-limit differs from info`);
  }

  const table: JsonObject = {};
  for (const op of operations) table[op.action] = operationSpec(op);
  const codes: JsonObject = {};
  for (const e of errors) codes[e.code] = errorSpec(e);
  const hooks: JsonObject = {};
  for (const w of webhooks) {
    hooks[w.name] = {
      name: w.name,
      summary: w.summary,
      description: w.description,
      docUrl: w.docUrl,
      docLastUpdated: w.docLastUpdated,
      eventNames: w.eventNames,
    };
  }
  const enums = schemaEnums(spec);
  const updating = operations.filter((op) => op.updateRules !== undefined);
  const [update] = updating;
  if (updating.length !== 1 || update === undefined) throw new Error('exactly one operation needs x-acs-update-rules');
  const statuses = enums['TaskStatus'];
  if (statuses === undefined) throw new Error('components/schemas/TaskStatus must be an enumeration');
  const rules = readUpdateRules(update, update.updateRules, new Set(update.errors.map((e) => e.code)), statuses);
  const names = enumNames(spec);

  const js = [
    GENERATED_HEADER,
    `export const API_VERSION = ${literal(version)};`,
    `export const QPS_LIMIT_PER_ACCOUNT = ${qps};`,
    '',
    'function deepFreeze(value) {',
    "  if (typeof value === 'object' && value !== null && !Object.isFrozen(value)) {",
    '    Object.freeze(value);',
    // for…in, not Object.values: no array per object, which a short CLI run would allocate by the thousand.
    '    for (const key in value) deepFreeze(value[key]);',
    '  }',
    '  return value;',
    '}',
    '',
    `export const operations = deepFreeze(${literal(table)});`,
    '',
    `export const operationNames = deepFreeze(${literal(operations.map((op) => op.action))});`,
    '',
    `export const errorCodes = deepFreeze(${literal(codes)});`,
    '',
    `export const webhooks = deepFreeze(${literal(hooks)});`,
    '',
    `export const webhookNames = deepFreeze(${literal(webhooks.map((w) => w.name))});`,
    '',
    `export const schemaEnums = deepFreeze(${literal(enums)});`,
    '',
    `export const schemaEnumNames = deepFreeze(${literal(names)});`,
    '',
    `export const updateRules = deepFreeze(${literal({ action: update.action, ...rules })});`,
    '',
  ].join('\n');

  return { js, dts: renderDeclarations(version, qps, operations, webhooks, enums, names, rules) };
}

function operationSpec(op: OperationModel): JsonObject {
  return {
    action: op.action,
    path: op.path,
    method: op.method,
    acceptedMethods: op.acceptedMethods,
    summary: op.summary,
    description: op.description,
    docUrl: op.docUrl,
    docLastUpdated: op.docLastUpdated,
    ramAction: op.ramAction,
    ...(op.maxTaskDays === undefined ? {} : { maxTaskDays: op.maxTaskDays }),
    params: op.params.map(paramSpec),
    errors: op.errors.map(errorSpec),
  };
}

function paramSpec(p: ParamModel): JsonObject {
  const type = p.resolved['type'];
  if (type !== 'string' && type !== 'integer' && type !== 'array') {
    throw new Error(`${p.name}: unsupported parameter type ${JSON.stringify(type)}`);
  }
  const spec: JsonObject = {
    name: p.name,
    type,
    required: p.required,
    style: p.style,
    description: p.description,
  };
  for (const keyword of PARAM_KEYWORDS) {
    const value = p.resolved[keyword];
    if (value !== undefined) spec[keyword] = value;
  }
  for (const [extension, key] of Object.entries(PARAM_EXTENSIONS)) {
    const value = p.resolved[extension];
    if (value !== undefined) spec[key] = value;
  }
  if (p.example !== undefined) spec['example'] = p.example;
  return spec;
}

function errorSpec(e: ErrorModel): JsonObject {
  return { code: e.code, status: e.status, message: e.message, description: e.description, gateway: e.gateway };
}

/** Every enumerated component schema, for code that needs the values at run time. */
function schemaEnums(spec: SpecDocument): Record<string, Json[]> {
  const out: Record<string, Json[]> = {};
  const schemas = child(child(spec.root, 'components'), 'schemas');
  for (const name of Object.keys(schemas).sort()) {
    const schema = schemas[name];
    if (isObject(schema) && Array.isArray(schema['enum'])) out[name] = schema['enum'];
  }
  return out;
}

/**
 * `x-enum-varnames` of the enumerated component schemas: a name for each value, in the enum's
 * order, as name → value (e.g. TaskStatus `Running` → 1), so code names values without restating them.
 */
function enumNames(spec: SpecDocument): Record<string, JsonObject> {
  const out: Record<string, JsonObject> = {};
  const schemas = child(child(spec.root, 'components'), 'schemas');
  for (const name of Object.keys(schemas).sort()) {
    const schema = schemas[name];
    if (!isObject(schema) || schema['x-enum-varnames'] === undefined) continue;
    const values = schema['enum'];
    const labels = schema['x-enum-varnames'];
    const where = `components/schemas/${name} x-enum-varnames`;
    if (!Array.isArray(values) || !Array.isArray(labels) || labels.length !== values.length)
      throw new Error(`${where}: one name per enum value`);
    if (
      !labels.every((l) => typeof l === 'string' && /^[A-Z][A-Za-z0-9]*$/.test(l)) ||
      new Set(labels).size !== labels.length
    )
      throw new Error(`${where}: names must be distinct PascalCase identifiers`);
    out[name] = Object.fromEntries(labels.map((label, i) => [label as string, values[i] as Json]));
  }
  return out;
}

function literal(value: Json): string {
  return JSON.stringify(value, null, 2);
}

function union(values: readonly Json[]): string {
  return values.map((v) => JSON.stringify(v).replaceAll('"', "'")).join(' | ');
}

function renderDeclarations(
  version: string,
  qps: number,
  operations: readonly OperationModel[],
  webhooks: readonly WebhookModel[],
  enums: Record<string, Json[]>,
  enumLabels: Record<string, JsonObject>,
  rules: JsonObject,
): string {
  const phases = (rules['phases'] as JsonObject[]).map((p) => p['name'] as string);
  const updatable = Object.keys(rules['params'] as JsonObject);
  const names = operations.map((op) => op.action);
  return [
    GENERATED_HEADER,
    `/** The API version every request carries (\`Version\` / \`x-acs-version\`). */`,
    `export declare const API_VERSION: '${version}';`,
    "/** Calls per second per account, for each operation (the spec's `x-acs-qps-limit`). */",
    `export declare const QPS_LIMIT_PER_ACCOUNT: ${qps};`,
    '',
    `export type OperationName =\n  | ${names.map((n) => `'${n}'`).join('\n  | ')};`,
    '',
    '/** One request parameter. */',
    'export interface ParamSpec {',
    "  /** Vendor spelling, e.g. 'SourceUrls'. */",
    '  name: string;',
    "  type: 'string' | 'integer' | 'array';",
    '  required: boolean;',
    "  /** 'json': the value travels as one JSON-array string. */",
    "  style: 'plain' | 'json';",
    '  /** Markdown from the spec. */',
    '  description: string;',
    '  enum?: readonly string[];',
    '  format?: string;',
    '  /** The value the service assumes when the parameter is absent. */',
    '  default?: unknown;',
    '  minimum?: number;',
    '  maximum?: number;',
    '  minLength?: number;',
    '  maxLength?: number;',
    '  pattern?: string;',
    '  minItems?: number;',
    '  maxItems?: number;',
    '  /** Most entries per SourceType (`x-acs-max-items-by-source-type`). */',
    '  maxItemsBySourceType?: Readonly<Record<string, number>>;',
    '  /** The source protocols each SourceType supports (`x-acs-protocols-by-source-type`). */',
    '  protocolsBySourceType?: Readonly<Record<string, readonly string[]>>;',
    '  example?: unknown;',
    '}',
    '',
    "/** One error code: its HTTP status, the vendor's literal message (may contain `%s`), and whether the gateway returns it. */",
    'export interface ErrorSpec {',
    '  code: string;',
    '  status: number;',
    '  message: string;',
    '  description: string;',
    '  gateway: boolean;',
    '}',
    '',
    'export interface OperationSpec {',
    "  /** Also the operationId and the path key '/<action>'. */",
    '  action: OperationName;',
    "  /** Synthetic, e.g. '/UpdateLivePullToPush'; the wire path is always '/'. */",
    '  path: string;',
    '  /** What the official Live SDK sends. */',
    "  method: 'GET' | 'POST';",
    '  /** What the service accepts. */',
    "  acceptedMethods: readonly ('GET' | 'POST')[];",
    '  summary: string;',
    '  description: string;',
    '  docUrl: string;',
    "  /** The vendor page's \"Last Updated\" date (YYYY-MM-DD, YYYY-MM, or 'unknown'). */",
    '  docLastUpdated: string;',
    '  ramAction: string;',
    '  /** The longest StartTime-to-EndTime span in days (`x-acs-max-task-days`), when the operation takes both. */',
    '  maxTaskDays?: number;',
    '  params: readonly ParamSpec[];',
    '  /** Operation-specific codes and the shared gateway codes. */',
    '  errors: readonly ErrorSpec[];',
    '}',
    '',
    'export declare const operations: Readonly<Record<OperationName, OperationSpec>>;',
    'export declare const operationNames: readonly OperationName[];',
    '/** Every error code in the spec. */',
    'export declare const errorCodes: Readonly<Record<string, ErrorSpec>>;',
    '',
    `export type WebhookName = ${union(webhooks.map((w) => w.name))};`,
    '/** One task callback event. */',
    'export interface WebhookSpec {',
    '  name: WebhookName;',
    '  summary: string;',
    '  description: string;',
    '  docUrl: string;',
    '  docLastUpdated: string;',
    "  /** The values the body's `Event` field may take. */",
    '  eventNames: readonly string[];',
    '}',
    'export declare const webhooks: Readonly<Record<WebhookName, WebhookSpec>>;',
    'export declare const webhookNames: readonly WebhookName[];',
    '',
    '/** The values of every enumerated schema in `components/schemas`. */',
    'export declare const schemaEnums: {',
    ...Object.entries(enums).map(([name, values]) => `  readonly ${name}: readonly (${union(values)})[];`),
    '};',
    '/** A name for each value of the enumerated schemas that give them (`x-enum-varnames`). */',
    'export declare const schemaEnumNames: {',
    ...Object.entries(enumLabels).map(
      ([name, pairs]) =>
        `  readonly ${name}: { ${Object.entries(pairs)
          .map(([label, value]) => `readonly ${label}: ${JSON.stringify(value)};`)
          .join(' ')} };`,
    ),
    '};',
    '',
    '/** When an accepted Update change takes effect. */',
    `export type UpdateTiming = ${union([...UPDATE_TIMINGS])};`,
    "/** A cell of the Update table: a timing, accepted without effect, or refused with the phase's code. */",
    `export type UpdateOutcome = ${union([...UPDATE_OUTCOMES])};`,
    `export type UpdatePhase = ${union(phases)};`,
    '/** Update parameters that can change the task (every parameter but the identifying ones). */',
    `export type UpdatableParam = ${union(updatable)};`,
    'export interface UpdatePhaseSpec {',
    '  name: UpdatePhase;',
    '  /** The TaskStatus values in this phase. */',
    `  statuses: readonly (${union(enums['TaskStatus'] ?? [])})[];`,
    '  title: string;',
    '  /** The error code of a refused parameter. */',
    '  refusal: string;',
    "  /** 'task': one refusal for the whole call; 'parameter': one per refused parameter. */",
    "  refusalScope: 'parameter' | 'task';",
    '}',
    '/** The Update-by-state table (`x-acs-update-rules` of the spec). */',
    'export interface UpdateRulesSpec {',
    '  action: OperationName;',
    '  phases: readonly UpdatePhaseSpec[];',
    '  /** Parameters that name the task and the endpoint; sending them changes nothing. */',
    '  identifying: readonly string[];',
    "  /** Parameters that count as a change only when they differ from the task's value. */",
    '  unchangedWhenEqual: readonly UpdatableParam[];',
    '  /** The row a parameter the spec does not list gets. */',
    '  unlisted: Readonly<Record<UpdatePhase, UpdateOutcome>>;',
    '  /** One row per updatable parameter, in parameter order. */',
    '  params: Readonly<Record<UpdatableParam, Readonly<Record<UpdatePhase, UpdateOutcome>>>>;',
    '}',
    'export declare const updateRules: UpdateRulesSpec;',
    '',
  ].join('\n');
}
