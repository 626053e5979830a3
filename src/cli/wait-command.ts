import { QPS_LIMIT_PER_ACCOUNT, schemaEnums } from '../../generated/operations.js';
import type { LiveClientOptions } from '../client/client-options.js';
import { createLiveClient } from '../client/create-live-client.js';
import type { LiveRequest } from '../client/operation-types.js';
import { DEFAULT_WAIT_TIMEOUT_MS, waitForLivePullToPush } from '../client/waiters/wait-for-live-pull-to-push.js';
import { TASK_STATES, type TaskStateName } from '../rules/task-state.js';
import type { ArgvOption } from './argv.js';
import { resolveCliCredentials } from './credentials-options.js';
import { looseKey } from './flag-name.js';
import type { GlobalOptions } from './global-options.js';
import type { MaskedIo } from './masked-io.js';
import { formatOutput } from './output.js';
import { cliRateLimitRedis } from './rate-limit-redis.js';
import { UsageError } from './usage-error.js';

/** The states `live-relay wait --status` takes: the spec's TaskStatus names, lower case. */
export const WAIT_STATUSES = (Object.keys(TASK_STATES) as TaskStateName[]).map(
  (name) => name.toLowerCase() as Lowercase<TaskStateName>,
);

export const WAIT_USAGE = `Usage: live-relay wait --task-id ID --region REGION --status ${WAIT_STATUSES.join('|')} [--timeout SECONDS] [global options]

Polls DescribeLivePullToPush (with backoff, within the ${QPS_LIMIT_PER_ACCOUNT} calls per second limit) until the task
is in the given state, then prints that Describe answer. Exit status 0 when it got there; 1 when
--timeout passed (default ${DEFAULT_WAIT_TIMEOUT_MS / 1000} s) or the task exited first, with the last state seen on stderr;
2 for a bad command line.
`;

/** `live-relay wait`: the waiter from the command line. */
export async function runWaitCommand(
  rest: readonly ArgvOption[],
  globals: GlobalOptions,
  io: MaskedIo,
): Promise<number> {
  const { task, status, timeoutMs } = waitArguments(rest);
  const redis = cliRateLimitRedis(globals.rateLimitRedis, io.env);
  if (redis !== undefined && 'problem' in redis) throw new UsageError([redis.problem], WAIT_HINT);
  const options: LiveClientOptions = {
    credentials: await resolveCliCredentials(globals, io),
    ...(redis !== undefined && 'rateLimit' in redis ? { rateLimit: redis.rateLimit } : {}),
    ...(globals.endpoint === undefined ? {} : { endpoint: globals.endpoint }),
    ...(globals.signatureVersion === undefined ? {} : { signatureVersion: globals.signatureVersion }),
  };
  const body = await waitForLivePullToPush(createLiveClient(options), task, { until: status, timeoutMs });
  io.stdout.write(formatOutput('DescribeLivePullToPush', body, globals.output));
  return 0;
}

const WAIT_HINT = "Run 'live-relay wait --help' for its options.";
const FLAGS = { taskid: 'TaskId', region: 'Region', status: 'status', timeout: 'timeout' } as const;

function waitArguments(rest: readonly ArgvOption[]): {
  task: LiveRequest<'DescribeLivePullToPush'>;
  status: (typeof WAIT_STATUSES)[number];
  timeoutMs: number;
} {
  const values: Partial<Record<(typeof FLAGS)[keyof typeof FLAGS], string>> = {};
  const problems: string[] = [];
  for (const option of rest) {
    const key = looseKey(option.name);
    const name = Object.hasOwn(FLAGS, key) ? FLAGS[key as keyof typeof FLAGS] : undefined;
    if (name === undefined || option.value === true) problems.push(`${option.flag}: unknown option`);
    else if (values[name] !== undefined) problems.push(`${option.flag} was given more than once`);
    else values[name] = option.value;
  }
  const { TaskId, Region, status, timeout } = values;
  if (TaskId === undefined || TaskId === '') problems.push('--task-id is required');
  const regions: readonly string[] = schemaEnums.Region;
  if (Region === undefined) problems.push('--region is required');
  else if (!regions.includes(Region))
    problems.push(`--region must be one of ${regions.join(', ')} (got ${JSON.stringify(Region)})`);
  const wanted = status?.toLowerCase();
  if (wanted === undefined) problems.push(`--status is required: ${WAIT_STATUSES.join(', ')}`);
  else if (!(WAIT_STATUSES as readonly string[]).includes(wanted))
    problems.push(`--status must be one of ${WAIT_STATUSES.join(', ')} (got ${JSON.stringify(status)})`);
  const seconds = timeout === undefined ? DEFAULT_WAIT_TIMEOUT_MS / 1000 : Number(timeout);
  if (!(Number.isFinite(seconds) && seconds > 0))
    problems.push(`--timeout must be a positive number of seconds (got ${JSON.stringify(timeout)})`);
  if (problems.length > 0) throw new UsageError(problems, WAIT_HINT);
  return {
    task: { TaskId: TaskId!, Region: Region as LiveRequest<'DescribeLivePullToPush'>['Region'] },
    status: wanted as (typeof WAIT_STATUSES)[number],
    timeoutMs: seconds * 1000,
  };
}
