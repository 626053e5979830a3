import { describe, expect, it } from 'vitest';
import type { Aspect } from '../../scripts/docs-check/compare.js';
import { compare } from '../../scripts/docs-check/compare.js';
import type { OperationDoc } from '../../scripts/docs-check/doc-model.js';
import type { SpecOperation } from '../../scripts/docs-check/spec-reader.js';
import { specOperations } from '../../scripts/docs-check/spec-reader.js';

/** A dereferenced document in our spec's conventions, small enough to read. */
const DOCUMENT = {
  paths: {
    '/StopTask': {
      get: {
        operationId: 'StopTask',
        'x-acs-action': 'StopTask',
        'x-acs-methods': ['get'],
        'x-acs-doc': { lastUpdated: '2025-05-13' },
        parameters: [
          { name: 'TaskId', in: 'query', required: true, schema: { type: 'string' } },
          { name: 'Region', in: 'query', required: true, schema: { type: 'string', enum: ['a', 'b'] } },
          { name: 'Urls', in: 'query', 'x-acs-style': 'json', schema: { type: 'array', items: { type: 'string' } } },
          { name: 'Size', in: 'query', schema: { type: 'integer', format: 'int32', minimum: 1, maximum: 100 } },
          { name: 'x-acs-trace', in: 'header', schema: { type: 'string' } },
        ],
        responses: {
          '200': {
            content: {
              'application/json': {
                schema: {
                  allOf: [
                    { type: 'object', properties: { RequestId: { type: 'string' } } },
                    {
                      type: 'object',
                      properties: { Info: { type: 'object', properties: { Name: { type: 'string' } } } },
                    },
                  ],
                },
              },
            },
          },
          '400': {
            content: {
              'application/json': {
                examples: {
                  Gone: { 'x-acs-http-status': 400, 'x-acs-message': 'Task gone.', value: { Code: 'TaskGone' } },
                  Throttling: {
                    'x-acs-message': 'Slow down.',
                    'x-acs-gateway': true,
                    value: { Code: 'Throttling.User' },
                  },
                },
              },
            },
          },
        },
      },
    },
  },
};

const [spec] = specOperations(DOCUMENT) as [SpecOperation];
const PAGE: ReadonlySet<Aspect> = new Set(['params', 'response', 'errors', 'lastUpdated']);
const METADATA: ReadonlySet<Aspect> = new Set(['operations', 'params', 'bounds', 'style', 'methods']);

/** The vendor view that agrees with {@link DOCUMENT} on everything. */
const agreeing: OperationDoc = {
  action: 'StopTask',
  lastUpdated: '2025-05-13',
  methods: ['GET'],
  params: [
    { name: 'TaskId', type: 'string', required: true, style: 'plain' },
    { name: 'Region', type: 'string', required: true, enum: ['a', 'b'], style: 'plain' },
    { name: 'Urls', type: 'array', itemType: 'string', required: false, style: 'json' },
    { name: 'Size', type: 'integer', required: false, minimum: 1, maximum: 100, style: 'plain' },
  ],
  responseFields: [
    { name: 'RequestId', type: 'string' },
    { name: 'Info', type: 'object' },
    { name: 'Name', type: 'string' },
  ],
  errors: [{ code: 'TaskGone', status: 400, message: 'Task gone.' }],
};

const keys = (vendor: OperationDoc, aspects: ReadonlySet<Aspect> = new Set([...PAGE, ...METADATA])): string[] =>
  compare([vendor], [spec], aspects).differences.map(
    (d) => `${d.parameter ?? '-'} ${d.field}: ${d.vendor} | ${d.spec}`,
  );

describe('specOperations', () => {
  it('reads query parameters, styles, bounds, methods and the date', () => {
    expect(spec.action).toBe('StopTask');
    expect(spec.methods).toEqual(['GET']);
    expect(spec.lastUpdated).toBe('2025-05-13');
    expect(spec.params).toEqual(agreeing.params);
  });

  it('collects response fields at any depth, through allOf', () => {
    expect(spec.responseFields).toEqual(agreeing.responseFields);
  });

  it('reads each error example: code, status, message, gateway flag', () => {
    expect(spec.errors).toEqual([
      { code: 'TaskGone', status: 400, message: 'Task gone.' },
      { code: 'Throttling.User', status: 400, message: 'Slow down.', gateway: true },
    ]);
  });
});

describe('compare', () => {
  it('finds nothing when the sources agree; the gateway code need not be listed', () => {
    expect(keys(agreeing)).toEqual([]);
  });

  it('reports parameters on one side only', () => {
    const params = agreeing.params ?? [];
    expect(
      keys({ ...agreeing, params: [...params.slice(1), { name: 'Extra', type: 'string', required: false }] }),
    ).toEqual(['Extra present: present | absent', 'TaskId present: absent | present']);
  });

  it('reports each enumeration value listed on one side only', () => {
    const params = (agreeing.params ?? []).map((p) => (p.name === 'Region' ? { ...p, enum: ['b', 'c'] } : p));
    expect(keys({ ...agreeing, params })).toEqual([
      "Region enum: allows 'c' | does not allow 'c'",
      "Region enum: does not allow 'a' | allows 'a'",
    ]);
    // The whole lists travel with each line, for checking a decision's recorded values.
    expect(compare([{ ...agreeing, params }], [spec], PAGE).differences[0]).toMatchObject({
      vendorValue: ['b', 'c'],
      specValue: ['a', 'b'],
    });
  });

  it('reports type, required, bounds and style', () => {
    const params = (agreeing.params ?? []).map((p) =>
      p.name === 'Size' ? { ...p, type: 'string' as const, required: true, maximum: 50, style: 'json' as const } : p,
    );
    expect(keys({ ...agreeing, params })).toEqual([
      'Size type: string | integer',
      'Size required: required | optional',
      'Size maximum: 50 | 100',
      'Size style: json (one JSON-encoded string) | plain',
    ]);
  });

  it('compares bounds and styles only for sources that state them', () => {
    const params = (agreeing.params ?? []).map((p) =>
      p.name === 'Size' ? { name: 'Size', type: 'integer' as const, required: false } : p,
    );
    expect(keys({ ...agreeing, params }, PAGE)).toEqual([]);
    expect(keys({ ...agreeing, params }, METADATA)).toEqual(['Size minimum: none | 1', 'Size maximum: none | 100']);
  });

  it('reports error codes, statuses and messages', () => {
    expect(
      keys({
        ...agreeing,
        errors: [
          { code: 'TaskGone', status: 404, message: 'Gone.' },
          { code: 'TaskBusy', status: 400 },
        ],
      }),
    ).toEqual([
      'TaskGone status: HTTP 404 | HTTP 400',
      'TaskGone message: "Gone." | "Task gone."',
      'TaskBusy errors: HTTP 400 | absent',
    ]);
  });

  it('reports response fields and methods', () => {
    expect(
      keys({ ...agreeing, methods: ['GET', 'POST'], responseFields: [{ name: 'RequestId', type: 'integer' }] }),
    ).toEqual([
      '- methods: GET, POST | GET',
      'RequestId response.type: integer | string',
      'Info response.present: absent | present',
      'Name response.present: absent | present',
    ]);
  });

  it('compares dates known to the day and notes the others', () => {
    expect(keys({ ...agreeing, lastUpdated: '2026-03-25' })).toEqual(['- lastUpdated: 2026-03-25 | 2025-05-13']);
    const monthOnly = { ...spec, lastUpdated: '2026-01' };
    expect(compare([agreeing], [monthOnly], PAGE)).toEqual({
      differences: [],
      notes: ['StopTask: page dated 2025-05-13, spec records 2026-01: not comparable'],
    });
  });

  it('reports operations on one side only when the source lists every operation', () => {
    const other = { ...agreeing, action: 'StartTask' };
    expect(
      compare([other], [spec], METADATA).differences.map((d) => `${d.operation} ${d.field}: ${d.vendor} | ${d.spec}`),
    ).toEqual(['StartTask present: present | absent', 'StopTask present: absent | present']);
    expect(compare([], [spec], PAGE).differences).toEqual([]);
  });
});
