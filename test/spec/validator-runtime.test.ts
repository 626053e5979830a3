import { cpSync, mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { createRequire } from 'node:module';
import { tmpdir } from 'node:os';
import { join, relative } from 'node:path';
import { fullFormats } from 'ajv-formats/dist/formats.js';
import fc from 'fast-check';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { VALIDATOR_RUNTIME_SOURCE, withRuntime } from '../../scripts/generate/validator-runtime.js';
import { runProcess } from '../support/run-process.js';
import { repoRoot } from './spec-source.js';

interface Runtime {
  ucs2length(str: string): number;
  runtimeFormats: {
    'date-time': { validate(str: string): boolean };
    int32: { type: 'number'; validate(value: number): boolean };
  };
}

// The runtime as generated/validators.js carries it, evaluated on its own.
const runtime = new Function(`${VALIDATOR_RUNTIME_SOURCE}\nreturn { ucs2length, runtimeFormats };`)() as Runtime;

// A CommonJS default export, which ESM interop unwraps differently under vitest and under tsc.
const ajvUcs2length = (
  createRequire(import.meta.url)('ajv/dist/runtime/ucs2length') as { default: (s: string) => number }
).default;
const ajvDateTime = (str: string): boolean => {
  const format = fullFormats['date-time'];
  if (typeof format !== 'object' || !('validate' in format) || typeof format.validate !== 'function') {
    throw new Error('ajv-formats date-time is not a format definition');
  }
  return (format.validate as (s: string) => boolean)(str);
};
const ajvInt32 = (value: number): boolean => {
  const format = fullFormats.int32;
  if (typeof format !== 'object' || !('validate' in format))
    throw new Error('ajv-formats int32 is not a format definition');
  return (format.validate as (n: number) => boolean)(value);
};

const digits = (n: number) => fc.stringMatching(new RegExp(`^\\d{${n}}$`));
/** Strings shaped like RFC 3339 date-times, with every field free to be out of range. */
const dateTimeLike = fc
  .record({
    date: fc.tuple(digits(4), digits(2), digits(2)).map(([y, m, d]) => `${y}-${m}-${d}`),
    sep: fc.constantFrom('T', 't', ' ', '_'),
    time: fc.tuple(digits(2), digits(2), digits(2)).map(([h, m, s]) => `${h}:${m}:${s}`),
    fraction: fc.constantFrom('', '.5', '.123456'),
    zone: fc.oneof(
      fc.constantFrom('Z', 'z', ''),
      fc.tuple(fc.constantFrom('+', '-'), digits(2), fc.constantFrom(':', ''), digits(2)).map((p) => p.join('')),
    ),
  })
  .map((p) => `${p.date}${p.sep}${p.time}${p.fraction}${p.zone}`);

describe('the validators run-time helpers', () => {
  it('ucs2length counts code points as ajv does, lone surrogates included', () => {
    fc.assert(fc.property(fc.string({ unit: 'binary' }), (s) => runtime.ucs2length(s) === ajvUcs2length(s)));
    fc.assert(
      fc.property(
        fc.string({ unit: fc.integer({ min: 0xd7f0, max: 0xe010 }).map((c) => String.fromCharCode(c)) }),
        (s) => runtime.ucs2length(s) === ajvUcs2length(s),
      ),
    );
    expect(runtime.ucs2length('a😀b')).toBe(3);
  });

  it('date-time agrees with ajv-formats full mode', () => {
    fc.assert(
      fc.property(dateTimeLike, (s) => runtime.runtimeFormats['date-time'].validate(s) === ajvDateTime(s)),
      { numRuns: 2000 },
    );
    fc.assert(fc.property(fc.string(), (s) => runtime.runtimeFormats['date-time'].validate(s) === ajvDateTime(s)));
    const cases: Record<string, boolean> = {
      '2024-02-29T10:00:00Z': true,
      '2023-02-29T10:00:00Z': false,
      '2024-02-30T10:00:00Z': false,
      '2024-13-01T00:00:00Z': false,
      '2024-04-31T00:00:00Z': false,
      '2024-01-01T24:00:00Z': false,
      '2024-01-01T10:00:00': false,
      '2016-12-31T23:59:60Z': true,
      '2016-12-31T23:59:60+01:00': false,
      '2024-01-01T10:00:00+23:59': true,
      '2024-01-01T10:00:00+24:00': false,
    };
    for (const [s, valid] of Object.entries(cases)) {
      expect(runtime.runtimeFormats['date-time'].validate(s), s).toBe(valid);
      expect(ajvDateTime(s), s).toBe(valid);
    }
  });

  it('int32 agrees with ajv-formats', () => {
    const around = fc.constantFrom(2 ** 31, 2 ** 31 - 1, -(2 ** 31), -(2 ** 31) - 1, 0.5, Number.NaN, Infinity);
    fc.assert(
      fc.property(
        fc.oneof(fc.double(), fc.integer(), around, fc.maxSafeInteger()),
        (n) => runtime.runtimeFormats.int32.validate(n) === ajvInt32(n),
      ),
    );
  });

  it('withRuntime points the standalone requires at the runtime and refuses unknown ones', () => {
    const code = withRuntime('const func2 = require("ajv/dist/runtime/ucs2length").default;');
    expect(code.startsWith(VALIDATOR_RUNTIME_SOURCE)).toBe(true);
    expect(code).toContain('const func2 = ucs2length;');
    expect(() => withRuntime('const func3 = require("ajv/dist/runtime/equal").default;')).toThrow(
      /ajv\/dist\/runtime\/equal/,
    );
    expect(() => withRuntime('const DATE = 1;')).toThrow(/DATE/);
  });
});

const runNode = (script: string, cwd: string) =>
  runProcess(process.execPath, [script], { cwd, env: { PATH: process.env['PATH'] ?? '' } });

describe('generated/validators.js without ajv installed', () => {
  let dir: string;

  beforeAll(() => {
    dir = mkdtempSync(join(tmpdir(), 'live-relay-standalone-'));
    cpSync(join(repoRoot, 'generated'), join(dir, 'generated'), { recursive: true });
  });

  afterAll(() => {
    rmSync(dir, { recursive: true, force: true });
  });

  it('imports in plain Node ESM outside the repo and validates requests', async () => {
    expect(relative(repoRoot, dir).startsWith('..')).toBe(true);
    const probe = join(dir, 'probe.mjs');
    writeFileSync(
      probe,
      `
import { requestValidators } from './generated/validators.js';
const ajvReachable = await Promise.all(['ajv', 'ajv-formats'].map((name) => import(name).then(() => true, () => false)));
const update = requestValidators.UpdateLivePullToPush;
const check = (params) => {
  const valid = update(params);
  return { valid, errors: (update.errors ?? []).map((e) => [e.instancePath, e.keyword]) };
};
const base = { TaskId: 'task-1', Region: 'cn-beijing' };
console.log(JSON.stringify({
  ajvReachable,
  // 2,000 code points pass maxLength 2000 although they are 3,992 UTF-16 units.
  good: check({ ...base, StartTime: '2024-02-29T10:00:00Z', EndTime: '2024-03-01T10:00:00Z', SourceUrls: ['rtmp://example.com/app/s'],
    Offset: 2147483647, CallbackUrl: 'https://' + '\\u{1F600}'.repeat(1992) }),
  unknownParam: check({ ...base, Extra: 1 }),
  missingTaskId: check({ Region: 'cn-beijing' }),
  feb30: check({ ...base, StartTime: '2024-02-30T10:00:00Z' }),
  month13: check({ ...base, EndTime: '2024-13-01T00:00:00Z' }),
  int32: check({ ...base, Offset: 2147483648 }),
  longUrl: check({ ...base, CallbackUrl: 'https://' + '\\u{1F600}'.repeat(1993) }),
}));
`,
    );
    const result = await runNode(probe, dir);
    expect(result.stderr).toBe('');
    expect(result.code).toBe(0);
    expect(JSON.parse(result.stdout)).toEqual({
      ajvReachable: [false, false],
      good: { valid: true, errors: [] },
      unknownParam: { valid: false, errors: [['', 'additionalProperties']] },
      missingTaskId: { valid: false, errors: [['', 'required']] },
      feb30: { valid: false, errors: [['/StartTime', 'format']] },
      month13: { valid: false, errors: [['/EndTime', 'format']] },
      int32: { valid: false, errors: [['/Offset', 'format']] },
      longUrl: { valid: false, errors: [['/CallbackUrl', 'maxLength']] },
    });
  }, 30_000);
});
