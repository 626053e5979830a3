/**
 * The live-relay emulator (from dist/) as a benchmark server: the benchmark AccessKey, per-key
 * throttling off (`qpsLimit: Infinity`; every other check stays on: signature, signing-time
 * window, nonce replay guard, schema validation, task state), in-memory store, and one task
 * created through the service before `ready`, whose TaskId it reports. The task starts tomorrow
 * (state Idle), so every UpdateLivePullToPush parameter is accepted; its SourceType `url`
 * takes the row's two file URLs.
 */
import { CREDENTIALS, REGION } from '../lib/params.js';
import { serveStats } from './stats-channel.js';

const { startEmulator } = await import(new URL('../../dist/emulator/server.js', import.meta.url).href);
const emulator = await startEmulator({ ...CREDENTIALS, qpsLimit: Infinity });
const utc = (ms) => new Date(ms).toISOString().replace(/\.\d{3}Z$/, 'Z');
const { TaskId } = emulator.service.handle('CreateLivePullToPush', {
  Region: REGION,
  TaskName: 'bench',
  StartTime: utc(Date.now() + 86_400_000),
  EndTime: utc(Date.now() + 2 * 86_400_000),
  SourceType: 'url',
  SourceUrls: ['https://media.example.com/vod/intro.mp4'],
  DstUrl: 'rtmp://push.example.com/live/stream-1',
});
serveStats(() => NaN);
process.on('SIGTERM', () => emulator.close().then(() => process.exit(0)));
process.send({ type: 'ready', port: Number(new URL(emulator.url).port), taskId: TaskId });
