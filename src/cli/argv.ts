/**
 * Splits a command line into positionals and `--name value` options, aliyun-CLI style.
 *
 * An option that takes a value always consumes the next word, even one starting with `-`, so
 * `--RepeatNumber -1` works; `--name=value` is the same thing in one word. Options repeat
 * (`--SourceUrls a --SourceUrls b`). Only the switches listed in `switches` take no value.
 */

/** One option occurrence, in command-line order. */
export interface ArgvOption {
  /** The name without leading dashes, as typed: `TaskId`, `task-id`, `h`. */
  readonly name: string;
  /** The word as typed, for messages: `--TaskId`, `-h`. */
  readonly flag: string;
  /** The value, or `true` for a switch. */
  readonly value: string | true;
}

export interface ParsedArgv {
  readonly positionals: readonly string[];
  readonly options: readonly ArgvOption[];
  /** One line per word that could not be read; empty when the line parsed. */
  readonly problems: readonly string[];
}

/**
 * @param argv the words after the program name
 * @param switches option names that take no value (`help`, `h`, `all`)
 */
export function parseArgv(argv: readonly string[], switches: ReadonlySet<string>): ParsedArgv {
  const positionals: string[] = [];
  const options: ArgvOption[] = [];
  const problems: string[] = [];
  for (let i = 0; i < argv.length; i++) {
    const word = argv[i]!;
    if (word === '--') {
      positionals.push(...argv.slice(i + 1));
      break;
    }
    if (word.length < 2 || !word.startsWith('-')) {
      positionals.push(word);
      continue;
    }
    const dashes = word.startsWith('--') ? 2 : 1;
    const equals = word.indexOf('=');
    const name = word.slice(dashes, equals === -1 ? undefined : equals);
    const flag = word.slice(0, equals === -1 ? undefined : equals);
    if (name === '') {
      problems.push(`${word}: not an option name`);
      continue;
    }
    if (switches.has(name)) {
      if (equals !== -1) problems.push(`${flag} takes no value (got ${JSON.stringify(word.slice(equals + 1))})`);
      else options.push({ name, flag, value: true });
      continue;
    }
    if (dashes === 1) {
      problems.push(`${word}: unknown short option (options are spelled --Name or --kebab-name)`);
      continue;
    }
    if (equals !== -1) {
      options.push({ name, flag, value: word.slice(equals + 1) });
    } else if (i + 1 < argv.length) {
      options.push({ name, flag, value: argv[++i]! });
    } else {
      problems.push(`${flag} needs a value`);
    }
  }
  return { positionals, options, problems };
}
