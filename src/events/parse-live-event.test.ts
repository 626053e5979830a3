import fc from 'fast-check';
import { describe, expect, expectTypeOf, it } from 'vitest';
import { validateLiveEvent } from '../../generated/validators.js';
import { dropPrototypeKey } from './drop-prototype-keys.js';
import { LiveEventError } from './live-event-error.js';
import { parseLiveEvent } from './parse-live-event.js';
import type { ReceivedLiveEvent } from './received-live-event.js';

/** The latest instant a Date holds, in Unix seconds. */
const MAX_DATE_SECONDS = 8.64e12;
const TASK_ID = '08a1b00c-9c2f-4dfa-9f5d-878f2505abcd';

function stateBody(overrides: Record<string, unknown> = {}): Record<string, unknown> {
  return {
    Event: 'LivePullToPushRunning',
    EventTime: '1725501246',
    TaskId: TASK_ID,
    TaskInfo: { TaskId: TASK_ID, StartTime: '2024-09-05T01:50:00Z', SourceUrls: ['rtmp://pull.example.com/app/s'] },
    TaskStatus: 1,
    ...overrides,
  };
}

function exitBody(overrides: Record<string, unknown> = {}): Record<string, unknown> {
  return {
    Event: 'LivePullToPushExit',
    EventTime: '1725587400',
    TaskId: TASK_ID,
    TaskStatus: -1,
    TaskExitReason: 'OverEndTime',
    TaskExitTime: 1725587400,
    ...overrides,
  };
}

/** The LiveEventError `parseLiveEvent(body)` throws; fails the test if it returns or throws anything else. */
function refusal(body: unknown): LiveEventError {
  try {
    parseLiveEvent(body);
  } catch (error) {
    expect(error).toBeInstanceOf(LiveEventError);
    return error as LiveEventError;
  }
  throw new Error('parseLiveEvent accepted the body');
}

describe('parseLiveEvent: valid events', () => {
  it('returns a state event with its fields, EventTime as given and as a Date', () => {
    const event = parseLiveEvent(JSON.stringify(stateBody({ TaskStatus: 3, TaskInvalidReason: 'PullStreamFailed' })));
    expect(event).toMatchObject({
      Event: 'LivePullToPushRunning',
      receivedEventName: 'LivePullToPushRunning',
      EventTime: '1725501246',
      TaskId: TASK_ID,
      TaskStatus: 3,
      TaskInvalidReason: 'PullStreamFailed',
      TaskInfo: { TaskId: TASK_ID, StartTime: '2024-09-05T01:50:00Z' },
    });
    expect(event.eventDate.toISOString()).toBe('2024-09-05T01:54:06.000Z');
  });

  it('normalises the vendor sample spelling LivePullToPushRuning and keeps it in receivedEventName', () => {
    const event = parseLiveEvent(JSON.stringify(stateBody({ Event: 'LivePullToPushRuning' })));
    expect(event.Event).toBe('LivePullToPushRunning');
    expect(event.receivedEventName).toBe('LivePullToPushRuning');
  });

  it('returns an exit event with its exit fields', () => {
    const event = parseLiveEvent(JSON.stringify(exitBody()));
    expect(event).toMatchObject({
      Event: 'LivePullToPushExit',
      receivedEventName: 'LivePullToPushExit',
      TaskStatus: -1,
      TaskExitReason: 'OverEndTime',
      TaskExitTime: 1725587400,
    });
    expect(event.eventDate.getTime()).toBe(1725587400_000);
  });

  it('keeps fields the spec does not declare, at the top level and inside TaskInfo', () => {
    const body = stateBody({ Region: 'cn-shanghai', Extra: { nested: [1, 2] } });
    (body['TaskInfo'] as Record<string, unknown>)['NewSetting'] = true;
    const event = parseLiveEvent(JSON.stringify(body));
    expect(event['Region']).toBe('cn-shanghai');
    expect(event['Extra']).toEqual({ nested: [1, 2] });
    expect(event.TaskInfo).toMatchObject({ NewSetting: true });
  });

  it('reads bytes as UTF-8 (Buffer, Uint8Array, ArrayBuffer), ignoring a byte order mark', () => {
    const text = JSON.stringify(stateBody({ TaskInfo: { TaskId: TASK_ID, TaskName: '直播转推' } }));
    const bytes = new TextEncoder().encode(text);
    for (const body of [
      Buffer.from(text),
      bytes,
      bytes.slice().buffer,
      `\uFEFF${text}`,
      Buffer.from(`\uFEFF${text}`),
    ]) {
      expect(parseLiveEvent(body).TaskInfo?.TaskName).toBe('直播转推');
    }
  });

  it('accepts a value already parsed from JSON and does not change it', () => {
    const body = stateBody({ Event: 'LivePullToPushRuning' });
    const copy = structuredClone(body);
    const event = parseLiveEvent(body);
    expect(event.Event).toBe('LivePullToPushRunning');
    expect(body).toEqual(copy);
  });

  it('drops own __proto__, constructor and prototype keys at every depth, from text and from parsed values', () => {
    const hostile =
      '{"__proto__":{"polluted":true},"constructor":{"prototype":{"x":1}},"prototype":1,' +
      `${JSON.stringify(stateBody()).slice(1, -1)},"TaskInfo":{"TaskId":"${TASK_ID}","__proto__":{"isAdmin":true},` +
      '"SourceUrls":["rtmp://pull.example.com/app/s"],"Extra":[{"__proto__":{"deep":true}}]}}';
    for (const body of [hostile, Buffer.from(hostile), JSON.parse(hostile) as unknown]) {
      const parsed = parseLiveEvent(body);
      const event: Readonly<Record<string, unknown>> = parsed;
      for (const key of ['__proto__', 'constructor', 'prototype']) expect(Object.hasOwn(event, key)).toBe(false);
      const info = event['TaskInfo'] as Record<string, unknown>;
      expect(Object.hasOwn(info, '__proto__')).toBe(false);
      expect(Object.hasOwn((info['Extra'] as object[])[0]!, '__proto__')).toBe(false);
      const copy = Object.assign({}, event, { TaskInfo: Object.assign({}, info) }) as Record<string, unknown>;
      expect(Object.getPrototypeOf(copy)).toBe(Object.prototype);
      expect(Object.getPrototypeOf(copy['TaskInfo'])).toBe(Object.prototype);
      expect(copy['polluted']).toBeUndefined();
      expect(parsed.TaskId).toBe(TASK_ID);
    }
  });

  it('refuses a parsed value that nests too deep or refers to itself, with a LiveEventError', () => {
    const cyclic: Record<string, unknown> = stateBody();
    cyclic['Self'] = cyclic;
    expect(() => parseLiveEvent(cyclic)).toThrow(expect.objectContaining({ problem: 'InvalidJson' }));
  });

  it('types the event by its Event name', () => {
    const event = parseLiveEvent(JSON.stringify(exitBody()));
    expectTypeOf(event).toEqualTypeOf<ReceivedLiveEvent>();
    if (event.Event === 'LivePullToPushExit') {
      expectTypeOf(event.TaskStatus).toEqualTypeOf<-1>();
      expectTypeOf(event.TaskExitReason).toEqualTypeOf<'TriggerByUser' | 'OverEndTime' | undefined>();
    } else {
      expectTypeOf(event.TaskStatus).toEqualTypeOf<1 | 2 | 3>();
      expectTypeOf(event.receivedEventName).toEqualTypeOf<'LivePullToPushRunning' | 'LivePullToPushRuning'>();
    }
    expectTypeOf(event.EventTime).toEqualTypeOf<string>();
    expectTypeOf(event.eventDate).toEqualTypeOf<Date>();
  });
});

describe('parseLiveEvent: refused bodies', () => {
  it('invalid JSON', () => {
    const error = refusal('{"Event": "LivePullToPushRunning",');
    expect(error.name).toBe('LiveEventError');
    expect(error.problem).toBe('InvalidJson');
    expect(error.message).toMatch(/^A task event body must be JSON text \(/);
    expect(error.cause).toBeInstanceOf(SyntaxError);
    expect(refusal('').problem).toBe('InvalidJson');
  });

  it('bytes that are not UTF-8', () => {
    const error = refusal(Uint8Array.of(0x7b, 0xff, 0x7d));
    expect(error.problem).toBe('InvalidJson');
    expect(error.message).toContain('not valid UTF-8');
  });

  it.each([
    ['null', 'null'],
    ['[]', 'an array'],
    ['42', 'a number'],
    ['"LivePullToPushRunning"', 'a string'],
    ['true', 'a boolean'],
  ])('JSON that is not an object: %s', (text, kind) => {
    const error = refusal(text);
    expect(error.problem).toBe('NotAnObject');
    expect(error.message).toBe(`A task event must be a JSON object, not ${kind}`);
  });

  it('a parsed value that is not an object', () => {
    expect(refusal(undefined).message).toBe('A task event must be a JSON object, not nothing (undefined)');
    expect(refusal(7).problem).toBe('NotAnObject');
  });

  it('no Event', () => {
    const body = stateBody();
    delete body['Event'];
    const error = refusal(JSON.stringify(body));
    expect(error.problem).toBe('UnknownEvent');
    expect(error.issues).toEqual([{ field: 'Event', message: 'Event is required' }]);
    expect(error.message).toContain('LivePullToPushRunning, LivePullToPushRuning, LivePullToPushExit');
  });

  it('an Event that is not a string', () => {
    const error = refusal(JSON.stringify(stateBody({ Event: 1 })));
    expect(error.problem).toBe('UnknownEvent');
    expect(error.issues[0]?.message).toBe(
      'Event must be a string, one of LivePullToPushRunning, LivePullToPushRuning, LivePullToPushExit; got a number',
    );
    expect(error.eventName).toBeUndefined();
  });

  it('an unknown event name is reported with the name', () => {
    const error = refusal(JSON.stringify(stateBody({ Event: 'LivePullToPushPaused' })));
    expect(error.problem).toBe('UnknownEvent');
    expect(error.eventName).toBe('LivePullToPushPaused');
    expect(error.message).toMatch(
      /^Unknown task event "LivePullToPushPaused": the spec declares LivePullToPushRunning \/ LivePullToPushRuning/,
    );
    expect(error.issues).toEqual([
      {
        field: 'Event',
        message:
          'Event must be one of LivePullToPushRunning, LivePullToPushRuning, LivePullToPushExit; got "LivePullToPushPaused"',
      },
    ]);
  });

  it('a very long unknown event name is cut in the message but kept whole in eventName', () => {
    const name = 'X'.repeat(5000);
    const error = refusal(JSON.stringify(stateBody({ Event: name })));
    expect(error.eventName).toBe(name);
    expect(error.message.length).toBeLessThan(400);
  });

  it('missing TaskId', () => {
    const body = stateBody();
    delete body['TaskId'];
    const error = refusal(JSON.stringify(body));
    expect(error.problem).toBe('InvalidEvent');
    expect(error.eventName).toBe('LivePullToPushRunning');
    expect(error.issues).toEqual([{ field: 'TaskId', message: 'TaskId is required' }]);
    expect(error.message).toBe('Invalid LivePullToPushRunning event: TaskId is required');
  });

  it('a required field missing inside TaskInfo', () => {
    const error = refusal(JSON.stringify(stateBody({ TaskInfo: { StartTime: '2024-09-05T01:50:00Z' } })));
    expect(error.issues).toEqual([{ field: 'TaskInfo.TaskId', message: 'TaskInfo.TaskId is required' }]);
  });

  it('wrong types, every one with its field path', () => {
    const error = refusal(
      JSON.stringify(
        stateBody({
          EventTime: 1725501246,
          TaskStatus: '1',
          TaskInfo: { TaskId: TASK_ID, SourceUrls: ['rtmp://a/b', 5], StartTime: 'yesterday', RetryCount: 1.5 },
        }),
      ),
    );
    expect(error.problem).toBe('InvalidEvent');
    expect(error.issues.map((issue) => issue.field)).toEqual(
      expect.arrayContaining([
        'EventTime',
        'TaskStatus',
        'TaskInfo.SourceUrls[1]',
        'TaskInfo.StartTime',
        'TaskInfo.RetryCount',
      ]),
    );
    expect(error.issues).toEqual(
      expect.arrayContaining([
        { field: 'EventTime', message: 'EventTime must be a string' },
        { field: 'TaskStatus', message: 'TaskStatus must be an integer' },
        { field: 'TaskStatus', message: 'TaskStatus must be one of 1, 2, 3' },
        { field: 'TaskInfo.SourceUrls[1]', message: 'TaskInfo.SourceUrls[1] must be a string' },
        { field: 'TaskInfo.RetryCount', message: 'TaskInfo.RetryCount must be an integer' },
      ]),
    );
    // The UtcTime pattern and its date-time format fail together: one issue.
    expect(error.issues.filter((issue) => issue.field === 'TaskInfo.StartTime')).toHaveLength(1);
  });

  it('a state value the exit event does not allow', () => {
    const error = refusal(JSON.stringify(exitBody({ TaskStatus: 1, TaskExitReason: 'Crashed' })));
    expect(error.problem).toBe('InvalidEvent');
    expect(error.issues).toEqual(
      expect.arrayContaining([
        { field: 'TaskStatus', message: 'TaskStatus must be one of -1' },
        { field: 'TaskExitReason', message: 'TaskExitReason must be one of TriggerByUser, OverEndTime' },
      ]),
    );
  });

  it('an EventTime that is not Unix seconds, or beyond what a Date holds', () => {
    expect(refusal(JSON.stringify(stateBody({ EventTime: '2024-09-05T01:54:06Z' }))).issues).toEqual([
      { field: 'EventTime', message: 'EventTime must match the pattern ^\\d+$' },
    ]);
    const error = refusal(JSON.stringify(stateBody({ EventTime: '9'.repeat(20) })));
    expect(error.problem).toBe('InvalidEvent');
    expect(error.issues[0]?.field).toBe('EventTime');
    expect(parseLiveEvent(JSON.stringify(stateBody({ EventTime: '8640000000000' }))).eventDate.getTime()).toBe(8.64e15);
  });

  it('never quotes field values, which may hold signed URLs', () => {
    const secret = 'auth_key=1725501246-0-0-SECRETSIGNATURE';
    const error = refusal(
      JSON.stringify(stateBody({ TaskInfo: { TaskId: TASK_ID, SourceUrls: `rtmp://a/b?${secret}`, DstUrl: 7 } })),
    );
    expect(error.message).not.toContain('SECRET');
    expect(JSON.stringify(error.issues)).not.toContain('SECRET');
  });
});

describe('parseLiveEvent: properties', () => {
  /** Any UTF-16 code unit, lone surrogates included. */
  const anyUtf16Unit = fc.integer({ min: 0, max: 0xffff }).map((code) => String.fromCharCode(code));
  const isLiveEventError = (error: unknown): boolean =>
    error instanceof LiveEventError && error.name === 'LiveEventError';

  it('any string either parses or throws a LiveEventError', () => {
    fc.assert(
      fc.property(fc.oneof(fc.string(), fc.json(), fc.string({ unit: anyUtf16Unit })), (text) => {
        try {
          parseLiveEvent(text);
        } catch (error) {
          return isLiveEventError(error);
        }
        return true;
      }),
      { numRuns: 200 },
    );
  });

  it('any bytes either parse or throw a LiveEventError', () => {
    fc.assert(
      fc.property(fc.uint8Array({ maxLength: 200 }), (bytes) => {
        try {
          parseLiveEvent(bytes);
        } catch (error) {
          return isLiveEventError(error);
        }
        return true;
      }),
    );
  });

  const fields = [
    'Event',
    'EventTime',
    'TaskId',
    'TaskInfo',
    'TaskStatus',
    'TaskInvalidReason',
    'TaskExitReason',
    'TaskExitTime',
  ];
  const fieldValue = fc.oneof(
    fc.jsonValue({ maxDepth: 2 }),
    fc.constantFrom(
      'LivePullToPushRunning',
      'LivePullToPushRuning',
      'LivePullToPushExit',
      '1725501246',
      'OverEndTime',
      'PullStreamFailed',
    ),
    fc.constantFrom(-1, 1, 2, 3, 1725587400),
    fc.constant({ TaskId: TASK_ID }),
  );

  it('accepts exactly the bodies the generated validator accepts (bar EventTimes past a Date), keeping every field', () => {
    const seen = { accepted: 0, refused: 0 };
    fc.assert(
      fc.property(
        fc.constantFrom(stateBody(), stateBody({ Event: 'LivePullToPushRuning' }), exitBody()),
        fc.dictionary(fc.constantFrom(...fields), fieldValue, { maxKeys: 3 }),
        fc.uniqueArray(fc.constantFrom(...fields), { maxLength: 2 }),
        (base, overrides, removed) => {
          const body: Record<string, unknown> = { ...base, ...overrides };
          for (const field of removed) delete body[field];
          const valid = validateLiveEvent(body) && !(Number(body['EventTime']) > MAX_DATE_SECONDS);
          try {
            const event = parseLiveEvent(JSON.stringify(body));
            seen.accepted += 1;
            expect(valid).toBe(true);
            // Compared after a JSON round trip, which turns -0 into 0.
            for (const [field, value] of Object.entries(JSON.parse(JSON.stringify(body)) as object)) {
              if (field !== 'Event') expect(event[field]).toEqual(value);
            }
          } catch (error) {
            seen.refused += 1;
            expect(isLiveEventError(error)).toBe(true);
            expect(valid).toBe(false);
          }
        },
      ),
      { numRuns: 500 },
    );
    // Both sides of the equivalence were exercised.
    expect(seen.accepted).toBeGreaterThan(20);
    expect(seen.refused).toBeGreaterThan(20);
  });

  it('keeps undeclared fields of any name and value', () => {
    fc.assert(
      fc.property(
        fc.dictionary(
          fc
            .string()
            .filter(
              (key) =>
                !/^(Event|EventTime|TaskId|TaskInfo|TaskStatus|TaskInvalidReason|receivedEventName|eventDate|__proto__|constructor|prototype)$/.test(
                  key,
                ),
            ),
          fc.jsonValue(),
        ),
        (extra) => {
          const text = JSON.stringify({ ...extra, ...stateBody() });
          const event = parseLiveEvent(text);
          // Nested prototype keys are dropped (tested on their own above).
          const sent = JSON.parse(text, dropPrototypeKey) as Record<string, unknown>;
          for (const key of Object.keys(extra)) expect(event[key]).toEqual(sent[key]);
        },
      ),
    );
  });
});
