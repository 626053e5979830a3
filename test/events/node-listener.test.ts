/** createLiveEventListener over real HTTP on 127.0.0.1. */
import type { IncomingMessage } from 'node:http';
import { connect } from 'node:net';
import fc from 'fast-check';
import { afterEach, describe, expect, it } from 'vitest';
import {
  createLiveEventListener,
  DEFAULT_MAX_EVENT_BODY_BYTES,
  LiveEventError,
  type LiveEventHandler,
  type LiveEventReceiverOptions,
  LiveOptionError,
  type ReceivedLiveEvent,
} from '../../src/events/index.js';
import { serve, type TestServer } from '../support/loopback-server.js';
import { rawExchange, stateEventBody } from './receiver-helpers.js';

interface Harness {
  readonly server: TestServer;
  readonly events: ReceivedLiveEvent[];
  readonly requests: IncomingMessage[];
  readonly reported: { error: unknown; status: number }[];
}

let open: TestServer | undefined;
afterEach(async () => {
  await open?.close();
  open = undefined;
});

async function start(
  handle?: LiveEventHandler<IncomingMessage>,
  options: LiveEventReceiverOptions = {},
): Promise<Harness> {
  const events: ReceivedLiveEvent[] = [];
  const requests: IncomingMessage[] = [];
  const reported: Harness['reported'] = [];
  const listener = createLiveEventListener(
    async (event, req) => {
      events.push(event);
      requests.push(req);
      await handle?.(event, req);
    },
    { onError: (error, status) => reported.push({ error, status }), ...options },
  );
  open = await serve(listener);
  return { server: open, events, requests, reported };
}

function post(server: TestServer, body: string, path = '/'): Promise<Response> {
  return fetch(`${server.url}${path}`, { method: 'POST', headers: { 'content-type': 'application/json' }, body });
}

describe('createLiveEventListener', () => {
  it('answers 200 {} once the handler has the parsed event, with the request it came in', async () => {
    const { server, events, requests, reported } = await start();
    const res = await post(
      server,
      JSON.stringify(stateEventBody('t-1', { Event: 'LivePullToPushRuning', Region: 'cn-shanghai' })),
      '/hooks/live?src=relay',
    );
    expect(res.status).toBe(200);
    expect(res.headers.get('content-type')).toBe('application/json; charset=utf-8');
    expect(await res.json()).toEqual({});
    expect(events).toHaveLength(1);
    expect(events[0]).toMatchObject({
      Event: 'LivePullToPushRunning',
      receivedEventName: 'LivePullToPushRuning',
      TaskId: 't-1',
      Region: 'cn-shanghai',
    });
    expect(requests[0]?.url).toBe('/hooks/live?src=relay');
    expect(reported).toEqual([]);
  });

  it('hands the handler an event without an own __proto__, so copying it cannot swap a prototype', async () => {
    const { server, events } = await start();
    const body = `{"__proto__":{"isAdmin":true},${JSON.stringify(stateEventBody('t-proto')).slice(1)}`;
    expect((await post(server, body)).status).toBe(200);
    const copy = Object.assign({}, events[0]) as Record<string, unknown>;
    expect(Object.getPrototypeOf(copy)).toBe(Object.prototype);
    expect(copy['isAdmin']).toBeUndefined();
  });

  it('answers only after the handler has resolved', async () => {
    const log: string[] = [];
    let release!: () => void;
    const gate = new Promise<void>((resolve) => (release = resolve));
    let started!: () => void;
    const handlerStarted = new Promise<void>((resolve) => (started = resolve));
    const { server } = await start(async () => {
      log.push('handler started');
      started();
      await gate;
    });
    const answered = post(server, JSON.stringify(stateEventBody())).then((res) => log.push(`answered ${res.status}`));
    await handlerStarted;
    log.push('released');
    release();
    await answered;
    expect(log).toEqual(['handler started', 'released', 'answered 200']);
  });

  it.each(['GET', 'PUT', 'DELETE'])('answers %s with 405 and Allow: POST', async (method) => {
    const { server, events } = await start();
    const res = await fetch(server.url, { method });
    expect(res.status).toBe(405);
    expect(res.headers.get('allow')).toBe('POST');
    expect(await res.json()).toEqual({
      error: 'MethodNotAllowed',
      message: `Task events are delivered with POST, not ${method}`,
    });
    expect(events).toEqual([]);
  });

  it.each([
    ['invalid JSON', '{"Event":', 'InvalidJson'],
    ['not an object', '[1,2]', 'NotAnObject'],
    ['an unknown event name', JSON.stringify(stateEventBody('t', { Event: 'LivePullToPushPaused' })), 'UnknownEvent'],
    ['a wrong type', JSON.stringify(stateEventBody('t', { TaskStatus: 'running' })), 'InvalidEvent'],
    ['an empty body', '', 'InvalidJson'],
  ])(
    'answers %s with 400 naming the problem, reports it, and never calls the handler',
    async (_case, body, problem) => {
      const { server, events, reported } = await start();
      const res = await post(server, body);
      expect(res.status).toBe(400);
      const answer = (await res.json()) as { error: string; message: string };
      expect(answer.error).toBe(problem);
      expect(answer.message.length).toBeGreaterThan(10);
      expect(events).toEqual([]);
      expect(reported).toHaveLength(1);
      expect(reported[0]?.status).toBe(400);
      expect(reported[0]?.error).toBeInstanceOf(LiveEventError);
      expect((reported[0]!.error as LiveEventError).message).toBe(answer.message);
    },
  );

  it('lists every issue with its field for a body missing TaskId', async () => {
    const body = stateEventBody();
    delete body['TaskId'];
    const { server } = await start();
    const res = await post(server, JSON.stringify(body));
    expect(res.status).toBe(400);
    expect(await res.json()).toEqual({
      error: 'InvalidEvent',
      message: 'Invalid LivePullToPushRunning event: TaskId is required',
      issues: [{ field: 'TaskId', message: 'TaskId is required' }],
    });
  });

  it('answers 500 when the handler throws or rejects, reports what it threw, and goes on serving', async () => {
    const failure = new Error('database down');
    let calls = 0;
    const { server, reported } = await start((event) => {
      calls += 1;
      if (calls === 1) throw failure;
      if (calls === 2) return Promise.reject(failure);
      expect(event.TaskId).toBe('t-3');
    });
    for (const taskId of ['t-1', 't-2']) {
      const res = await post(server, JSON.stringify(stateEventBody(taskId)));
      expect(res.status).toBe(500);
      expect(await res.json()).toEqual({
        error: 'HandlerFailed',
        message: `The LivePullToPushRunning event of task ${taskId} was valid but the receiver failed to handle it`,
      });
    }
    expect(reported).toEqual([
      { error: failure, status: 500 },
      { error: failure, status: 500 },
    ]);
    expect((await post(server, JSON.stringify(stateEventBody('t-3')))).status).toBe(200);
  });

  it('survives an onError that throws', async () => {
    const { server } = await start(undefined, {
      onError: () => {
        throw new Error('reporter broken');
      },
    });
    expect((await post(server, 'nope')).status).toBe(400);
    expect((await post(server, JSON.stringify(stateEventBody()))).status).toBe(200);
  });

  it('accepts a body of exactly maxBodyBytes and refuses one byte more', async () => {
    const body = JSON.stringify(stateEventBody());
    const { server, events } = await start(undefined, { maxBodyBytes: Buffer.byteLength(body) });
    expect((await post(server, body)).status).toBe(200);
    expect((await post(server, `${body} `)).status).toBe(413);
    expect(events).toHaveLength(1);
  });

  it('answers 413 at once when Content-Length is over the limit, without waiting for the body', async () => {
    const { server, events, reported } = await start();
    // Only 10 bytes of the announced 10 MiB are ever sent: an answer proves nothing more was awaited.
    const answer = await rawExchange(
      server.port,
      `POST / HTTP/1.1\r\nHost: x\r\nContent-Type: application/json\r\nContent-Length: ${10 * 1024 * 1024}`,
      ['{"Event":"'],
    );
    expect(answer.status).toBe(413);
    expect(answer.headers['connection']).toBe('close');
    expect(JSON.parse(answer.body)).toEqual({
      error: 'BodyTooLarge',
      message: `A task event body must be at most ${DEFAULT_MAX_EVENT_BODY_BYTES} bytes; this one is larger`,
    });
    expect(events).toEqual([]);
    expect(reported.map(({ error, status }) => [(error as LiveEventError).problem, status])).toEqual([
      ['BodyTooLarge', 413],
    ]);
  });

  it('answers 413 as soon as a chunked body passes the limit, before the body ends', async () => {
    const { server, events } = await start(undefined, { maxBodyBytes: 1024 });
    const chunk = 'x'.repeat(1500);
    // The chunked body is never terminated: the answer must come from the limit alone.
    const answer = await rawExchange(server.port, 'POST / HTTP/1.1\r\nHost: x\r\nTransfer-Encoding: chunked', [
      `${chunk.length.toString(16)}\r\n${chunk}\r\n`,
    ]);
    expect(answer.status).toBe(413);
    expect(JSON.parse(answer.body)).toMatchObject({ error: 'BodyTooLarge' });
    expect(events).toEqual([]);
  });

  it('answers a sender that writes a whole 1 MiB body with 413', async () => {
    const { server } = await start();
    const huge = Buffer.alloc(1024 * 1024, 0x20);
    const answer = await rawExchange(server.port, `POST / HTTP/1.1\r\nHost: x\r\nContent-Length: ${huge.length}`, [
      huge,
    ]);
    expect(answer.status).toBe(413);
  });

  it('survives a sender that disconnects mid-body', async () => {
    const { server, events, reported } = await start();
    await new Promise<void>((resolve, reject) => {
      const socket = connect(server.port, '127.0.0.1', () => {
        socket.write('POST / HTTP/1.1\r\nHost: x\r\nContent-Length: 500\r\n\r\n{"Event":"LivePullToPushRunning"', () =>
          socket.destroy(),
        );
      });
      socket.on('close', () => resolve());
      socket.on('error', reject);
    });
    expect((await post(server, JSON.stringify(stateEventBody()))).status).toBe(200);
    expect(events).toHaveLength(1);
    expect(reported).toEqual([]);
  });

  it("uses a body-parsing middleware's req.body when the stream was already read", async () => {
    const events: ReceivedLiveEvent[] = [];
    const listener = createLiveEventListener((event) => void events.push(event), { onError: () => {} });
    open = await serve((req, res) => {
      const chunks: Buffer[] = [];
      req.on('data', (chunk: Buffer) => chunks.push(chunk));
      req.on('end', () => {
        const text = Buffer.concat(chunks).toString('utf8');
        if (req.url === '/parsed') Object.assign(req, { body: JSON.parse(text) as unknown });
        listener(req, res);
      });
    });
    const ok = await post(open, JSON.stringify(stateEventBody('from-middleware')), '/parsed');
    expect(ok.status).toBe(200);
    expect(events.map((event) => event.TaskId)).toEqual(['from-middleware']);
    const unreadable = await post(open, JSON.stringify(stateEventBody()), '/consumed');
    expect(unreadable.status).toBe(400);
    expect(await unreadable.json()).toMatchObject({ error: 'BodyUnreadable' });
  });

  it('refuses a maxBodyBytes that is not a positive integer', () => {
    for (const maxBodyBytes of [0, -1, 1.5, Number.NaN, Infinity]) {
      expect(() => createLiveEventListener(() => {}, { maxBodyBytes })).toThrow(LiveOptionError);
    }
  });

  it('answers any body with 200 or a 400 naming a problem, and keeps serving', async () => {
    const { server, events } = await start();
    const body = fc.oneof(
      fc.string(),
      fc.json(),
      fc
        .dictionary(
          fc.constantFrom('Event', 'EventTime', 'TaskId', 'TaskStatus', 'TaskInfo', 'Other'),
          fc.jsonValue({ maxDepth: 1 }),
        )
        .map((fields) => JSON.stringify({ ...stateEventBody(), ...fields })),
    );
    await fc.assert(
      fc.asyncProperty(body, async (text) => {
        const res = await post(server, text);
        const answer = (await res.json()) as { error?: string };
        if (res.status === 200) return answer.error === undefined;
        return (
          res.status === 400 &&
          ['InvalidJson', 'NotAnObject', 'UnknownEvent', 'InvalidEvent'].includes(answer.error ?? '')
        );
      }),
      { numRuns: 60 },
    );
    expect((await post(server, JSON.stringify(stateEventBody('last')))).status).toBe(200);
    expect(events.at(-1)?.TaskId).toBe('last');
  });
});
