import { apiCompare } from 'api-smart-diff';

/** One change between two versions of the spec, as a user of the generated client sees it. */
export interface SpecChange {
  /** The operationId, webhook name, or `API` for document-wide changes. */
  readonly where: string;
  /** What changed, in words, e.g. "query parameter `Offset` removed". */
  readonly what: string;
  readonly breaking: boolean;
}

type Node = Record<string, unknown>;
const METHODS = ['get', 'post', 'put', 'patch', 'delete'];

/** Keys whose changes only touch the documentation. */
const ANNOTATION_KEYS = new Set(['description', 'summary', 'example', 'examples', 'x-acs-doc', 'tags', 'title']);

/**
 * The changes from `before` to `after` (parsed OpenAPI documents). api-smart-diff does the
 * comparison (it follows `$ref`s and classifies JSON Schema and OpenAPI changes); on top of it,
 * rules for this API: a parameter's changed type is breaking (the generated types change),
 * vendor extensions are compared here (the Update-by-state table, limits per SourceType, the
 * time window, the QPS limit, accepted methods), changes under `components` are reported where
 * an operation uses them, and documentation-only changes are counted, not listed.
 */
export function specChanges(before: unknown, after: unknown): { changes: SpecChange[]; documentation: number } {
  const changes: SpecChange[] = [];
  let documentation = 0;
  const { diffs } = apiCompare(before, after);
  for (const diff of diffs) {
    const path = diff.path.map(String);
    if (path[0] === 'components' || path.some((key) => key.startsWith('x-'))) continue;
    if (diff.type === 'annotation' || path.some((key) => ANNOTATION_KEYS.has(key))) {
      documentation += 1;
      continue;
    }
    const located = locate(
      path,
      diff.action === 'add' ? after : before,
      after,
      diff.action === 'add' ? diff.after : diff.before,
    );
    const typeChange = path.at(-1) === 'type' && path.includes('parameters');
    changes.push({
      where: located.where,
      what: `${located.subject}${describe(diff.action, located.rest, diff.before, diff.after)}`,
      breaking: diff.type === 'breaking' || typeChange,
    });
  }
  changes.push(...extensionChanges(node(before), node(after)));
  return { changes: dedupe(changes), documentation };
}

/** The operation (or webhook) a diff path lies in, the parameter it names, and the rest of the path. */
function locate(path: readonly string[], document: unknown, fallback: unknown, value: unknown) {
  const [root, item, method, ...rest] = path;
  if ((root !== 'paths' && root !== 'webhooks') || item === undefined || method === undefined) {
    return { where: 'API', subject: '', rest: path };
  }
  const operation = node(node(node(document)[root])[item])[method];
  const where = String(
    node(operation)['operationId'] ?? node(node(node(node(fallback)[root])[item])[method])['operationId'] ?? item,
  );
  if (rest[0] === 'parameters' && rest[1] !== undefined) {
    // A whole parameter added or removed is named by its own value: array indices are the diff's, not the document's.
    const whole = rest.length === 2 ? resolved(document, node(value)) : {};
    const param =
      whole['name'] !== undefined
        ? whole
        : resolved(document, node(list(node(operation)['parameters'])[Number(rest[1])]));
    return { where, subject: `query parameter \`${String(param['name'] ?? rest[1])}\``, rest: rest.slice(2) };
  }
  return { where, subject: '', rest };
}

function describe(action: string, rest: readonly string[], before: unknown, after: unknown): string {
  const at = rest.filter((key) => !/^\d+$/.test(key) && key !== 'schema').join('.');
  const label = at === '' ? '' : ` ${at}`;
  const lead = (text: string) => (text.startsWith(' ') ? text : ` ${text}`);
  if (action === 'add') return lead(`${label.trim() === '' ? 'added' : `${label.trim()} ${show(after)} added`}`);
  if (action === 'remove')
    return lead(`${label.trim() === '' ? 'removed' : `${label.trim()} ${show(before)} removed`}`);
  return lead(`${label.trim()} ${show(before)} → ${show(after)}`);
}

function show(value: unknown): string {
  if (value === undefined) return '';
  if (typeof value === 'object' && value !== null && 'name' in value) return `\`${String((value as Node)['name'])}\``;
  const text = JSON.stringify(value);
  return `\`${text.length > 60 ? `${text.slice(0, 57)}…` : text}\``;
}

/**
 * Changes of this API's vendor extensions, judged for a client user: a phase that stops
 * accepting a parameter, a smaller limit, a dropped protocol or method, a lower QPS limit are
 * breaking; the opposite directions are not.
 */
function extensionChanges(before: Node, after: Node): SpecChange[] {
  const changes: SpecChange[] = [];
  const beforeOps = operations(before);
  for (const [action, op] of operations(after)) {
    const old = beforeOps.get(action);
    if (old === undefined) continue;
    const add = (what: string, breaking: boolean) => changes.push({ where: action, what, breaking });
    const methodsBefore = list(old['x-acs-methods']).map(String);
    const methodsAfter = list(op['x-acs-methods']).map(String);
    for (const m of methodsBefore) if (!methodsAfter.includes(m)) add(`HTTP method ${m} no longer accepted`, true);
    for (const m of methodsAfter) if (!methodsBefore.includes(m)) add(`HTTP method ${m} accepted`, false);
    for (const key of ['x-acs-max-task-days', 'x-acs-qps-limit']) {
      const [was, now] = [old[key], op[key]];
      if (typeof was === 'number' && typeof now === 'number' && was !== now) add(`${key} ${was} → ${now}`, now < was);
      else if (was === undefined && typeof now === 'number')
        add(`${key} ${now} (a limit now stated in the spec)`, true);
      else if (typeof was === 'number' && now === undefined) add(`${key} ${was} removed`, false);
    }
    changes.push(...updateRuleChanges(action, node(old['x-acs-update-rules']), node(op['x-acs-update-rules'])));
    const paramsBefore = new Map(list(old['parameters']).map((p) => resolvedParam(before, p)));
    for (const [name, param] of list(op['parameters']).map((p) => resolvedParam(after, p))) {
      const was = paramsBefore.get(name);
      if (was === undefined) continue;
      const schemaAfter = resolved(after, node(param['schema']));
      const schemaBefore = resolved(before, node(was['schema']));
      const countsAfter = node(schemaAfter['x-acs-max-items-by-source-type']);
      const countsBefore = node(schemaBefore['x-acs-max-items-by-source-type']);
      for (const [type, n] of Object.entries(countsAfter)) {
        const m = countsBefore[type];
        if (m === undefined && typeof n === 'number') {
          const what = `query parameter \`${name}\`: at most ${n} ${n === 1 ? 'entry' : 'entries'} for ${type} (a limit now stated in the spec)`;
          changes.push({ where: action, what, breaking: true });
        } else if (typeof m === 'number' && typeof n === 'number' && m !== n) {
          changes.push({
            where: action,
            what: `query parameter \`${name}\`: most entries for ${type} ${m} → ${n}`,
            breaking: n < m,
          });
        }
      }
      const protocolsAfter = node(schemaAfter['x-acs-protocols-by-source-type']);
      const protocolsBefore = node(schemaBefore['x-acs-protocols-by-source-type']);
      for (const [type, names] of Object.entries(protocolsAfter)) {
        if (protocolsBefore[type] !== undefined) continue;
        const what = `query parameter \`${name}\`: ${type} supports only ${list(names).map(String).join(', ')} (a limit now stated in the spec)`;
        changes.push({ where: action, what, breaking: true });
      }
      for (const [type, names] of Object.entries(protocolsBefore)) {
        const now = list(protocolsAfter[type]).map(String);
        for (const p of list(names).map(String)) {
          if (!now.includes(p))
            changes.push({
              where: action,
              what: `query parameter \`${name}\`: ${type} no longer supports ${p}`,
              breaking: true,
            });
        }
        for (const p of now) {
          if (!list(names).map(String).includes(p))
            changes.push({
              where: action,
              what: `query parameter \`${name}\`: ${type} supports ${p}`,
              breaking: false,
            });
        }
      }
    }
  }
  return changes;
}

const ACCEPTING = (outcome: unknown): boolean => outcome !== undefined && outcome !== 'refused';

/** Each cell of the Update-by-state table that changed; accepted → refused is breaking. */
function updateRuleChanges(action: string, before: Node, after: Node): SpecChange[] {
  if (Object.keys(after).length === 0 || Object.keys(before).length === 0) {
    if (Object.keys(after).length > 0)
      return [{ where: action, what: 'task-state table (x-acs-update-rules) added', breaking: false }];
    return [];
  }
  const rows = (table: Node) => {
    const listed = node(table['params']);
    return (name: string) => node(listed[name] ?? table['unlisted']);
  };
  const [rowBefore, rowAfter] = [rows(before), rows(after)];
  const names = new Set([...Object.keys(node(before['params'])), ...Object.keys(node(after['params']))]);
  const changes: SpecChange[] = [];
  for (const name of names) {
    const [was, now] = [rowBefore(name), rowAfter(name)];
    for (const phase of new Set([...Object.keys(was), ...Object.keys(now)])) {
      if (was[phase] === now[phase]) continue;
      changes.push({
        where: action,
        what: `task state ${phase}, \`${name}\`: ${String(was[phase] ?? 'none')} → ${String(now[phase] ?? 'none')}`,
        breaking: ACCEPTING(was[phase]) && !ACCEPTING(now[phase]),
      });
    }
  }
  return changes;
}

function operations(document: Node): Map<string, Node> {
  const found = new Map<string, Node>();
  for (const item of Object.values(node(document['paths']))) {
    for (const method of METHODS) {
      const op = node(node(item)[method]);
      if (typeof op['operationId'] === 'string') found.set(op['operationId'], op);
    }
  }
  return found;
}

function resolvedParam(document: unknown, param: unknown): [string, Node] {
  const p = resolved(document, node(param));
  return [String(p['name']), p];
}

/** A `#/…` reference followed (chains too). */
function resolved(document: unknown, value: Node): Node {
  let current = value;
  for (let hops = 0; hops < 16 && typeof current['$ref'] === 'string'; hops++) {
    const ref = current['$ref'] as string;
    current = ref
      .slice(2)
      .split('/')
      .reduce<Node>((at, key) => node(at[key.replaceAll('~1', '/').replaceAll('~0', '~')]), node(document));
  }
  return current;
}

/** Shared components make the same change appear once per operation that uses them; keep one. */
function dedupe(changes: readonly SpecChange[]): SpecChange[] {
  const seen = new Set<string>();
  return changes.filter((c) => {
    const key = `${c.where}|${c.what}|${c.breaking}`;
    if (seen.has(key)) return false;
    seen.add(key);
    return true;
  });
}

function node(value: unknown): Node {
  return typeof value === 'object' && value !== null && !Array.isArray(value) ? (value as Node) : {};
}

function list(value: unknown): unknown[] {
  return Array.isArray(value) ? value : [];
}
