import { errorCodes, type OperationSpec, type ParamSpec } from '../../../generated/operations.js';
import { requestValidators, type SchemaIssue } from '../../../generated/validators.js';
import { schemaIssues } from '../../validation/schema-issues.js';
import { fromWireParams } from '../../wire/rpc-params.js';
import { invalidParameter, type Refusal, refuse } from './refusal.js';

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
export function validateParams(
  op: OperationSpec,
  wire: Readonly<Record<string, string>>,
): Record<string, unknown> | Refusal {
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
  return fromSchemaIssues(op, validate.errors ?? [], defined, params);
}

function fromSchemaIssues(
  op: OperationSpec,
  errors: readonly SchemaIssue[],
  defined: ReadonlyMap<string, ParamSpec>,
  params: Readonly<Record<string, unknown>>,
): Refusal {
  for (const error of errors) {
    if (error.keyword !== 'required') continue;
    const name = String(error.params['missingProperty']);
    const code = `Missing${name}`;
    return Object.hasOwn(errorCodes, code) ? refuse(code) : refuse('MissingParameter', name);
  }
  // The client words its LiveValidationError with the same function, so both sides say the same.
  const issues = schemaIssues(op.action, errors);
  const first = issues[0];
  if (first === undefined) return invalidParameter('request', 'the parameters break the schema');
  const messages = issues.map((issue) => jsonStyleHint(defined.get(issue.param), params) ?? issue.message);
  return invalidParameter(first.param, [...new Set(messages)].join('; '));
}

/** A json-style array sent as a string that is not a JSON array: say what the wire form must be. */
function jsonStyleHint(spec: ParamSpec | undefined, params: Readonly<Record<string, unknown>>): string | undefined {
  if (spec?.style !== 'json' || typeof params[spec.name] !== 'string') return undefined;
  return `${spec.name} must be a JSON array of strings, e.g. ["rtmp://example.com/app/stream"], or sent as ${spec.name}.1, ${spec.name}.2, …`;
}
