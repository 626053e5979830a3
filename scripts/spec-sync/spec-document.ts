import { type Document, isMap, isScalar, isSeq, parseDocument, type YAMLMap, type YAMLSeq } from 'yaml';

/**
 * spec/openapi.yaml as an editable YAML document (the `yaml` package's Document API): edits
 * change nodes in place, so comments, key order, quoting and the layout of everything untouched
 * survive `toString()` byte for byte.
 */
export class EditableSpec {
  readonly document: Document;

  constructor(text: string) {
    this.document = parseDocument(text);
    if (this.document.errors.length > 0) throw new Error(`not valid YAML: ${this.document.errors[0]?.message ?? ''}`);
  }

  /** The text, formatted as the file was: no line folding, `[GET, POST]` without inner padding. */
  toString(): string {
    return this.document.toString({ lineWidth: 0, flowCollectionPadding: false, singleQuote: true });
  }

  /** The operation whose operationId is `action` (under `paths`, any method). */
  operation(action: string): YAMLMap {
    const paths = this.map(['paths']);
    for (const item of paths.items) {
      if (!isMap(item.value)) continue;
      for (const method of item.value.items) {
        if (isMap(method.value) && method.value.get('operationId') === action) return method.value;
      }
    }
    throw new Error(`operation ${action} not found in the spec`);
  }

  /** The mapping at `path` from the root; throws when it is missing or not a mapping. */
  map(path: readonly (string | number)[]): YAMLMap {
    const node = this.document.getIn(path, true);
    if (!isMap(node)) throw new Error(`${path.join('/')}: not a mapping in the spec`);
    return node;
  }

  /** The mapping a local `$ref` points to. */
  resolve(ref: string): YAMLMap {
    if (!ref.startsWith('#/')) throw new Error(`only local $refs are supported: ${ref}`);
    return this.map(ref.slice(2).split('/').map(unescapePointer));
  }

  /** An operation's `parameters` list. */
  parameters(action: string): YAMLSeq {
    const list = this.operation(action).get('parameters', true);
    if (!isSeq(list)) throw new Error(`${action}: parameters is not a list`);
    return list;
  }

  /** The parameter's own mapping (a `$ref`ed parameter resolved) and its index, or undefined. */
  parameter(action: string, name: string): { index: number; param: YAMLMap } | undefined {
    const list = this.parameters(action);
    for (const [index, item] of list.items.entries()) {
      if (!isMap(item)) continue;
      const param = this.followRef(item);
      if (param.get('name') === name) return { index, param };
    }
    return undefined;
  }

  /** Parameter names in list order. */
  parameterNames(action: string): string[] {
    return this.parameters(action).items.flatMap((item) => {
      if (!isMap(item)) return [];
      const name = this.followRef(item).get('name');
      return typeof name === 'string' ? [name] : [];
    });
  }

  /**
   * Where a parameter's schema keywords live: its own `schema`, or the component schema that
   * `schema.$ref` names (then shared with every parameter that uses it; `shared` says which).
   */
  schemaOf(param: YAMLMap): { schema: YAMLMap; shared?: string } {
    const schema = param.get('schema', true);
    if (!isMap(schema)) throw new Error(`parameter ${String(param.get('name'))}: no schema`);
    const ref = schema.get('$ref');
    return typeof ref === 'string' ? { schema: this.resolve(ref), shared: ref } : { schema };
  }

  /** A mapping with a `$ref` replaced by its target; anything else as it is. */
  followRef(node: YAMLMap): YAMLMap {
    const ref = node.get('$ref');
    return typeof ref === 'string' ? this.resolve(ref) : node;
  }

  /** Sets `key` to a new node made from `value`; a list becomes a flow list (`[a, b]`) when `flow`. */
  set(map: YAMLMap, key: string, value: unknown, options: { flow?: boolean } = {}): void {
    const node = this.document.createNode(value);
    if (options.flow === true && isSeq(node)) node.flow = true;
    map.set(key, node);
  }

  /** Replaces the items of the list at `key` in place, keeping its style, or sets a new flow list. */
  setList(map: YAMLMap, key: string, values: readonly (string | number)[]): void {
    const current = map.get(key, true);
    if (isSeq(current)) {
      current.items = values.map((v) => this.document.createNode(v));
      return;
    }
    this.set(map, key, [...values], { flow: true });
  }

  /** A scalar value at `key` of `map`, or undefined. */
  scalar(map: YAMLMap, key: string): unknown {
    const node = map.get(key, true);
    return isScalar(node) ? node.value : undefined;
  }
}

const unescapePointer = (segment: string): string => segment.replaceAll('~1', '/').replaceAll('~0', '~');
