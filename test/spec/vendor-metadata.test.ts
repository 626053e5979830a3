/**
 * The spec against Alibaba's API metadata: names, required flags, types, enums, bounds, wire style
 * and methods agree, or the difference is recorded in spec/decisions.md.
 */
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { parseYaml } from '@redocly/openapi-core';
import { describe, expect, it } from 'vitest';
import { type ParamModel, readOperations } from '../../scripts/generate/operation-model.js';
import { deref, isObject, type Json, type JsonObject } from '../../scripts/generate/spec-document.js';
import { repoRoot, spec } from './spec-source.js';

interface MetadataParam {
  name: string;
  style?: string;
  schema: Record<string, unknown>;
}
interface MetadataApi {
  methods: string[];
  parameters: MetadataParam[];
}
interface Difference {
  operation: string;
  parameter: string | null;
  field: string;
  spec: unknown;
  source: unknown;
}
interface DecisionRecord {
  id: string;
  kind: string;
  operation: string;
  parameter: string | null;
  field: string;
}

const metadata = JSON.parse(
  readFileSync(join(repoRoot, 'spec', 'vendor', 'live-2016-11-01-pull-to-push.json'), 'utf8'),
) as { info: { version: string; style: string }; apis: Record<string, MetadataApi> };

const decisionRecords: DecisionRecord[] = [
  ...readFileSync(join(repoRoot, 'spec', 'decisions.md'), 'utf8').matchAll(/^```yaml\n([\s\S]*?)^```$/gm),
].flatMap((block) => parseYaml(block[1] ?? '') as DecisionRecord[]);

const models = readOperations(spec);
const BOUNDS = [
  'minimum',
  'maximum',
  'minLength',
  'maxLength',
  'pattern',
  'minItems',
  'maxItems',
  'default',
  'format',
] as const;

/** Metadata numbers are strings ("60"); an empty enum means "no enumeration". */
function normalise(keyword: string, value: unknown): unknown {
  if (keyword === 'enum' && Array.isArray(value) && value.length === 0) return undefined;
  if (typeof value === 'string' && /^-?\d+$/.test(value) && keyword !== 'pattern') return Number(value);
  return value;
}

function compareParam(operation: string, meta: MetadataParam, param: ParamModel): Difference[] {
  const out: Difference[] = [];
  const push = (field: string, specValue: unknown, sourceValue: unknown) => {
    if (JSON.stringify(specValue) !== JSON.stringify(sourceValue)) {
      out.push({ operation, parameter: param.name, field, spec: specValue ?? null, source: sourceValue ?? null });
    }
  };
  const schema = param.resolved;
  push('required', param.required, meta.schema['required']);
  push('type', schema['type'], meta.schema['type']);
  push('style', param.style, meta.style ?? 'plain');
  const specEnum = schema['enum'];
  const metaEnum = normalise('enum', meta.schema['enum']);
  if (JSON.stringify(specEnum) !== JSON.stringify(metaEnum)) {
    out.push({
      operation,
      parameter: param.name,
      field: 'enum',
      spec: specEnum ?? null,
      source: meta.schema['enum'] ?? null,
    });
  }
  for (const keyword of BOUNDS) push(keyword, schema[keyword], normalise(keyword, meta.schema[keyword]));
  const items = schema['items'];
  if (isObject(items)) {
    const metaItems = meta.schema['items'] as Record<string, unknown> | undefined;
    push('items.minLength', deref(spec, items as Json)['minLength'], metaItems?.['minLength']);
  }
  return out;
}

function differences(): Difference[] {
  const out: Difference[] = [];
  for (const [operation, api] of Object.entries(metadata.apis)) {
    const model = models.find((m) => m.action === operation);
    if (model === undefined) {
      out.push({ operation, parameter: null, field: 'present', spec: null, source: true });
      continue;
    }
    const methods = api.methods.map((m) => m.toUpperCase());
    if (JSON.stringify(model.acceptedMethods) !== JSON.stringify(methods)) {
      out.push({ operation, parameter: null, field: 'methods', spec: model.acceptedMethods, source: methods });
    }
    for (const meta of api.parameters) {
      const param = model.params.find((p) => p.name === meta.name);
      if (param === undefined)
        out.push({ operation, parameter: meta.name, field: 'present', spec: null, source: true });
      else out.push(...compareParam(operation, meta, param));
    }
    for (const param of model.params) {
      if (!api.parameters.some((m) => m.name === param.name)) {
        out.push({ operation, parameter: param.name, field: 'present', spec: true, source: null });
      }
    }
  }
  return out;
}

function recorded(d: Difference, r: DecisionRecord): boolean {
  return (
    r.kind === 'metadata-difference' &&
    (r.operation === '*' || r.operation === d.operation) &&
    r.parameter === d.parameter &&
    r.field === d.field
  );
}

describe('spec/openapi.yaml against the vendor metadata', () => {
  const found = differences();

  it('covers the same seven operations, version and style', () => {
    expect(Object.keys(metadata.apis).sort()).toEqual(models.map((m) => m.action).sort());
    expect(metadata.info.version).toBe(deref(spec, spec.root['info'] as JsonObject)['version']);
    expect(metadata.info.style).toBe('RPC');
    for (const op of models) {
      const node = deref(
        spec,
        ((spec.root['paths'] as JsonObject)[op.path] as JsonObject)[op.method.toLowerCase()] as Json,
      );
      expect(node['x-acs-style']).toBe('RPC');
      expect(node['x-acs-version']).toBe(metadata.info.version);
    }
  });

  it('agrees on names, required flags, types, enums, bounds, styles and methods, or decisions.md records the difference', () => {
    const unrecorded = found.filter((d) => !decisionRecords.some((r) => recorded(d, r)));
    expect(unrecorded).toEqual([]);
  });

  it('has no stale metadata-difference records in decisions.md', () => {
    const stale = decisionRecords
      .filter((r) => r.kind === 'metadata-difference')
      .filter((r) => !found.some((d) => recorded(d, r)));
    expect(stale).toEqual([]);
  });

  it('agrees exactly on what the metadata states (parameter names, required flags, Region enum), and accepts every method it lists', () => {
    const hard = found.filter((d) => ['present', 'required', 'type', 'style'].includes(d.field));
    expect(hard).toEqual([]);
    // D-21: the spec may accept more methods than the metadata lists, never fewer.
    const refusedMethods = found.filter(
      (d) => d.field === 'methods' && !(d.source as string[]).every((m) => (d.spec as string[]).includes(m)),
    );
    expect(refusedMethods).toEqual([]);
    expect(found.filter((d) => d.parameter === 'Region')).toEqual([]);
  });

  it('decision records are well formed', () => {
    expect(decisionRecords.length).toBeGreaterThan(0);
    for (const r of decisionRecords) {
      expect(r.id).toMatch(/^D-\d{2}$/);
      expect(['metadata-difference', 'doc-difference']).toContain(r.kind);
      expect(typeof r.operation).toBe('string');
      expect('parameter' in r && 'spec' in r && 'source' in r).toBe(true);
    }
  });
});
