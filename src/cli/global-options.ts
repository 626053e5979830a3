import { QPS_LIMIT_PER_ACCOUNT } from '../../generated/operations.js';
import { DEFAULT_ENDPOINT, parseEndpoint } from '../client/transport/endpoint.js';
import { LiveOptionError } from '../errors/live-option-error.js';
import {
  DEFAULT_SIGNATURE_VERSION,
  type SignatureVersion,
  signatureSchemes,
  signatureVersions,
} from '../wire/signature-schemes.js';
import type { ArgvOption } from './argv.js';

/** Options every operation takes, parsed and checked; absent ones fall back to the client's defaults. */
export interface GlobalOptions {
  readonly endpoint?: string;
  readonly accessKeyId?: string;
  readonly accessKeySecret?: string;
  /** A file (or `-`, stdin) whose first line is the secret: unlike the flag, not visible in `ps`. */
  readonly accessKeySecretFile?: string;
  readonly securityToken?: string;
  readonly securityTokenFile?: string;
  readonly profile?: string;
  readonly signatureVersion?: SignatureVersion;
  /** Redis URL whose limiter the call shares (`--rate-limit-redis`; else `$LIVE_RELAY_RATE_LIMIT_REDIS`). */
  readonly rateLimitRedis?: string;
  /** Default `json`. */
  readonly output: OutputFormat;
  /** `DescribeLivePullToPushList` only: fetch every page. */
  readonly all: boolean;
  readonly help: boolean;
  readonly version: boolean;
}

export const outputFormats = ['json', 'table'] as const;
export type OutputFormat = (typeof outputFormats)[number];

/** One global option as `--help` lists it. */
export interface GlobalOptionDoc {
  readonly flag: string;
  readonly value?: string;
  readonly description: string;
}

const SEEN_IN_PS =
  'a flag is visible to other users of this machine (ps, /proc) and kept in shell history: prefer the -file form, the environment or --profile';

/** The global options, in the order `live-relay --help` lists them. */
export const globalOptionDocs: readonly GlobalOptionDoc[] = [
  {
    flag: '--endpoint',
    value: 'URL',
    description: `Service endpoint (default ${DEFAULT_ENDPOINT}); e.g. an emulator at http://127.0.0.1:9000`,
  },
  {
    flag: '--access-key-id',
    value: 'ID',
    description: 'AccessKey ID (with a secret below); overrides the environment and profiles',
  },
  {
    flag: '--access-key-secret-file',
    value: 'PATH',
    description: "File whose first line is the AccessKey secret; '-' reads it from stdin",
  },
  {
    flag: '--access-key-secret',
    value: 'SECRET',
    description: `AccessKey secret; never printed, but ${SEEN_IN_PS}`,
  },
  {
    flag: '--security-token-file',
    value: 'PATH',
    description: "File whose first line is the STS security token; '-' reads it from stdin",
  },
  {
    flag: '--security-token',
    value: 'TOKEN',
    description: `STS security token for temporary credentials; never printed, but ${SEEN_IN_PS}`,
  },
  {
    flag: '--profile',
    value: 'NAME',
    description: "Profile in ~/.aliyun/config.json (default: $ALIBABA_CLOUD_PROFILE, then the file's current profile)",
  },
  {
    flag: '--signature-version',
    value: signatureVersions.join('|'),
    description: signatureSchemes
      .map(
        (scheme) => `${scheme.name}: ${scheme.summary}${scheme.name === DEFAULT_SIGNATURE_VERSION ? ' (default)' : ''}`,
      )
      .join('; '),
  },
  {
    flag: '--rate-limit-redis',
    value: 'URL',
    description: `Share the account's ${QPS_LIMIT_PER_ACCOUNT} calls/s with other processes through Redis (default: $LIVE_RELAY_RATE_LIMIT_REDIS); needs ioredis`,
  },
  {
    flag: '--output',
    value: 'json|table',
    description: 'json (default): the response body, pretty-printed; table: readable rows',
  },
  {
    flag: '--all',
    description: 'DescribeLivePullToPushList only: fetch every page; prints {"TaskList": [...], "Total": n}',
  },
  { flag: '--help, -h', description: 'Show help (for an operation: its parameters)' },
  { flag: '--version', description: 'Print the live-relay version' },
];

/** Names of the options that take no value. */
export const globalSwitches: ReadonlySet<string> = new Set(['help', 'h', 'all', 'version']);

const VALUE_OPTIONS = {
  endpoint: 'endpoint',
  'access-key-id': 'accessKeyId',
  'access-key-secret': 'accessKeySecret',
  'access-key-secret-file': 'accessKeySecretFile',
  'security-token': 'securityToken',
  'security-token-file': 'securityTokenFile',
  profile: 'profile',
  'signature-version': 'signatureVersion',
  output: 'output',
  'rate-limit-redis': 'rateLimitRedis',
} as const;

type ValueOptionName = keyof typeof VALUE_OPTIONS;

/** The global options found in `options`, and the rest (the operation's parameters). */
export interface SplitOptions {
  readonly globals: GlobalOptions;
  readonly rest: readonly ArgvOption[];
  readonly problems: readonly string[];
}

/** Takes the global options out of an option list and checks their values. */
export function takeGlobalOptions(options: readonly ArgvOption[]): SplitOptions {
  const values: Partial<Record<ValueOptionName, string>> = {};
  const rest: ArgvOption[] = [];
  const problems: string[] = [];
  let all = false;
  let help = false;
  let version = false;
  for (const option of options) {
    if (option.value === true) {
      if (option.name === 'all') all = true;
      else if (option.name === 'version') version = true;
      else help = true;
      continue;
    }
    if (!Object.hasOwn(VALUE_OPTIONS, option.name)) {
      rest.push(option);
      continue;
    }
    const name = option.name as ValueOptionName;
    if (values[name] !== undefined) problems.push(`${option.flag} was given more than once`);
    values[name] = option.value;
  }

  const output = values.output ?? 'json';
  if (!isOneOf(outputFormats, output))
    problems.push(`--output must be one of ${outputFormats.join(', ')} (got ${JSON.stringify(output)})`);
  const signatureVersion = values['signature-version'];
  if (signatureVersion !== undefined && !isOneOf(signatureVersions, signatureVersion)) {
    problems.push(
      `--signature-version must be one of ${signatureVersions.join(', ')} (got ${JSON.stringify(signatureVersion)})`,
    );
  }
  const endpointProblem = values.endpoint === undefined ? undefined : checkEndpoint(values.endpoint);
  if (endpointProblem !== undefined) problems.push(`--endpoint: ${endpointProblem}`);
  const hasId = values['access-key-id'] !== undefined;
  const secretFlags = ['access-key-secret', 'access-key-secret-file'].filter((name) => name in values);
  const tokenFlags = ['security-token', 'security-token-file'].filter((name) => name in values);
  if (secretFlags.length > 1)
    problems.push('--access-key-secret and --access-key-secret-file both give the secret: give one');
  if (tokenFlags.length > 1) problems.push('--security-token and --security-token-file both give the token: give one');
  if (hasId !== secretFlags.length > 0)
    problems.push(
      '--access-key-id and --access-key-secret (or --access-key-secret-file) go together: give both or neither',
    );
  if (tokenFlags.length > 0 && !hasId)
    problems.push(`--${tokenFlags[0]} needs --access-key-id and --access-key-secret (or --access-key-secret-file)`);
  if (values.profile !== undefined && hasId)
    problems.push('--profile and --access-key-id both name credentials: give one');

  const globals: GlobalOptions = {
    ...defined('endpoint', values.endpoint),
    ...defined('accessKeyId', values['access-key-id']),
    ...defined('accessKeySecret', values['access-key-secret']),
    ...defined('accessKeySecretFile', values['access-key-secret-file']),
    ...defined('securityToken', values['security-token']),
    ...defined('securityTokenFile', values['security-token-file']),
    ...defined('profile', values.profile),
    ...defined('rateLimitRedis', values['rate-limit-redis']),
    ...defined('signatureVersion', isOneOf(signatureVersions, signatureVersion) ? signatureVersion : undefined),
    output: isOneOf(outputFormats, output) ? output : 'json',
    all,
    help,
    version,
  };
  return { globals, rest, problems };
}

function isOneOf<T extends string>(choices: readonly T[], value: string | undefined): value is T {
  return value !== undefined && (choices as readonly string[]).includes(value);
}

/** Why the client would refuse this endpoint, or `undefined` when it takes it. */
function checkEndpoint(text: string): string | undefined {
  try {
    parseEndpoint(text);
    return undefined;
  } catch (error) {
    return error instanceof LiveOptionError ? error.message : `not a URL or host name (got ${JSON.stringify(text)})`;
  }
}

/** `{ [key]: value }` when value is set, else `{}`: keeps `exactOptionalPropertyTypes` honest. */
function defined<K extends string, V>(key: K, value: V | undefined): { [P in K]?: V } {
  return value === undefined ? {} : ({ [key]: value } as { [P in K]?: V });
}
