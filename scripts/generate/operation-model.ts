/**
 * The seven RPC operations and the webhooks as the generators need them: parameters with their
 * resolved schemas, the 200 body schema, and the error codes each operation references.
 */
import {
  child,
  deref,
  isObject,
  type Json,
  type JsonObject,
  pointer,
  refName,
  type SpecDocument,
  text,
} from './spec-document.js';

export interface ParamModel {
  name: string;
  required: boolean;
  /** `json`: the value travels as one JSON-array string (`x-acs-style: json`). */
  style: 'plain' | 'json';
  description: string;
  /** The schema as written, `$ref`s included (for the validators). */
  schema: JsonObject;
  /** The schema with a top-level `$ref` followed (for the operation table). */
  resolved: JsonObject;
  example: Json | undefined;
}

export interface ErrorModel {
  code: string;
  status: number;
  message: string;
  description: string;
  gateway: boolean;
}

export interface OperationModel {
  action: string;
  path: string;
  method: 'GET' | 'POST';
  acceptedMethods: ('GET' | 'POST')[];
  summary: string;
  description: string;
  docUrl: string;
  docLastUpdated: string;
  ramAction: string;
  qpsLimit: number;
  /** `x-acs-max-task-days`: the longest StartTime-to-EndTime span, when the operation takes both. */
  maxTaskDays: number | undefined;
  /** `x-acs-update-rules` as written (see update-rules.ts). */
  updateRules: Json | undefined;
  params: ParamModel[];
  /** `$ref` of the 200 `application/json` schema. */
  responseRef: string;
  errors: ErrorModel[];
}

export interface WebhookModel {
  name: string;
  summary: string;
  description: string;
  docUrl: string;
  docLastUpdated: string;
  /** `$ref` of the request body schema. */
  schemaRef: string;
  /** The values the body's `Event` field may take. */
  eventNames: string[];
}

const HTTP_METHODS = ['get', 'post'] as const;

export function readOperations(spec: SpecDocument): OperationModel[] {
  const paths = child(spec.root, 'paths');
  return Object.entries(paths).map(([path, item]) => {
    if (!isObject(item)) throw new Error(`${path}: not a path item`);
    const methods = HTTP_METHODS.filter((m) => isObject(item[m]));
    const [method] = methods;
    if (methods.length !== 1 || method === undefined) throw new Error(`${path}: expected exactly one operation`);
    return readOperation(spec, path, method, child(item, method));
  });
}

function readOperation(spec: SpecDocument, path: string, method: 'get' | 'post', op: JsonObject): OperationModel {
  const action = text(op, 'operationId');
  const where = `${path} ${method}`;
  if (path !== `/${action}`) throw new Error(`${where}: path must be /${action}`);
  if (op['x-acs-action'] !== action) throw new Error(`${where}: x-acs-action must equal operationId`);
  const accepted = op['x-acs-methods'];
  if (!Array.isArray(accepted) || !accepted.every((m) => m === 'GET' || m === 'POST')) {
    throw new Error(`${where}: x-acs-methods must list GET and/or POST`);
  }
  const doc = child(op, 'x-acs-doc');
  const qps = op['x-acs-qps-limit'];
  if (typeof qps !== 'number') throw new Error(`${where}: x-acs-qps-limit missing`);
  const parameters = op['parameters'];
  if (!Array.isArray(parameters)) throw new Error(`${where}: parameters missing`);
  const maxTaskDays = op['x-acs-max-task-days'];
  if (maxTaskDays !== undefined && (typeof maxTaskDays !== 'number' || !(maxTaskDays > 0))) {
    throw new Error(`${where}: x-acs-max-task-days must be a positive number`);
  }
  return {
    action,
    path,
    method: method === 'get' ? 'GET' : 'POST',
    acceptedMethods: accepted as ('GET' | 'POST')[],
    summary: text(op, 'summary'),
    description: text(op, 'description'),
    docUrl: text(doc, 'url'),
    docLastUpdated: text(doc, 'lastUpdated'),
    ramAction: text(op, 'x-acs-ram-action'),
    qpsLimit: qps,
    maxTaskDays,
    updateRules: op['x-acs-update-rules'],
    params: parameters.map((p) => readParam(spec, p, where)),
    responseRef: jsonSchemaRef(spec, child(child(op, 'responses'), '200'), where),
    errors: readErrors(spec, child(op, 'responses'), where),
  };
}

function readParam(spec: SpecDocument, node: Json, where: string): ParamModel {
  const p = deref(spec, node);
  const name = text(p, 'name');
  if (p['in'] !== 'query') throw new Error(`${where} ${name}: every parameter travels in the query`);
  const style = p['x-acs-style'] ?? 'plain';
  if (style !== 'plain' && style !== 'json') throw new Error(`${where} ${name}: bad x-acs-style`);
  const schema = child(p, 'schema');
  return {
    name,
    required: p['required'] === true,
    style,
    description: text(p, 'description'),
    schema,
    resolved: deref(spec, schema),
    example: p['example'],
  };
}

function jsonSchemaRef(spec: SpecDocument, response: JsonObject, where: string): string {
  const schema = child(child(child(deref(spec, response), 'content'), 'application/json'), 'schema');
  const ref = schema['$ref'];
  if (typeof ref !== 'string') throw new Error(`${where}: the 200 body must be a $ref to a component schema`);
  return ref;
}

function readErrors(spec: SpecDocument, responses: JsonObject, where: string): ErrorModel[] {
  const errors: ErrorModel[] = [];
  for (const [status, node] of Object.entries(responses)) {
    if (!/^[45]\d\d$/.test(status)) continue;
    const media = child(child(deref(spec, node), 'content'), 'application/json');
    for (const example of Object.values(child(media, 'examples'))) {
      const ref = isObject(example) ? example['$ref'] : undefined;
      if (typeof ref !== 'string')
        throw new Error(`${where} ${status}: error examples must be $refs to components/examples`);
      const error = readError(spec, ref);
      if (String(error.status) !== status) {
        throw new Error(`${where}: ${error.code} (HTTP ${error.status}) is listed under ${status}`);
      }
      errors.push(error);
    }
  }
  return errors;
}

/** One `components/examples/<Code>` entry as an error specification. */
export function readError(spec: SpecDocument, ref: string): ErrorModel {
  const example = pointer(spec, ref);
  const code = refName(ref);
  const value = child(example, 'value');
  if (value['Code'] !== code) throw new Error(`${ref}: value.Code must be ${code}`);
  const status = example['x-acs-http-status'];
  if (typeof status !== 'number') throw new Error(`${ref}: x-acs-http-status missing`);
  return {
    code,
    status,
    message: text(example, 'x-acs-message'),
    description: text(example, 'description'),
    gateway: example['x-acs-gateway'] === true,
  };
}

export function readAllErrors(spec: SpecDocument): ErrorModel[] {
  const examples = child(child(spec.root, 'components'), 'examples');
  return Object.keys(examples)
    .sort()
    .map((code) => readError(spec, `#/components/examples/${code}`));
}

export function readWebhooks(spec: SpecDocument): WebhookModel[] {
  const hooks = child(spec.root, 'webhooks');
  return Object.entries(hooks).map(([name, item]) => {
    if (!isObject(item)) throw new Error(`webhook ${name}: not a path item`);
    const op = child(item, 'post');
    const doc = child(op, 'x-acs-doc');
    const schema = child(child(child(child(op, 'requestBody'), 'content'), 'application/json'), 'schema');
    const schemaRef = schema['$ref'];
    if (typeof schemaRef !== 'string') throw new Error(`webhook ${name}: body must be a $ref`);
    const event = child(child(pointer(spec, schemaRef), 'properties'), 'Event');
    const eventNames = event['enum'];
    if (!Array.isArray(eventNames) || !eventNames.every((e) => typeof e === 'string')) {
      throw new Error(`webhook ${name}: Event must be a string enum`);
    }
    return {
      name,
      summary: text(op, 'summary'),
      description: text(op, 'description'),
      docUrl: text(doc, 'url'),
      docLastUpdated: text(doc, 'lastUpdated'),
      schemaRef,
      eventNames: eventNames as string[],
    };
  });
}
