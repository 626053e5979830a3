/**
 * Request bodies held in memory are capped across every connection: slow senders each parking a
 * body just under the per-request limit get 503 once the total is reached, and the emulator
 * serves bodies again once they are gone. Real HTTP on raw sockets against a real emulator.
 */
import { connect, type Socket } from 'node:net';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { type RunningEmulator, startEmulator } from '../../src/emulator/server.js';
import { expectOk, REGION } from './fixtures.js';
import { destroyAgent, sendSigned } from './signed-request.js';

const KIB = 1024;
const MAX_BODY = 64 * KIB;
const BUDGET = 200 * KIB;
/** Each slow sender announces a body under the per-request limit and sends all of it but one byte. */
const SENT = 60 * KIB;
const SENDERS = 4;

let emulator: RunningEmulator;
beforeAll(async () => {
  emulator = await startEmulator({ maxBodyBytes: MAX_BODY, maxBufferedBodyBytes: BUDGET, qpsLimit: Infinity });
});
afterAll(async () => {
  destroyAgent();
  await emulator.close();
});

interface SlowSender {
  readonly socket: Socket;
  /** Everything the emulator answered on this connection so far. */
  received(): string;
}

function slowSender(port: number): SlowSender {
  const socket = connect(port, '127.0.0.1');
  let text = '';
  socket.on('data', (chunk: Buffer) => (text += chunk.toString('latin1')));
  socket.on('error', () => undefined);
  socket.write(
    `POST / HTTP/1.1\r\nHost: 127.0.0.1:${port}\r\ncontent-type: application/x-www-form-urlencoded\r\n` +
      `content-length: ${SENT + 1}\r\n\r\n${'a'.repeat(SENT)}`,
  );
  return { socket, received: () => text };
}

/** Polls `condition` every 20 ms for up to 10 s (a bound for a loaded machine, not a speed target). */
async function eventually(condition: () => boolean | Promise<boolean>): Promise<boolean> {
  for (let waited = 0; waited < 10_000; waited += 20) {
    if (await condition()) return true;
    await new Promise((resolve) => setTimeout(resolve, 20));
  }
  return false;
}

/** A signed List whose form body is about `bytes` long (an unknown parameter pads it; the gateway drops it). */
const postList = (bytes: number) =>
  sendSigned(emulator.url, {
    action: 'DescribeLivePullToPushList',
    method: 'POST',
    placement: 'form',
    signature: 'v1',
    params: { Region: REGION, Padding: 'x'.repeat(bytes) },
    credentials: emulator.credentials,
  });

describe('the overall cap on buffered request bodies', () => {
  it('answers 503 beyond it, holds no more, and serves bodies again once the senders are gone', async () => {
    const port = Number(new URL(emulator.url).port);
    const senders = Array.from({ length: SENDERS }, () => slowSender(port));
    const refused = () => senders.filter((sender) => sender.received().startsWith('HTTP/1.1 503 '));
    try {
      // 4 × 60 KiB do not fit in 200 KiB: whoever arrives last is turned away.
      expect(await eventually(() => refused().length > 0)).toBe(true);
      const answer = refused()[0]!.received();
      expect(answer).toContain('"Code":"ServiceUnavailable"');
      expect(answer).toContain('already holds 204800 bytes of request bodies');
      expect(answer.toLowerCase()).toContain('connection: close');
      // Someone always fits: a sender is turned away only while others hold the budget.
      expect(refused().length).toBeLessThan(SENDERS);
    } finally {
      for (const sender of senders) sender.socket.destroy();
    }
    // Bodies given up by their senders go back to the budget: with the parked ones still held,
    // another 60 KiB would not fit.
    expect(await eventually(async () => (await postList(SENT)).status === 200)).toBe(true);
    const again = await Promise.all([postList(SENT), postList(SENT), postList(SENT)]);
    for (const res of again) expectOk(res);
  });
});
