import type { SampleArgument } from './sample-arguments.js';

/** Longer command lines are broken, one `--Name value` per line. */
const MAX_LINE = 100;

/**
 * A `live-relay` command line: the action, then `--Name value` per parameter; an array is written
 * as its JSON text, which is also how it travels on the wire.
 */
export function cliSample(action: string, args: readonly SampleArgument[]): string {
  const parts = [`live-relay ${action}`, ...args.map(({ name, value }) => `--${name} ${shellWord(value)}`)];
  const oneLine = parts.join(' ');
  return `${oneLine.length <= MAX_LINE ? oneLine : parts.join(' \\\n  ')}\n`;
}

/** A POSIX shell word: bare when it has only safe characters, otherwise single-quoted. */
function shellWord(value: unknown): string {
  const text = typeof value === 'string' ? value : JSON.stringify(value);
  return /^[A-Za-z0-9_.,:/@%+=-]+$/.test(text) ? text : `'${text.replace(/'/g, `'\\''`)}'`;
}
