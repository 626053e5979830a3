/**
 * Run inside a repository copy whose spec gained a parameter of UpdateLivePullToPush (argv: its
 * name and an integer value): calls the real client against the real emulator and a recording
 * server, and prints what happened as JSON. Typed loosely on purpose: in the repository itself
 * the parameter does not exist.
 */
import { createServer } from 'node:http';
import type { AddressInfo } from 'node:net';
import { startEmulator } from '../../src/emulator/server.js';
import { createLiveClient, LiveApiError, LiveValidationError } from '../../src/index.js';

const [name = '', text = '0'] = process.argv.slice(2);
const value = Number(text);
const Region = 'cn-shanghai';
const utc = (ms: number) => new Date(ms).toISOString().replace(/\.\d{3}Z$/, 'Z');
type LooseUpdate = (params: Record<string, unknown>) => Promise<unknown>;

const emulator = await startEmulator();
const seen: string[] = [];
const recorder = createServer((request, response) => {
  seen.push(request.url ?? '');
  response.setHeader('content-type', 'application/json');
  response.end(JSON.stringify({ RequestId: 'recorded', RetCode: 0, Description: 'OK' }));
});
await new Promise<void>((listening) => recorder.listen(0, '127.0.0.1', listening));
try {
  const client = createLiveClient({ endpoint: emulator.url, credentials: emulator.credentials });
  const update = client.updateLivePullToPush.bind(client) as unknown as LooseUpdate;
  const now = Date.now();
  const task = (startMs: number, stream: string) =>
    client.createLivePullToPush({
      Region,
      StartTime: utc(startMs),
      EndTime: utc(startMs + 3_600_000),
      SourceType: 'vod',
      SourceUrls: ['a1b2c3d4e5'],
      DstUrl: `rtmp://push.example.com/live/${stream}`,
    });
  const idle = await task(now + 3_600_000, 'idle');
  const running = await task(now - 60_000, 'running');
  const outcome = async (params: Record<string, unknown>): Promise<unknown> => {
    try {
      return await update(params);
    } catch (error) {
      if (error instanceof LiveApiError) return { code: error.code };
      if (error instanceof LiveValidationError) return { issues: error.issues };
      throw error;
    }
  };
  const accepted = await outcome({ TaskId: idle.TaskId, Region, [name]: value });
  const whileRunning = await outcome({ TaskId: running.TaskId, Region, [name]: value });
  const notAnInteger = await outcome({ TaskId: idle.TaskId, Region, [name]: 'high' });

  const port = (recorder.address() as AddressInfo).port;
  const recorded = createLiveClient({ endpoint: `http://127.0.0.1:${port}`, credentials: emulator.credentials });
  await (recorded.updateLivePullToPush.bind(recorded) as unknown as LooseUpdate)({
    TaskId: 't',
    Region,
    [name]: value,
  });
  console.log(JSON.stringify({ accepted, whileRunning, notAnInteger, sent: seen }));
} finally {
  recorder.close();
  await emulator.close();
}
