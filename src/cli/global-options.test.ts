import { describe, expect, it } from 'vitest';
import type { ArgvOption } from './argv.js';
import { takeGlobalOptions } from './global-options.js';

const opt = (name: string, value: string | true = true): ArgvOption => ({ name, flag: `--${name}`, value });

describe('takeGlobalOptions', () => {
  it('takes the global options out and leaves the operation flags in order', () => {
    const { globals, rest, problems } = takeGlobalOptions([
      opt('TaskId', 'X'),
      opt('endpoint', 'http://127.0.0.1:9000'),
      opt('output', 'table'),
      opt('signature-version', 'v1'),
      opt('all'),
      opt('region', 'cn-shanghai'),
    ]);
    expect(problems).toEqual([]);
    expect(globals).toEqual({
      endpoint: 'http://127.0.0.1:9000',
      output: 'table',
      signatureVersion: 'v1',
      all: true,
      help: false,
      version: false,
    });
    expect(rest.map((o) => o.name)).toEqual(['TaskId', 'region']);
  });

  it('defaults to JSON output and leaves other defaults to the client', () => {
    expect(takeGlobalOptions([]).globals).toEqual({ output: 'json', all: false, help: false, version: false });
  });

  it('reports every bad global option at once', () => {
    const { problems } = takeGlobalOptions([
      opt('output', 'yaml'),
      opt('signature-version', 'v2'),
      opt('endpoint', 'ftp://x'),
      opt('access-key-id', 'id'),
      opt('profile', 'p'),
      opt('profile', 'q'),
    ]);
    expect(problems).toEqual([
      '--profile was given more than once',
      '--output must be one of json, table (got "yaml")',
      '--signature-version must be one of v3, v1 (got "v2")',
      '--endpoint: endpoint must be an http:// or https:// URL (got ftp:)',
      '--access-key-id and --access-key-secret (or --access-key-secret-file) go together: give both or neither',
      '--profile and --access-key-id both name credentials: give one',
    ]);
  });

  it('never puts a secret into a problem', () => {
    const { problems } = takeGlobalOptions([
      opt('access-key-secret', 'TOP-SECRET'),
      opt('security-token', 'TOKEN-SECRET'),
    ]);
    expect(problems.length).toBeGreaterThan(0);
    expect(problems.join('\n')).not.toMatch(/SECRET/);
  });
});
