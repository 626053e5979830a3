import { describe, expect, it } from 'vitest';
import { type OperationName, operationNames } from '../../generated/operations.js';
import {
  eventValidators,
  type RequestParams,
  requestValidators,
  responseValidators,
  type SchemaIssue,
  type Validator,
  validateErrorBody,
  validateLiveEvent,
} from '../../generated/validators.js';
import { readOperations } from '../../scripts/generate/operation-model.js';
import { child, deref, isObject, type Json, type JsonObject } from '../../scripts/generate/spec-document.js';
import { spec } from './spec-source.js';

const models = readOperations(spec);
const components = child(spec.root, 'components');

/** The request an operation's parameter examples compose. */
function exampleRequest(action: string): Record<string, Json> {
  const model = models.find((m) => m.action === action);
  if (model === undefined) throw new Error(`no operation ${action}`);
  const request: Record<string, Json> = {};
  for (const p of model.params) {
    if (p.example === undefined) throw new Error(`${action} ${p.name} has no example`);
    request[p.name] = p.example;
  }
  return request;
}

function examplesOf(media: JsonObject): [string, Json][] {
  return Object.entries(child(media, 'examples')).map(([name, ex]) => [name, deref(spec, ex)['value'] ?? null]);
}

function issues(validate: Validator<unknown>, data: unknown): Pick<SchemaIssue, 'instancePath' | 'keyword'>[] {
  expect(validate(data)).toBe(false);
  return (validate.errors ?? []).map(({ instancePath, keyword }) => ({ instancePath, keyword }));
}

function expectValid(validate: Validator<unknown>, data: unknown): void {
  const ok = validate(data);
  expect(validate.errors ?? [], JSON.stringify(data)).toEqual([]);
  expect(ok).toBe(true);
}

describe('every example in the spec validates against its generated validator', () => {
  it.each(operationNames)('%s: the request composed from the parameter examples', (action) => {
    expectValid(requestValidators[action], exampleRequest(action));
  });

  it.each(operationNames)('%s: the 200 examples', (action) => {
    const op = models.find((m) => m.action === action);
    const path = child(child(spec.root, 'paths'), `/${action}`);
    const operation = child(path, op?.method.toLowerCase() ?? 'get');
    const media = child(child(child(child(operation, 'responses'), '200'), 'content'), 'application/json');
    const examples = examplesOf(media);
    expect(examples.length).toBeGreaterThan(0);
    for (const [, value] of examples) expectValid(responseValidators[action], value);
  });

  it('every error example is an Error body whose Code is its name', () => {
    const examples = Object.entries(child(components, 'examples'));
    expect(examples.length).toBeGreaterThan(20);
    for (const [code, example] of examples) {
      const value = deref(spec, example)['value'];
      expectValid(validateErrorBody, value);
      expect(isObject(value) && value['Code']).toBe(code);
    }
  });

  it('every error response lists only examples of its own HTTP status', () => {
    for (const model of models) {
      const operation = child(child(child(spec.root, 'paths'), model.path), model.method.toLowerCase());
      for (const [status, response] of Object.entries(child(operation, 'responses'))) {
        if (status === '200') continue;
        const media = child(child(deref(spec, response), 'content'), 'application/json');
        for (const [name, example] of Object.entries(child(media, 'examples'))) {
          expect(deref(spec, example)['x-acs-http-status'], `${model.action} ${status} ${name}`).toBe(Number(status));
        }
      }
    }
  });

  it.each(Object.keys(child(spec.root, 'webhooks')))('webhook %s: its examples', (name) => {
    const media = child(child(child(child(child(spec.root, 'webhooks'), name), 'post'), 'requestBody'), 'content');
    const examples = examplesOf(child(media, 'application/json'));
    expect(examples.length).toBeGreaterThan(0);
    const validate = eventValidators[name as keyof typeof eventValidators];
    for (const [, value] of examples) {
      expectValid(validate, value);
      expectValid(validateLiveEvent, value);
    }
  });
});

describe('request validators reject what the vendor rejects', () => {
  const update = exampleRequest('UpdateLivePullToPush');
  const create = exampleRequest('CreateLivePullToPush');

  /** One parameter of the operation's example request changed: the validator names that parameter and the rule. */
  const oneParameter: [string, OperationName, string, Json, string][] = [
    ['a Region outside the enumeration', 'UpdateLivePullToPush', 'Region', 'cn-hangzhou', 'enum'],
    ['RepeatNumber -2', 'UpdateLivePullToPush', 'RepeatNumber', -2, 'minimum'],
    [
      'a CallbackUrl of 2001 characters',
      'UpdateLivePullToPush',
      'CallbackUrl',
      `https://${'a'.repeat(1993)}`,
      'maxLength',
    ],
    [
      'a CallbackUrl that is not http(s)',
      'CreateLivePullToPush',
      'CallbackUrl',
      'ftp://callback.example.com',
      'pattern',
    ],
    [
      '31 SourceUrls',
      'UpdateLivePullToPush',
      'SourceUrls',
      Array.from({ length: 31 }, (_, i) => `vod-${i}`),
      'maxItems',
    ],
    ['no SourceUrls', 'CreateLivePullToPush', 'SourceUrls', [], 'minItems'],
    ['Offset 0', 'UpdateLivePullToPush', 'Offset', 0, 'minimum'],
    ['FileIndex -1', 'UpdateLivePullToPush', 'FileIndex', -1, 'minimum'],
    ['a StartTime with a space instead of T', 'UpdateLivePullToPush', 'StartTime', '2024-08-23 15:30:00Z', 'pattern'],
    [
      'a StartTime with an offset instead of Z',
      'CreateLivePullToPush',
      'StartTime',
      '2024-08-26T10:30:00+08:00',
      'pattern',
    ],
    ['month 13', 'CreateLivePullToPush', 'EndTime', '2024-13-27T14:30:00Z', 'format'],
    ['a non-RTMP DstUrl', 'CreateLivePullToPush', 'DstUrl', 'srt://push.example.com/app/stream', 'pattern'],
    ['SourceType rtmp', 'CreateLivePullToPush', 'SourceType', 'rtmp', 'enum'],
    ['RetryInterval 59', 'CreateLivePullToPush', 'RetryInterval', 59, 'minimum'],
    ['RetryInterval 301', 'CreateLivePullToPush', 'RetryInterval', 301, 'maximum'],
    ['RepeatNumber 1.5', 'CreateLivePullToPush', 'RepeatNumber', 1.5, 'type'],
    ['RepeatNumber beyond int32', 'CreateLivePullToPush', 'RepeatNumber', 2 ** 31, 'format'],
    ['PageSize 101', 'DescribeLivePullToPushList', 'PageSize', 101, 'maximum'],
    ['PageNumber 0', 'DescribeLivePullToPushList', 'PageNumber', 0, 'minimum'],
    ['a TaskId filter with a dot', 'DescribeLivePullToPushList', 'TaskId', 'a.b', 'pattern'],
    ['a TaskId filter of 56 characters', 'DescribeLivePullToPushList', 'TaskId', 'a'.repeat(56), 'maxLength'],
  ];

  it.each(oneParameter)('%s', (_, action, name, value, keyword) => {
    const data = { ...exampleRequest(action), [name]: value };
    expect(issues(requestValidators[action], data)).toContainEqual({ instancePath: `/${name}`, keyword });
  });

  /** Requests wrong as a whole: a missing or an unknown parameter, or no example to start from. */
  const wholeRequest: [string, OperationName, Record<string, Json>, { instancePath: string; keyword: string }][] = [
    [
      'an empty TaskId',
      'DeleteLivePullToPush',
      { TaskId: '', Region: 'cn-shanghai' },
      { instancePath: '/TaskId', keyword: 'minLength' },
    ],
    [
      'SourceType on Update (not an Update parameter)',
      'UpdateLivePullToPush',
      { ...update, SourceType: 'vod' },
      { instancePath: '', keyword: 'additionalProperties' },
    ],
    [
      'OwnerId (left out of the spec)',
      'StopLivePullToPush',
      { TaskId: 't', Region: 'cn-shanghai', OwnerId: 1 },
      { instancePath: '', keyword: 'additionalProperties' },
    ],
    ['a missing TaskId', 'RestartLivePullToPush', { Region: 'cn-shanghai' }, { instancePath: '', keyword: 'required' }],
    ['a missing Region', 'DescribeLivePullToPush', { TaskId: 't' }, { instancePath: '', keyword: 'required' }],
  ];

  it.each(wholeRequest)('%s', (_, action, data, expected) => {
    expect(issues(requestValidators[action], data)).toContainEqual(expected);
  });

  it('names the missing and the unknown parameter', () => {
    const validate = requestValidators.CreateLivePullToPush;
    const { DstUrl: _omitted, ...rest } = create;
    expect(validate({ ...rest, Colour: 'red' })).toBe(false);
    expect(validate.errors?.map((e) => e.params)).toEqual(
      expect.arrayContaining([{ missingProperty: 'DstUrl' }, { additionalProperty: 'Colour' }]),
    );
  });

  it('reports every violation at once', () => {
    const found = issues(requestValidators.UpdateLivePullToPush, {
      Region: 'mars',
      RepeatNumber: -5,
      Offset: 0,
      SourceUrls: [],
      Unknown: true,
    });
    expect(new Set(found.map((i) => `${i.instancePath}:${i.keyword}`))).toEqual(
      new Set([
        ':additionalProperties',
        ':required',
        '/Offset:minimum',
        '/Region:enum',
        '/RepeatNumber:minimum',
        '/SourceUrls:minItems',
      ]),
    );
  });

  it('accepts the smallest valid requests', () => {
    expectValid(requestValidators.DescribeLivePullToPushList, { Region: 'preregion' });
    expectValid(requestValidators.UpdateLivePullToPush, { TaskId: 't', Region: 'me-central-1', RepeatNumber: -1 });
  });
});

describe('response and event validators', () => {
  it('require RequestId in every 200 body and allow unknown fields', () => {
    for (const action of operationNames) {
      expect(issues(responseValidators[action], { TaskId: 't' })).toContainEqual({
        instancePath: '',
        keyword: 'required',
      });
    }
    expectValid(responseValidators.UpdateLivePullToPush, {
      RequestId: 'r',
      RetCode: 0,
      Description: 'OK',
      NewField: 1,
    });
  });

  it('check TaskStatus in Describe', () => {
    const body = { RequestId: 'r', TaskId: 't', TaskStatus: 4, TaskInfo: { TaskId: 't' } };
    expect(issues(responseValidators.DescribeLivePullToPush, body)).toContainEqual({
      instancePath: '/TaskStatus',
      keyword: 'enum',
    });
  });

  it('reject an Error body without Code', () => {
    expect(issues(validateErrorBody, { RequestId: 'r', Message: 'm' })).toContainEqual({
      instancePath: '',
      keyword: 'required',
    });
  });

  it('accept both spellings of the state event and unknown fields', () => {
    for (const Event of ['LivePullToPushRunning', 'LivePullToPushRuning']) {
      expectValid(eventValidators.LivePullToPushRunning, {
        Event,
        EventTime: '1725501246',
        TaskId: 't',
        TaskStatus: 2,
        Extra: [1],
      });
    }
  });

  it('reject a state event with TaskStatus 0 and an exit event with a numeric EventTime', () => {
    expect(
      issues(eventValidators.LivePullToPushRunning, {
        Event: 'LivePullToPushRunning',
        EventTime: '1',
        TaskId: 't',
        TaskStatus: 0,
      }),
    ).toContainEqual({ instancePath: '/TaskStatus', keyword: 'enum' });
    expect(
      issues(eventValidators.LivePullToPushExit, {
        Event: 'LivePullToPushExit',
        EventTime: 1725587400,
        TaskId: 't',
        TaskStatus: -1,
      }),
    ).toContainEqual({ instancePath: '/EventTime', keyword: 'type' });
    expect(validateLiveEvent({ Event: 'SomethingElse', EventTime: '1', TaskId: 't', TaskStatus: 1 })).toBe(false);
  });
});

// Compile-time checks: `npm run typecheck` fails if the generated types loosen.
const typeChecks = (): RequestParams<'UpdateLivePullToPush'>[] => [
  { TaskId: 't', Region: 'cn-shanghai', SourceUrls: ['rtmp://a/b/c'], RepeatNumber: -1 },
  // @ts-expect-error Region is an enumeration
  { TaskId: 't', Region: 'mars' },
  // @ts-expect-error TaskId is required
  { Region: 'cn-shanghai' },
  // @ts-expect-error SourceType is not an Update parameter
  { TaskId: 't', Region: 'cn-shanghai', SourceType: 'vod' },
  // @ts-expect-error RepeatNumber is a number
  { TaskId: 't', Region: 'cn-shanghai', RepeatNumber: '1' },
];

describe('generated request types', () => {
  it('compile only with the @ts-expect-error lines above marking the refused shapes', () => {
    expect(typeChecks()).toHaveLength(5);
  });
});
