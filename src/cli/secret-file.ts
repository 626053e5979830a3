import { readFile } from 'node:fs/promises';
import { UsageError } from './usage-error.js';

/**
 * The secret in the first line of `path` (`-`: standard input), without its line ending or
 * surrounding blanks: `--access-key-secret-file` and `--security-token-file`, which keep the value
 * out of the process list. Throws a {@link UsageError} naming the flag and the path, never the content.
 */
export async function readSecretFile(
  flag: string,
  path: string,
  stdin: AsyncIterable<string | Buffer> | undefined,
): Promise<string> {
  let text: string;
  try {
    text = path === '-' ? await readAll(stdin) : await readFile(path, 'utf8');
  } catch (error) {
    const code = (error as NodeJS.ErrnoException).code ?? (error as Error).message;
    throw new UsageError([`${flag} ${path}: cannot be read (${code})`]);
  }
  const secret = (text.split(/\r?\n/, 1)[0] ?? '').trim();
  if (secret === '') throw new UsageError([`${flag} ${path}: the first line is empty`]);
  return secret;
}

async function readAll(stdin: AsyncIterable<string | Buffer> | undefined): Promise<string> {
  if (stdin === undefined) throw new Error('no standard input');
  let text = '';
  for await (const chunk of stdin) text += typeof chunk === 'string' ? chunk : chunk.toString('utf8');
  return text;
}
