/** Test helpers for the task event receivers: raw-socket requests, a valid event body. */
import { connect } from 'node:net';

/** A raw HTTP/1.1 answer: status, lower-case headers and body text. */
export interface RawAnswer {
  readonly status: number;
  readonly headers: Readonly<Record<string, string>>;
  readonly body: string;
}

/**
 * Writes `head` (request line and headers, without the blank line) and then each of `parts` on a
 * raw socket, and resolves with the answer as soon as a complete one has arrived, whether or not
 * the server read everything: how a sender sees an early 413.
 */
export function rawExchange(port: number, head: string, parts: readonly (string | Buffer)[]): Promise<RawAnswer> {
  return new Promise((resolve, reject) => {
    const socket = connect(port, '127.0.0.1');
    let received = Buffer.alloc(0);
    let answered = false;
    const finish = (answer: RawAnswer): void => {
      answered = true;
      socket.destroy();
      resolve(answer);
    };
    socket.on('data', (chunk: Buffer) => {
      received = Buffer.concat([received, chunk]);
      const answer = parseAnswer(received);
      if (answer !== undefined) finish(answer);
    });
    socket.on('error', (error) => {
      if (!answered) reject(error);
    });
    socket.on('close', () => {
      if (!answered)
        reject(
          new Error(
            `the connection closed without a complete answer: ${JSON.stringify(received.toString('latin1').slice(0, 300))}`,
          ),
        );
    });
    socket.write(`${head}\r\n\r\n`);
    for (const part of parts) if (!socket.destroyed) socket.write(part);
  });
}

function parseAnswer(bytes: Buffer): RawAnswer | undefined {
  const end = bytes.indexOf('\r\n\r\n');
  if (end === -1) return undefined;
  const [statusLine, ...lines] = bytes.subarray(0, end).toString('latin1').split('\r\n');
  const headers: Record<string, string> = {};
  for (const line of lines) {
    const colon = line.indexOf(':');
    headers[line.slice(0, colon).trim().toLowerCase()] = line.slice(colon + 1).trim();
  }
  const length = Number(headers['content-length'] ?? 0);
  const body = bytes.subarray(end + 4);
  if (body.length < length) return undefined;
  return { status: Number(statusLine?.split(' ')[1]), headers, body: body.subarray(0, length).toString('utf8') };
}

/** A valid state event body. */
export function stateEventBody(taskId = 'task-1', overrides: Record<string, unknown> = {}): Record<string, unknown> {
  return {
    Event: 'LivePullToPushRunning',
    EventTime: '1725501246',
    TaskId: taskId,
    TaskInfo: { TaskId: taskId },
    TaskStatus: 1,
    ...overrides,
  };
}
