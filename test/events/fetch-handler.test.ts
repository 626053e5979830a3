/** handleLiveEventRequest on Fetch API requests. */
import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import {
  handleLiveEventRequest,
  LiveEventError,
  type LiveEventReceiverOptions,
  LiveOptionError,
  type ReceivedLiveEvent,
} from '../../src/events/index.js';
import { stateEventBody } from './receiver-helpers.js';

const URL_ = 'http://receiver.test/hooks/live';

function postRequest(body: RequestInit['body'], headers: Record<string, string> = {}): Request {
  return new Request(URL_, {
    method: 'POST',
    headers: { 'content-type': 'application/json', ...headers },
    body,
    duplex: 'half',
  } as RequestInit);
}

/** A request body that yields `chunkBytes` at a time without end, counting pulls and noting cancellation. */
function endlessBody(chunkBytes: number): {
  stream: ReadableStream<Uint8Array>;
  pulls: () => number;
  cancelled: () => boolean;
} {
  let pulls = 0;
  let cancelled = false;
  const stream = new ReadableStream<Uint8Array>({
    pull(controller) {
      pulls += 1;
      controller.enqueue(new Uint8Array(chunkBytes).fill(0x20));
    },
    cancel() {
      cancelled = true;
    },
  });
  return { stream, pulls: () => pulls, cancelled: () => cancelled };
}

function recorder(options: LiveEventReceiverOptions = {}) {
  const events: ReceivedLiveEvent[] = [];
  const requests: Request[] = [];
  const reported: { error: unknown; status: number }[] = [];
  const handle = (request: Request, onEvent?: (event: ReceivedLiveEvent) => void | Promise<void>) =>
    handleLiveEventRequest(
      request,
      async (event, req) => {
        events.push(event);
        requests.push(req);
        await onEvent?.(event);
      },
      { onError: (error, status) => reported.push({ error, status }), ...options },
    );
  return { events, requests, reported, handle };
}

describe('handleLiveEventRequest', () => {
  it('resolves 200 {} after the handler got the parsed event and the request', async () => {
    const { events, requests, reported, handle } = recorder();
    const request = postRequest(JSON.stringify(stateEventBody('t-1', { Event: 'LivePullToPushRuning' })));
    const res = await handle(request);
    expect(res.status).toBe(200);
    expect(res.headers.get('content-type')).toBe('application/json; charset=utf-8');
    expect(await res.json()).toEqual({});
    expect(events[0]).toMatchObject({
      Event: 'LivePullToPushRunning',
      receivedEventName: 'LivePullToPushRuning',
      TaskId: 't-1',
    });
    expect(requests[0]).toBe(request);
    expect(reported).toEqual([]);
  });

  it('answers a non-POST with 405 and Allow: POST', async () => {
    const { events, handle } = recorder();
    const res = await handle(new Request(URL_, { method: 'GET' }));
    expect(res.status).toBe(405);
    expect(res.headers.get('allow')).toBe('POST');
    expect(await res.json()).toMatchObject({ error: 'MethodNotAllowed' });
    expect(events).toEqual([]);
  });

  it.each([
    ['invalid JSON', 'not json', 'InvalidJson'],
    ['not an object', 'null', 'NotAnObject'],
    ['an unknown event name', JSON.stringify(stateEventBody('t', { Event: 'Nope' })), 'UnknownEvent'],
    [
      'a missing TaskId',
      JSON.stringify({ Event: 'LivePullToPushExit', EventTime: '1', TaskStatus: -1 }),
      'InvalidEvent',
    ],
    ['no body at all', null, 'InvalidJson'],
  ])('answers %s with 400 naming the problem and reports it', async (_case, body, problem) => {
    const { events, reported, handle } = recorder();
    const res = await handle(postRequest(body));
    expect(res.status).toBe(400);
    const answer = (await res.json()) as { error: string; message: string; issues?: unknown };
    expect(answer.error).toBe(problem);
    expect(events).toEqual([]);
    expect(reported).toHaveLength(1);
    expect(reported[0]?.error).toBeInstanceOf(LiveEventError);
    expect((reported[0]!.error as LiveEventError).problem).toBe(problem);
    if (problem === 'InvalidEvent') expect(answer.issues).toEqual([{ field: 'TaskId', message: 'TaskId is required' }]);
  });

  it('answers 500 when the handler throws or rejects, and reports what it threw', async () => {
    const failure = new Error('queue full');
    const { reported, handle } = recorder();
    const thrown = await handle(postRequest(JSON.stringify(stateEventBody())), () => {
      throw failure;
    });
    const rejected = await handle(postRequest(JSON.stringify(stateEventBody())), () => Promise.reject(failure));
    for (const res of [thrown, rejected]) {
      expect(res.status).toBe(500);
      expect(await res.json()).toMatchObject({ error: 'HandlerFailed' });
    }
    expect(reported).toEqual([
      { error: failure, status: 500 },
      { error: failure, status: 500 },
    ]);
  });

  it('answers 413 from Content-Length alone, cancelling the body unread', async () => {
    const { events, reported, handle } = recorder({ maxBodyBytes: 4096 });
    const body = endlessBody(1024);
    const res = await handle(postRequest(body.stream, { 'content-length': String(10 * 1024 * 1024) }));
    expect(res.status).toBe(413);
    expect(await res.json()).toEqual({
      error: 'BodyTooLarge',
      message: 'A task event body must be at most 4096 bytes; this one is larger',
    });
    expect(body.cancelled()).toBe(true);
    expect(events).toEqual([]);
    expect(reported.map(({ status }) => status)).toEqual([413]);
  });

  it('answers 413 once a streamed body passes the limit, cancelling the rest', async () => {
    const { events, handle } = recorder({ maxBodyBytes: 4096 });
    const body = endlessBody(1024);
    const res = await handle(postRequest(body.stream));
    expect(res.status).toBe(413);
    expect(body.cancelled()).toBe(true);
    // 5 chunks pass the limit; the stream may have pulled one or two ahead, never the rest.
    expect(body.pulls()).toBeLessThanOrEqual(8);
    expect(events).toEqual([]);
  });

  it('accepts a body of exactly maxBodyBytes', async () => {
    const text = JSON.stringify(stateEventBody());
    const { handle } = recorder({ maxBodyBytes: Buffer.byteLength(text) });
    expect((await handle(postRequest(text))).status).toBe(200);
    expect((await handle(postRequest(`${text}\n`))).status).toBe(413);
  });

  it('answers 400 BodyUnreadable for a body already used or a stream that fails', async () => {
    const { handle } = recorder();
    const used = postRequest(JSON.stringify(stateEventBody()));
    await used.text();
    const failing = new ReadableStream<Uint8Array>({
      pull(controller) {
        controller.error(new Error('socket reset'));
      },
    });
    for (const request of [used, postRequest(failing)]) {
      const res = await handle(request);
      expect(res.status).toBe(400);
      expect(await res.json()).toMatchObject({ error: 'BodyUnreadable' });
    }
  });

  it('rejects a maxBodyBytes that is not a positive integer', async () => {
    await expect(handleLiveEventRequest(postRequest('{}'), () => {}, { maxBodyBytes: 0 })).rejects.toThrow(
      LiveOptionError,
    );
  });

  it('answers any body with 200 or a 400 naming a problem, never rejecting', async () => {
    const { handle } = recorder();
    await fc.assert(
      fc.asyncProperty(fc.oneof(fc.string(), fc.json(), fc.uint8Array({ maxLength: 64 })), async (body) => {
        const res = await handle(postRequest(body));
        const answer = (await res.json()) as { error?: string };
        if (res.status === 200) return answer.error === undefined;
        return (
          res.status === 400 &&
          ['InvalidJson', 'NotAnObject', 'UnknownEvent', 'InvalidEvent'].includes(answer.error ?? '')
        );
      }),
      { numRuns: 200 },
    );
  });
});
