/**
 * `live-relay emulator`: runs the local service until SIGINT or SIGTERM.
 *
 *   live-relay emulator [--host 127.0.0.1] [--port 9000]
 *                       [--access-key-id ID --access-key-secret SECRET] [--data FILE]
 *                       [--allow-cross-origin]
 *                       [--media FILE] [--default-media-duration SECONDS] [--frozen-clock]
 *                       [--relay [--ffmpeg PATH]] [--retry-interval SECONDS]
 *
 * Also runnable directly: `node --import tsx src/cli/emulator-command.ts --port 0`.
 */
import { realpathSync } from 'node:fs';
import { fileURLToPath } from 'node:url';
import { DEFAULT_ACCESS_KEY_ID, DEFAULT_ACCESS_KEY_SECRET } from '../emulator/gateway/access-keys.js';
import { DEFAULT_MEDIA_DURATION_SECONDS } from '../emulator/playback/media-catalog.js';
import { type EmulatorOptions, type RunningEmulator, startEmulator } from '../emulator/server.js';
import { parseArgv } from './argv.js';
import { secretsInArgv, secretsInEnv } from './argv-secrets.js';
import { maskedIo } from './masked-io.js';

/** Default port of `live-relay emulator` (the spec's emulator server URL uses it). */
export const DEFAULT_EMULATOR_PORT = 9000;

/** Where the command writes; the process's own streams by default. */
export interface EmulatorCommandIo {
  readonly stdout: { write(text: string): unknown };
  readonly stderr: { write(text: string): unknown };
}

const USAGE = `Usage: live-relay emulator [options]

Runs a local ApsaraVideo Live pull-to-push service (RPC endpoint at /, control routes under
/_emulator/) until SIGINT or SIGTERM.

Options:
  --host HOST                 interface to bind (default 127.0.0.1; the control routes are unsigned)
  --port PORT                 TCP port, 0 for a free one (default ${DEFAULT_EMULATOR_PORT})
  --access-key-id ID          AccessKeyId to accept (default the built-in ${DEFAULT_ACCESS_KEY_ID})
  --access-key-secret SECRET  its secret (required with --access-key-id; visible to other users
                              of this machine in ps: it is a test secret, not a real one)
  --data FILE                 SQLite file that keeps tasks across restarts (default: in memory)
  --allow-cross-origin        answer web pages of any origin and any Host name, with CORS headers
                              (default: browser requests from other origins, and Host names other
                              than an IP address, localhost or --host, get 403, so that no web page
                              you visit can drive the emulator)
  --media FILE                media catalog, JSON: {"<media ID or URL>": {"durationSeconds": N, "missing"?: true}};
                              with --relay a VOD ID's entry names its "file" (durationSeconds then optional)
  --default-media-duration S  seconds a medium not in the catalog plays (default ${DEFAULT_MEDIA_DURATION_SECONDS})
  --frozen-clock              the task clock stands still between POST /_emulator/clock calls
  --relay                     relay for real: each Running task pulls its source and pushes it to its
                              DstUrl with an ffmpeg child process (Debian's ffmpeg); the task clock
                              is then the real clock. VOD media IDs play the catalog's "file".
  --ffmpeg PATH               the ffmpeg for --relay (default: ffmpeg on PATH; ffprobe beside it)
  --retry-interval S          seconds between retries instead of each task's RetryInterval (60-300 s)
  -h, --help                  show this help
`;

const VALUE_OPTIONS = new Set([
  'host',
  'port',
  'access-key-id',
  'access-key-secret',
  'data',
  'media',
  'default-media-duration',
  'ffmpeg',
  'retry-interval',
]);

/**
 * Runs the emulator command line and resolves with the exit status once the emulator has
 * stopped: 0 after SIGINT/SIGTERM (or `--help`), 1 when it cannot start, 2 for a bad command line.
 * Prints the URL and the accepted AccessKeyId; prints the secret only for the built-in test key.
 */
export async function runEmulatorCommand(argv: readonly string[], io: EmulatorCommandIo = process): Promise<number> {
  const parsed = parseArgv(argv, new Set(['help', 'h', 'allow-cross-origin', 'frozen-clock', 'relay']));
  const problems = [...parsed.problems];
  const values: Record<string, string> = {};
  let help = false;
  let allowCrossOrigin = false;
  let frozenClock = false;
  let relay = false;
  for (const option of parsed.options) {
    if (option.value === true && option.name === 'allow-cross-origin') allowCrossOrigin = true;
    else if (option.value === true && option.name === 'frozen-clock') frozenClock = true;
    else if (option.value === true && option.name === 'relay') relay = true;
    else if (option.value === true) help = true;
    else if (VALUE_OPTIONS.has(option.name)) values[option.name] = option.value;
    else problems.push(`${option.flag}: unknown option`);
  }
  if (parsed.positionals.length > 0) problems.push(`unexpected argument ${JSON.stringify(parsed.positionals[0])}`);
  if (help) {
    io.stdout.write(USAGE);
    return 0;
  }
  if (values['ffmpeg'] !== undefined && !relay) problems.push('--ffmpeg needs --relay');
  if (relay && frozenClock) problems.push('--relay runs on the real clock: drop --frozen-clock');
  const options: EmulatorOptions = {
    ...toOptions(values, problems),
    ...(allowCrossOrigin ? { allowCrossOrigin } : {}),
    ...(frozenClock ? { frozenClock } : {}),
    ...(relay ? { relay, relayLog: (line: string) => io.stdout.write(`${line}\n`) } : {}),
  };
  if (problems.length > 0) {
    io.stderr.write(`live-relay emulator: ${problems.join('\n  ')}\n\n${USAGE}`);
    return 2;
  }

  let emulator: RunningEmulator;
  try {
    emulator = await startEmulator(options);
  } catch (error) {
    io.stderr.write(`live-relay emulator: cannot start: ${error instanceof Error ? error.message : String(error)}\n`);
    return 1;
  }
  const stopped = new Promise<void>((resolve) => {
    const stop = (): void => {
      process.off('SIGINT', stop);
      process.off('SIGTERM', stop);
      resolve();
    };
    process.on('SIGINT', stop);
    process.on('SIGTERM', stop);
  });
  const { accessKeyId, accessKeySecret } = emulator.credentials;
  io.stdout.write(`live-relay emulator listening on ${emulator.url}\n`);
  io.stdout.write(`AccessKeyId: ${accessKeyId}\n`);
  // The built-in pair is public and users need it to sign; a secret they chose is never echoed.
  if (accessKeyId === DEFAULT_ACCESS_KEY_ID && accessKeySecret === DEFAULT_ACCESS_KEY_SECRET) {
    io.stdout.write(`AccessKeySecret: ${accessKeySecret} (built-in test key)\n`);
  }
  io.stdout.write('Press Ctrl+C to stop.\n');

  await stopped;
  await emulator.close();
  io.stdout.write('live-relay emulator stopped\n');
  return 0;
}

function toOptions(values: Readonly<Record<string, string>>, problems: string[]): EmulatorOptions {
  const port = values['port'] === undefined ? DEFAULT_EMULATOR_PORT : Number(values['port']);
  if (!Number.isInteger(port) || port < 0 || port > 65535)
    problems.push(`--port must be an integer from 0 to 65535 (got ${values['port']})`);
  const id = values['access-key-id'];
  const secret = values['access-key-secret'];
  if ((id === undefined) !== (secret === undefined))
    problems.push('--access-key-id and --access-key-secret must be given together');
  if (id === '' || secret === '') problems.push('--access-key-id and --access-key-secret must not be empty');
  const defaultDuration = values['default-media-duration'];
  const seconds = Number(defaultDuration);
  if (defaultDuration !== undefined && !(Number.isFinite(seconds) && seconds > 0))
    problems.push(`--default-media-duration must be a positive number of seconds (got ${defaultDuration})`);
  const retryText = values['retry-interval'];
  const retry = Number(retryText);
  if (retryText !== undefined && !(Number.isFinite(retry) && retry > 0))
    problems.push(`--retry-interval must be a positive number of seconds (got ${retryText})`);
  return {
    port,
    ...(values['host'] === undefined ? {} : { host: values['host'] }),
    ...(id === undefined || secret === undefined ? {} : { accessKeyId: id, accessKeySecret: secret }),
    ...(values['data'] === undefined ? {} : { dataFile: values['data'] }),
    ...(values['media'] === undefined ? {} : { media: values['media'] }),
    ...(defaultDuration === undefined ? {} : { defaultMediaDurationSeconds: seconds }),
    ...(values['ffmpeg'] === undefined ? {} : { ffmpegPath: values['ffmpeg'] }),
    ...(retryText === undefined ? {} : { retryIntervalSeconds: retry }),
  };
}

function isEntryPoint(): boolean {
  const script = process.argv[1];
  if (script === undefined) return false;
  try {
    return realpathSync(script) === realpathSync(fileURLToPath(import.meta.url));
  } catch {
    return false;
  }
}

if (isEntryPoint()) {
  const argv = process.argv.slice(2);
  const io = maskedIo({ ...process, env: process.env }, [...secretsInArgv(argv), ...secretsInEnv(process.env)]);
  process.exitCode = await runEmulatorCommand(argv, io);
}
