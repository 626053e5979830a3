import { errorCodes, type OperationSpec, type ParamSpec } from '../../../generated/operations.js';
import { requestValidators, type SchemaIssue } from '../../../generated/validators.js';
import { fromWireParams } from '../../wire/rpc-params.js';
import { invalidParameter, refuse, type Refusal } from './refusal.js';

const paramNamesByAction = new Map<string, ReadonlyMap<string, ParamSpec>>();

function paramsOf(op: OperationSpec): ReadonlyMap<string, ParamSpec> {
  let names = paramNamesByAction.get(op.action);
  if (names === undefined) {
    names = new Map(op.params.map((p) => [p.name, p]));
    paramNamesByAction.set(op.action, names);
  }
  return names;
}

/**
 * Turns the operation's wire parameters (strings, envelope already removed) into the typed,
 * schema-valid object the task service takes. Parameters the operation does not define are
 * dropped, as the real gateway ignores them. A missing required parameter gives its
 * `Missing<Name>` code (or `MissingParameter`); any other violation gives `InvalidParameter`
 * naming each parameter and the rule it breaks.
 */
export function validateParams(op: OperationSpec, wire: Readonly<Record<string, string>>): Record<string, unknown> | Refusal {
  const defined = paramsOf(op);
  const decoded = fromWireParams(op, wire);
  const params = decoded.params;
  for (const name of Object.keys(params)) {
    if (!defined.has(name)) delete params[name];
  }
  if (decoded.issues.length > 0) {
    const detail = decoded.issues.map((issue) => issue.message).join('; ');
    return invalidParameter(decoded.issues[0]!.param, detail);
  }
  const validate = requestValidators[op.action];
  if (validate(params)) return params;
  return fromSchemaIssues(validate.errors ?? [], defined, params);
}

function fromSchemaIssues(
  issues: readonly SchemaIssue[],
  defined: ReadonlyMap<string, ParamSpec>,
  params: Readonly<Record<string, unknown>>,
): Refusal {
  for (const issue of issues) {
    if (issue.keyword !== 'required') continue;
    const name = String(issue.params['missingProperty']);
    const code = `Missing${name}`;
    return Object.hasOwn(errorCodes, code) ? refuse(code) : refuse('MissingParameter', name);
  }
  const described: string[] = [];
  let first: string | undefined;
  for (const issue of issues) {
    // `if`/`then` wrappers only repeat what the nested issue already says.
    if (issue.keyword === 'if') continue;
    const name = paramName(issue.instancePath);
    first ??= name;
    described.push(`${name} ${rule(issue, defined.get(topLevel(issue.instancePath)), params)}`);
  }
  if (first === undefined) return invalidParameter('request', 'the parameters break the schema');
  return invalidParameter(first, [...new Set(described)].join('; '));
}

/** `/SourceUrls/0` -> `SourceUrls[0]`; `` -> `request`. */
function paramName(instancePath: string): string {
  if (instancePath === '') return 'request';
  const [head, ...rest] = instancePath.slice(1).split('/');
  return head + rest.map((segment) => `[${segment}]`).join('');
}

function topLevel(instancePath: string): string {
  const end = instancePath.indexOf('/', 1);
  return end === -1 ? instancePath.slice(1) : instancePath.slice(1, end);
}

/** Ajv's message, made specific where it is vague. */
function rule(issue: SchemaIssue, spec: ParamSpec | undefined, params: Readonly<Record<string, unknown>>): string {
  if (issue.keyword === 'enum' && Array.isArray(issue.params['allowedValues'])) {
    return `must be one of ${(issue.params['allowedValues'] as unknown[]).join(', ')}`;
  }
  if (issue.keyword === 'type' && spec?.style === 'json' && typeof params[spec.name] === 'string') {
    return `must be a JSON array of strings, e.g. ["rtmp://example.com/app/stream"], or sent as ${spec.name}.1, ${spec.name}.2, …`;
  }
  return issue.message ?? `breaks the ${issue.keyword} rule`;
}
