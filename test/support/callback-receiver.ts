/** A task-callback receiver for the emulator tests: records every body, answers as told. */
import type { IncomingMessage, ServerResponse } from 'node:http';
import { serve } from './loopback-server.js';

/** How the receiver answers: 200, 500, or never (it holds the request open). */
export type ReceiverMode = 'ok' | 'fail' | 'hang';

export interface Receiver {
  readonly url: string;
  /** Parsed bodies in arrival order. */
  readonly events: Record<string, unknown>[];
  /** Requests received but not answered (hang mode). */
  readonly held: ServerResponse[];
  mode: ReceiverMode;
  /** Resolves once `count` events have arrived. */
  received(count: number): Promise<void>;
  close(): Promise<void>;
}

/** A real HTTP callback receiver on 127.0.0.1 and a free port. */
export async function startReceiver(mode: ReceiverMode = 'ok'): Promise<Receiver> {
  const events: Record<string, unknown>[] = [];
  const held: ServerResponse[] = [];
  let waiters: { count: number; wake: () => void }[] = [];
  const server = await serve((req: IncomingMessage, res: ServerResponse) => {
    const chunks: Buffer[] = [];
    req.on('data', (chunk: Buffer) => chunks.push(chunk));
    req.on('end', () => {
      events.push(JSON.parse(Buffer.concat(chunks).toString('utf8')) as Record<string, unknown>);
      const woken = waiters.filter((waiter) => events.length >= waiter.count);
      waiters = waiters.filter((waiter) => events.length < waiter.count);
      for (const waiter of woken) waiter.wake();
      if (receiver.mode === 'hang') held.push(res);
      else res.writeHead(receiver.mode === 'ok' ? 200 : 500).end();
    });
  });
  const receiver: Receiver = {
    url: `${server.url}/hook?src=live`,
    events,
    held,
    mode,
    received: (count) =>
      events.length >= count ? Promise.resolve() : new Promise((wake) => waiters.push({ count, wake })),
    close: () => server.close(),
  };
  return receiver;
}
