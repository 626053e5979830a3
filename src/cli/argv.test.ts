import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { parseArgv } from './argv.js';

const switches = new Set(['help', 'h', 'all']);

describe('parseArgv', () => {
  it('reads --name value, --name=value, switches and positionals in order', () => {
    const parsed = parseArgv(['update', '--TaskId', 'X', '--region=cn-shanghai', '--all', '-h', 'extra'], switches);
    expect(parsed.positionals).toEqual(['update', 'extra']);
    expect(parsed.options).toEqual([
      { name: 'TaskId', flag: '--TaskId', value: 'X' },
      { name: 'region', flag: '--region', value: 'cn-shanghai' },
      { name: 'all', flag: '--all', value: true },
      { name: 'h', flag: '-h', value: true },
    ]);
    expect(parsed.problems).toEqual([]);
  });

  it('lets a value start with a dash, so --RepeatNumber -1 works', () => {
    expect(parseArgv(['--RepeatNumber', '-1', '--TaskName', '--x'], switches).options).toEqual([
      { name: 'RepeatNumber', flag: '--RepeatNumber', value: '-1' },
      { name: 'TaskName', flag: '--TaskName', value: '--x' },
    ]);
  });

  it('keeps repeated options and empty values', () => {
    const parsed = parseArgv(['--SourceUrls', 'a', '--SourceUrls=b', '--TaskName='], switches);
    expect(parsed.options.map((option) => option.value)).toEqual(['a', 'b', '']);
  });

  it('treats everything after -- as positionals', () => {
    expect(parseArgv(['list', '--', '--help'], switches)).toMatchObject({
      positionals: ['list', '--help'],
      options: [],
    });
  });

  it('reports a missing value, a value given to a switch and an unknown short option, each naming the flag', () => {
    expect(parseArgv(['--all=yes', '-x', '--TaskId'], switches).problems).toEqual([
      '--all takes no value (got "yes")',
      '-x: unknown short option (options are spelled --Name or --kebab-name)',
      '--TaskId needs a value',
    ]);
  });

  it('round-trips any --name value list', () => {
    const name = fc.stringMatching(/^[A-Za-z][A-Za-z0-9-]{0,15}$/).filter((n) => !switches.has(n));
    fc.assert(
      fc.property(fc.array(fc.tuple(name, fc.string()), { maxLength: 8 }), fc.boolean(), (pairs, joined) => {
        const argv = pairs.flatMap(([n, v]) => (joined ? [`--${n}=${v}`] : [`--${n}`, v]));
        const parsed = parseArgv(argv, switches);
        expect(parsed.problems).toEqual([]);
        expect(parsed.positionals).toEqual([]);
        expect(parsed.options.map((o) => [o.name, o.value])).toEqual(pairs);
      }),
    );
  });
});
