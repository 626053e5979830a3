import { type OperationName, operationNames, operations } from '../../generated/operations.js';
import { packageVersion } from '../package-version.js';
import { parseArgv } from './argv.js';
import { secretsInArgv, secretsInEnv } from './argv-secrets.js';
import { commandAliases, type ResolvedCommand, resolveCommand } from './command-alias.js';
import { reportError } from './error-report.js';
import { ExitCode } from './exit-code.js';
import { flagFor, looseKey } from './flag-name.js';
import { type GlobalOptions, globalSwitches, type SplitOptions, takeGlobalOptions } from './global-options.js';
import { operationHelp, overviewHelp } from './help.js';
import type { CliIo } from './io.js';
import { type MaskedIo, maskedIo } from './masked-io.js';
import { type OperationParams, toOperationParams } from './operation-params.js';
import { formatOutput } from './output.js';
import { UsageError } from './usage-error.js';

/**
 * Runs one `live-relay` command line and returns its exit status: 0 success, 1 API or network
 * error, 2 usage or validation error (nothing sent). Writes results to `io.stdout` and every
 * failure, as a few plain lines, to `io.stderr`; never throws.
 */
export async function runCli(argv: readonly string[], given: CliIo): Promise<ExitCode | number> {
  // Masked before anything is parsed: a mistyped flag can make a secret look like any other word.
  const io = maskedIo(given, [...secretsInArgv(argv), ...secretsInEnv(given.env)]);
  try {
    return await dispatch(argv, io);
  } catch (error) {
    const report = reportError(error);
    io.stderr.write(report.text);
    return report.exitCode;
  }
}

async function dispatch(argv: readonly string[], io: MaskedIo): Promise<ExitCode | number> {
  if (argv[0] === 'emulator') {
    // Loaded only here: the emulator (HTTP server, SQLite store) is not part of a client call.
    const { runEmulatorCommand } = await import('./emulator-command.js');
    return await runEmulatorCommand(argv.slice(1), { stdout: io.stdout, stderr: io.stderr });
  }
  const parsed = parseArgv(argv, globalSwitches);
  const { globals, rest, problems } = takeGlobalOptions(parsed.options);
  let [word, ...extra] = parsed.positionals;
  let help = globals.help;
  if (word === 'help') {
    help = true;
    [word, ...extra] = extra;
  }
  if (word === undefined) {
    if (globals.version) {
      io.stdout.write(`live-relay ${packageVersion()}\n`);
      return ExitCode.Success;
    }
    (help ? io.stdout : io.stderr).write(overviewHelp(operations, operationNames));
    return help ? ExitCode.Success : ExitCode.Usage;
  }
  if (word === 'wait') return runWait(parsed.problems, problems, extra, rest, globals, help, io);
  const command = resolveCommand(word, operationNames);
  if (command === undefined) {
    throw new UsageError(
      [`unknown command "${word}"${suggestCommand(word)}`],
      'Run live-relay --help for the operations.',
    );
  }
  if (help) {
    io.stdout.write(operationHelp(operations[command.action], command.style));
    return ExitCode.Success;
  }

  const allProblems = [...parsed.problems, ...problems];
  if (extra.length > 0) {
    allProblems.push(`unexpected argument ${JSON.stringify(extra[0])}: a value follows its flag (--Name value)`);
  }
  const request = toOperationParams(operations[command.action], rest, command.style);
  allProblems.push(...request.problems, ...allOptionProblems(command, globals, request));
  // Loaded only past --help: the Redis store's module graph loads node:crypto as it starts.
  const { cliRateLimitRedis } = await import('./rate-limit-redis.js');
  const redis = cliRateLimitRedis(globals.rateLimitRedis, io.env);
  if (redis !== undefined && 'problem' in redis) allProblems.push(redis.problem);
  allProblems.push(...(await validationProblems(command, request)));
  if (allProblems.length > 0) {
    const count = allProblems.length === 1 ? '1 problem' : `${allProblems.length} problems`;
    throw new UsageError(
      allProblems,
      `Run 'live-relay ${word} --help' for its parameters.`,
      `${word}: ${count}; nothing was sent`,
    );
  }

  // Loaded only for a call: the client pulls in the validators, signing and the transport.
  const { callOperation } = await import('./call-operation.js');
  const body = await callOperation(command.action, request.params, globals, io);
  io.stdout.write(formatOutput(command.action, body, globals.output));
  return ExitCode.Success;
}

/** The one operation `--all` pages through. */
const LIST_ACTION: OperationName = 'DescribeLivePullToPushList';

/** `--all` belongs to the list operation, which then owns the page number. */
function allOptionProblems(command: ResolvedCommand, globals: GlobalOptions, request: OperationParams): string[] {
  if (!globals.all) return [];
  if (command.action !== LIST_ACTION) return [`--all: only ${LIST_ACTION} (list) pages; ${command.word} does not`];
  if ('PageNumber' in request.params) {
    return [
      `--all fetches every page, so ${request.flags.get('PageNumber') ?? flagFor('PageNumber', command.style)} cannot be given with it`,
    ];
  }
  return [];
}

/**
 * Every schema and cross-field violation, checked here (as the client would) so they are listed
 * together with the flags that did not parse. Each names the flag as it was typed.
 */
async function validationProblems(command: ResolvedCommand, request: OperationParams): Promise<string[]> {
  const { validateRequest } = await import('../validation/validate-request.js');
  return validateRequest(command.action, request.params, { now: new Date() })
    .filter((issue) => !request.unreadable.has(issue.param))
    .map((issue) => {
      const flag = request.flags.get(issue.param) ?? flagFor(issue.param, command.style);
      // Messages start with the parameter's vendor name ("TaskId is required"): name the flag instead.
      return issue.message.startsWith(issue.param)
        ? flag + issue.message.slice(issue.param.length)
        : `${flag}: ${issue.message}`;
    });
}

function suggestCommand(word: string): string {
  const key = looseKey(word);
  const match = [...Object.keys(commandAliases), ...operationNames].find((name) => looseKey(name) === key);
  return match === undefined ? '' : `; did you mean ${match}?`;
}

/** `live-relay wait`: loaded only when used, like the emulator. */
async function runWait(
  argvProblems: readonly string[],
  globalProblems: readonly string[],
  extra: readonly string[],
  rest: SplitOptions['rest'],
  globals: GlobalOptions,
  help: boolean,
  io: MaskedIo,
): Promise<number> {
  const { WAIT_USAGE, runWaitCommand } = await import('./wait-command.js');
  if (help) {
    io.stdout.write(WAIT_USAGE);
    return ExitCode.Success;
  }
  const problems = [...argvProblems, ...globalProblems];
  if (globals.all) problems.push('--all: only DescribeLivePullToPushList (list) pages; wait does not');
  if (extra.length > 0) problems.push(`unexpected argument ${JSON.stringify(extra[0])}`);
  if (problems.length > 0) throw new UsageError(problems, "Run 'live-relay wait --help' for its options.");
  return runWaitCommand(rest, globals, io);
}
