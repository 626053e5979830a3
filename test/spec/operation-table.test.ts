import { describe, expect, it } from 'vitest';
import {
  errorCodes,
  operationNames,
  operations,
  schemaEnumNames,
  schemaEnums,
  webhooks,
} from '../../generated/operations.js';
import { readAllErrors, readOperations, readWebhooks } from '../../scripts/generate/operation-model.js';
import { renderOperationTable } from '../../scripts/generate/operation-table.js';
import { loadSpec } from '../../scripts/generate/spec-document.js';
import { specPath } from './spec-source.js';

const GATEWAY_CODES = [
  'SignatureDoesNotMatch',
  'IncompleteSignature',
  'InvalidSignatureMethod',
  'InvalidTimeStamp.Expired',
  'InvalidTimeStamp.Format',
  'SignatureNonceUsed',
  'InvalidAccessKeyId.NotFound',
  'Throttling.User',
  'MissingParameter',
  'InvalidAction.NotFound',
  'InvalidVersion',
  'UnsupportedHTTPMethod',
  'InternalError',
  'ServiceUnavailable',
  'Forbidden.RAM',
];

describe('generated/operations.js', () => {
  it('lists the seven operations with their SDK and accepted methods', () => {
    for (const name of operationNames) {
      const op = operations[name];
      expect(op.action).toBe(name);
      expect(op.path).toBe(`/${name}`);
      expect(op.ramAction).toBe(`live:${name}`);
      expect(op.acceptedMethods).toContain(op.method);
    }
    expect(operations.CreateLivePullToPush.method).toBe('POST');
    expect(operations.CreateLivePullToPush.acceptedMethods).toEqual(['GET', 'POST']);
    expect(operations.UpdateLivePullToPush.method).toBe('GET');
    expect(operations.UpdateLivePullToPush.acceptedMethods).toEqual(['GET', 'POST']); // D-21
    expect(operations.UpdateLivePullToPush.docLastUpdated).toBe('2025-05-13');
  });

  it('every operation references the gateway codes and a Missing code per required parameter', () => {
    for (const name of operationNames) {
      const op = operations[name];
      const codes = op.errors.map((e) => e.code);
      expect(new Set(codes).size, name).toBe(codes.length);
      expect(codes, name).toEqual(expect.arrayContaining(GATEWAY_CODES));
      const missing = codes.filter((c) => /^Missing(?!Parameter)/.test(c)).sort();
      expect(missing, name).toEqual(
        op.params
          .filter((p) => p.required)
          .map((p) => `Missing${p.name}`)
          .sort(),
      );
      for (const error of op.errors) expect(errorCodes[error.code], error.code).toEqual(error);
    }
  });

  it("keeps the seed document's Update error table", () => {
    const business = operations.UpdateLivePullToPush.errors.filter((e) => !e.gateway || e.code === 'InternalError');
    expect(business.map((e) => [e.code, e.status, e.message])).toEqual([
      ['InvalidParameter', 400, '%s.'],
      ['InvalidParam.CodeIllegalDuration', 400, '%s.'],
      ['CodeInvalidAliUid', 400, 'This aliuid does not have a live domain name.'],
      ['CodeTaskNotExist', 400, 'Task does not exist.'],
      ['CodeTaskHasStarted', 400, 'The task has already started.'],
      ['InternalError', 500, '%s.'],
    ]);
  });

  it('describes SourceUrls as a JSON-style array of at most 30', () => {
    for (const name of ['CreateLivePullToPush', 'UpdateLivePullToPush'] as const) {
      const sourceUrls = operations[name].params.find((p) => p.name === 'SourceUrls');
      expect(sourceUrls).toMatchObject({ type: 'array', style: 'json', minItems: 1, maxItems: 30 });
      for (const p of operations[name].params) if (p.name !== 'SourceUrls') expect(p.style).toBe('plain');
    }
  });

  it('gives every error a status, a message and a description', () => {
    const statuses = new Set(Object.values(errorCodes).map((e) => e.status));
    expect([...statuses].sort()).toEqual([400, 403, 404, 500, 503]);
    for (const e of Object.values(errorCodes)) {
      expect(e.message.length, e.code).toBeGreaterThan(0);
      expect(e.description.length, e.code).toBeGreaterThan(0);
    }
    expect(errorCodes['Throttling.User']).toMatchObject({ status: 400, gateway: true });
    expect(errorCodes['CodeTaskHasStarted']?.gateway).toBe(false);
  });

  it('exposes the enumerations and the webhooks', () => {
    expect(schemaEnums.TaskStatus).toEqual([0, 1, 2, 3, -1]);
    // The callback doc's state names, one per TaskStatus value.
    expect(schemaEnumNames.TaskStatus).toEqual({ Idle: 0, Running: 1, Recovering: 2, Offline: 3, Exit: -1 });
    expect(schemaEnums.Region).toHaveLength(10);
    expect(webhooks.LivePullToPushRunning.eventNames).toEqual(['LivePullToPushRunning', 'LivePullToPushRuning']);
    expect(webhooks.LivePullToPushExit.eventNames).toEqual(['LivePullToPushExit']);
  });
});

describe('the generator refuses state names that do not fit the TaskStatus enumeration', () => {
  const withNames = (names: unknown) => {
    const spec = loadSpec(specPath);
    const schemas = spec.root['components'] as { schemas: Record<string, Record<string, unknown>> };
    const taskStatus = schemas.schemas['TaskStatus'];
    if (taskStatus === undefined) throw new Error('no TaskStatus schema');
    taskStatus['x-enum-varnames'] = names;
    return () => renderOperationTable(spec, readOperations(spec), readAllErrors(spec), readWebhooks(spec));
  };

  it('one name short', () => {
    expect(withNames(['Idle', 'Running', 'Recovering', 'Offline'])).toThrow(
      'components/schemas/TaskStatus x-enum-varnames: one name per enum value',
    );
  });

  it('a name twice', () => {
    expect(withNames(['Idle', 'Running', 'Running', 'Offline', 'Exit'])).toThrow(
      'components/schemas/TaskStatus x-enum-varnames: names must be distinct PascalCase identifiers',
    );
  });
});
