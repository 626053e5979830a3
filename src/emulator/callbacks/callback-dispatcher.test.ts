import { describe, expect, it } from 'vitest';
import { createCallbackDispatcher } from './callback-dispatcher.js';
import type { DeliveryOutcome } from './post-json.js';

/** A post function whose deliveries the test settles by hand. */
function manualPost() {
  const calls: { url: string; body: unknown; settle: (outcome: DeliveryOutcome) => void; signal: AbortSignal }[] = [];
  const post = (url: string, body: string, _timeoutMs: number, signal: AbortSignal) =>
    new Promise<DeliveryOutcome>((settle) => calls.push({ url, body: JSON.parse(body), settle, signal }));
  return { calls, post };
}

const tick = () => new Promise((resolve) => setImmediate(resolve));

describe('createCallbackDispatcher', () => {
  it("delivers one task's events one at a time, in order, and other tasks' alongside", async () => {
    const { calls, post } = manualPost();
    const dispatcher = createCallbackDispatcher({ post });
    dispatcher.send('a', 'http://r/a', { n: 1 });
    dispatcher.send('a', 'http://r/a', { n: 2 });
    dispatcher.send('b', 'http://r/b', { n: 3 });
    expect(calls.map((call) => call.body)).toEqual([{ n: 1 }, { n: 3 }]);
    calls[0]!.settle({ ok: true, status: 200 });
    await tick();
    expect(calls.map((call) => call.body)).toEqual([{ n: 1 }, { n: 3 }, { n: 2 }]);
    calls[1]!.settle({ ok: false, status: 500, reason: 'HTTP 500' });
    calls[2]!.settle({ ok: true, status: 204 });
    await dispatcher.idle();
    expect(dispatcher.stats()).toEqual({ delivered: 2, failed: 1, dropped: 0, pending: 0 });
  });

  it('caps deliveries in flight across tasks', async () => {
    const { calls, post } = manualPost();
    const dispatcher = createCallbackDispatcher({ post, concurrency: 2 });
    for (const task of ['a', 'b', 'c', 'd']) dispatcher.send(task, `http://r/${task}`, { task });
    expect(calls).toHaveLength(2);
    calls[0]!.settle({ ok: true, status: 200 });
    await tick();
    expect(calls.map((call) => call.body)).toEqual([{ task: 'a' }, { task: 'b' }, { task: 'c' }]);
  });

  it('drops and counts events beyond maxPending', () => {
    const { post } = manualPost();
    const dispatcher = createCallbackDispatcher({ post, maxPending: 3 });
    for (let n = 0; n < 5; n++) dispatcher.send('a', 'http://r', { n });
    expect(dispatcher.stats()).toEqual({ delivered: 0, failed: 0, dropped: 2, pending: 3 });
  });

  it('counts a post that rejects as failed, without an unhandled rejection', async () => {
    const dispatcher = createCallbackDispatcher({ post: () => Promise.reject(new Error('boom')) });
    dispatcher.send('a', 'http://r', {});
    await dispatcher.idle();
    expect(dispatcher.stats()).toMatchObject({ failed: 1, pending: 0 });
  });

  it('abandons everything on request: aborts deliveries in flight and drops the queue', async () => {
    const { calls, post } = manualPost();
    const dispatcher = createCallbackDispatcher({ post });
    dispatcher.send('a', 'http://r', { n: 1 });
    dispatcher.send('a', 'http://r', { n: 2 });
    const idle = dispatcher.idle();
    dispatcher.abandon();
    await idle;
    expect(calls[0]!.signal.aborted).toBe(true);
    calls[0]!.settle({ ok: false, reason: 'aborted' });
    await tick();
    expect(dispatcher.stats()).toEqual({ delivered: 0, failed: 0, dropped: 2, pending: 0 });
    expect(calls).toHaveLength(1);
  });
});
