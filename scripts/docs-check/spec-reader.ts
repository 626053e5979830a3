import { bundleSpec } from '../docs/bundle-spec.js';
import type {
  ErrorDoc,
  FieldDoc,
  HttpMethod,
  OperationDoc,
  OperationProse,
  ParamDoc,
  ParamProse,
  UpdateRows,
  ValueType,
} from './doc-model.js';
import { normaliseType } from './doc-model.js';

/** Our spec's operations in the shape of the vendor documents, everything stated. */
export type SpecOperation = Required<Omit<OperationDoc, 'lastUpdated'>> &
  Pick<OperationDoc, 'lastUpdated'> & {
    /** The Update-by-state rows of `x-acs-update-rules`, unlisted parameters resolved. */
    readonly updateRows?: UpdateRows;
  };

/** Loads `spec/openapi.yaml`, fully dereferenced, and reads its operations. */
export async function loadSpecOperations(specPath: string): Promise<SpecOperation[]> {
  return specOperations(await bundleSpec(specPath, { dereferenced: true }));
}

type Node = Record<string, unknown>;

const METHODS = ['get', 'post'] as const;

/**
 * Reads the operations of a dereferenced OpenAPI document. Our conventions: the action is
 * `x-acs-action` (else the operationId); accepted methods are `x-acs-methods` (else the path
 * item's method); a JSON-encoded parameter has `x-acs-style: json`; each error is a named example
 * of a 4xx/5xx response whose `value.Code` is the code and `x-acs-message` the vendor's message.
 */
export function specOperations(document: unknown): SpecOperation[] {
  const operations: SpecOperation[] = [];
  for (const item of Object.values(node(node(document)['paths']))) {
    for (const method of METHODS) {
      const operation = node(item)[method];
      if (operation !== undefined) operations.push(readOperation(node(operation), method));
    }
  }
  return operations;
}

function readOperation(operation: Node, method: (typeof METHODS)[number]): SpecOperation {
  const action = String(operation['x-acs-action'] ?? operation['operationId']);
  const methods = Array.isArray(operation['x-acs-methods'])
    ? operation['x-acs-methods'].map((m) => String(m).toUpperCase() as HttpMethod)
    : [method.toUpperCase() as HttpMethod];
  const lastUpdated = node(operation['x-acs-doc'])['lastUpdated'];
  const responses = node(operation['responses']);
  const query = list(operation['parameters'])
    .map(node)
    .filter((p) => p['in'] === 'query');
  const updateRows = readUpdateRows(operation['x-acs-update-rules'], query);
  return {
    action,
    methods,
    params: query.map(readParam),
    prose: readSpecProse(operation, query),
    ...(updateRows === undefined ? {} : { updateRows }),
    responseFields: readFields(jsonSchema(node(responses['200']))),
    errors: readErrors(responses),
    ...(typeof lastUpdated === 'string' ? { lastUpdated } : {}),
  };
}

function readParam(param: Node): ParamDoc {
  const content = node(node(param['content'])['application/json']);
  const encodedAsJson = param['x-acs-style'] === 'json' || param['content'] !== undefined;
  const schema = node(param['schema'] ?? content['schema']);
  const type = schemaType(schema);
  const itemType = schemaType(node(schema['items']));
  const values = Array.isArray(schema['enum']) ? schema['enum'].map(String) : [];
  return {
    name: String(param['name']),
    ...(type === undefined ? {} : { type }),
    ...(itemType === undefined ? {} : { itemType }),
    required: param['required'] === true,
    ...(values.length > 0 ? { enum: values } : {}),
    ...(typeof schema['minimum'] === 'number' ? { minimum: schema['minimum'] } : {}),
    ...(typeof schema['maximum'] === 'number' ? { maximum: schema['maximum'] } : {}),
    style: encodedAsJson ? 'json' : 'plain',
  };
}

/** What the spec says of the rules a page states in prose, in the page's shape. */
function readSpecProse(operation: Node, query: readonly Node[]): OperationProse {
  const qps = operation['x-acs-qps-limit'];
  const days = operation['x-acs-max-task-days'];
  const params: Record<string, ParamProse> = {};
  for (const param of query) {
    const schema = node(param['schema']);
    const number = (key: string) => (typeof schema[key] === 'number' ? { [key]: { value: schema[key] } } : {});
    const counts = node(schema['x-acs-max-items-by-source-type']);
    const protocols = node(schema['x-acs-protocols-by-source-type']);
    params[String(param['name'])] = {
      ...number('maxLength'),
      ...number('minimum'),
      ...(typeof schema['default'] === 'number' || typeof schema['default'] === 'string'
        ? { default: { value: schema['default'] } }
        : {}),
      ...(typeof days === 'number' ? { maxTaskDays: { value: days } } : {}),
      maxItemsBySourceType: Object.fromEntries(Object.entries(counts).map(([type, n]) => [type, { value: Number(n) }])),
      protocolsBySourceType: Object.fromEntries(
        Object.entries(protocols).map(([type, names]) => [type, { value: list(names).map(String) }]),
      ),
    };
  }
  return { ...(typeof qps === 'number' ? { qpsLimit: { value: qps } } : {}), stateRules: [], params };
}

/** `x-acs-update-rules` as param → phase → outcome for every non-identifying parameter. */
function readUpdateRows(rules: unknown, query: readonly Node[]): UpdateRows | undefined {
  if (rules === undefined) return undefined;
  const table = node(rules);
  const identifying = list(table['identifying']).map(String);
  const listed = node(table['params']);
  const rows: Record<string, Record<string, string>> = {};
  for (const param of query) {
    const name = String(param['name']);
    if (identifying.includes(name)) continue;
    rows[name] = Object.fromEntries(
      Object.entries(node(listed[name] ?? table['unlisted'])).map(([phase, outcome]) => [phase, String(outcome)]),
    );
  }
  return rows;
}

/** `type`, or the first non-null entry of a 3.1 type list; `allOf` parts count too. */
function schemaType(schema: Node): ValueType | undefined {
  const declared = schema['type'];
  const name = Array.isArray(declared) ? declared.find((t) => t !== 'null') : declared;
  if (typeof name === 'string') return normaliseType(name);
  for (const part of list(schema['allOf'])) {
    const type = schemaType(node(part));
    if (type !== undefined) return type;
  }
  return schema['properties'] === undefined ? undefined : 'object';
}

function jsonSchema(response: Node): Node {
  return node(node(node(response['content'])['application/json'])['schema']);
}

/** Every property name at any depth (through `allOf`/`oneOf`/`anyOf` and array items), first type wins. */
function readFields(schema: Node, into = new Map<string, FieldDoc>(), seen = new Set<Node>()): FieldDoc[] {
  if (seen.has(schema)) return [...into.values()];
  seen.add(schema);
  for (const [name, property] of Object.entries(node(schema['properties']))) {
    const type = schemaType(node(property));
    if (!into.has(name)) into.set(name, type === undefined ? { name } : { name, type });
    readFields(node(property), into, seen);
  }
  for (const key of ['allOf', 'oneOf', 'anyOf'])
    for (const part of list(schema[key])) readFields(node(part), into, seen);
  if (schema['items'] !== undefined) readFields(node(schema['items']), into, seen);
  return [...into.values()];
}

function readErrors(responses: Node): ErrorDoc[] {
  const errors: ErrorDoc[] = [];
  for (const [status, response] of Object.entries(responses)) {
    if (!/^[45]\d\d$/.test(status)) continue;
    const examples = node(node(node(node(response)['content'])['application/json'])['examples']);
    for (const [name, example] of Object.entries(examples)) {
      const { value, 'x-acs-message': message, 'x-acs-gateway': gateway } = node(example);
      const code = node(value)['Code'];
      errors.push({
        code: typeof code === 'string' ? code : name,
        status: Number(status),
        ...(typeof message === 'string' ? { message } : {}),
        ...(gateway === true ? { gateway } : {}),
      });
    }
  }
  return errors;
}

function node(value: unknown): Node {
  return typeof value === 'object' && value !== null && !Array.isArray(value) ? (value as Node) : {};
}

function list(value: unknown): unknown[] {
  return Array.isArray(value) ? value : [];
}
