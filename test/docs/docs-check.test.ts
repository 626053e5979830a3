/**
 * `npm run docs:check -- FILE` end to end: the real script in a child process, against the real
 * spec and decisions, with the vendor snapshots and mutated copies of them.
 */
import { mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, describe, expect, it } from 'vitest';
import { readDecisions } from '../../scripts/docs-check/decisions.js';
import { repoRoot, seedPage, vendorMetadata } from './paths.js';
import { runScript } from './run-script.js';

/** Each test starts a Node process that loads the spec; a loaded 2-core machine needs the room. */
const SLOW = { timeout: 120_000 };

const work = mkdtempSync(join(tmpdir(), 'live-relay-docs-check-'));
afterAll(() => rmSync(work, { recursive: true, force: true }));

const seed = readFileSync(seedPage, 'utf8');
const metadata = readFileSync(vendorMetadata, 'utf8');

let copies = 0;
/** Writes `text` to a fresh file in the temp dir and runs docs:check on it. */
function check(text: string, extension: string, ...args: string[]) {
  copies += 1;
  const file = join(work, `copy-${copies}.${extension}`);
  writeFileSync(file, text);
  return runScript('scripts/docs-check.ts', [file, ...args]);
}

/** Replaces exactly one occurrence, so a mutation cannot silently miss. */
function once(text: string, search: string, replacement: string): string {
  expect(text.split(search)).toHaveLength(2);
  return text.replace(search, replacement);
}

interface Api {
  methods: string[];
  parameters: { name: string; style?: string; schema: Record<string, unknown> }[];
}

/** A copy of the metadata with one operation changed. */
function mutateMetadata(action: string, change: (api: Api) => void): string {
  const copy = JSON.parse(metadata) as { apis: Record<string, Api> };
  const api = copy.apis[action];
  if (api === undefined) throw new Error(`no ${action} in the metadata`);
  change(api);
  return JSON.stringify(copy, null, 2);
}

function param(api: Api, name: string): Api['parameters'][number] {
  const found = api.parameters.find((p) => p.name === name);
  if (found === undefined) throw new Error(`no parameter ${name}`);
  return found;
}

describe.concurrent('docs:check against the shipped vendor sources', SLOW, () => {
  it('agrees with the seed page (every difference is a recorded decision)', async () => {
    const result = await runScript('scripts/docs-check.ts', [seedPage]);
    expect(result.stdout).not.toContain('DRIFT');
    expect(result.stdout).toContain(
      'vendor page UpdateLivePullToPush.txt (UpdateLivePullToPush, last updated 2025-05-13)',
    );
    expect(result.code).toBe(0);
  });

  it('agrees with the vendor metadata, and names the decision behind each accepted difference', async () => {
    const result = await runScript('scripts/docs-check.ts', [vendorMetadata]);
    expect(result.stdout).not.toContain('DRIFT');
    expect(result.stdout).toMatch(
      /^ {2}D-08 CreateLivePullToPush parameter SourceProtocol \[enum\]: vendor: no enumeration; spec: rtmp/m,
    );
    expect(result.code).toBe(0);
  });

  it('fails when a decision no longer describes the difference it accepts', async () => {
    // The real records, one of them changed to a value the spec does not have; JSON is YAML.
    let changed = 0;
    const records = readDecisions(readFileSync(join(repoRoot, 'spec', 'decisions.md'), 'utf8')).map((r) => {
      const target =
        r.kind === 'metadata-difference' &&
        r.operation === 'CreateLivePullToPush' &&
        r.parameter === 'RetryCount' &&
        r.field === 'minimum';
      if (!target) return r;
      changed += 1;
      return { ...r, spec: 5 };
    });
    expect(changed).toBe(1);
    const stale = join(work, 'stale-decisions.md');
    writeFileSync(stale, `\`\`\`yaml\n${records.map((r) => `- ${JSON.stringify(r)}`).join('\n')}\n\`\`\`\n`);
    const result = await runScript('scripts/docs-check.ts', [vendorMetadata, '--decisions', stale]);
    expect(result.stdout).toContain(
      'DRIFT CreateLivePullToPush parameter RetryCount [minimum]: vendor: none; spec: 0 (stale decision: D-22 records spec 5, source null; spec now 0)',
    );
    expect(result.code).toBe(1);
  });

  it('fails on the same metadata when decisions.md records nothing', async () => {
    const empty = join(work, 'no-decisions.md');
    writeFileSync(empty, '# No decisions\n');
    const result = await runScript('scripts/docs-check.ts', [vendorMetadata, '--decisions', empty]);
    expect(result.stdout).toContain('DRIFT CreateLivePullToPush parameter SourceProtocol [enum]');
    expect(result.code).toBe(1);
  });
});

describe.concurrent('docs:check catches a changed vendor page', SLOW, () => {
  const cases: readonly { change: string; page: () => string; drift: string }[] = [
    {
      change: 'an added parameter',
      page: () =>
        once(
          seed,
          '\n\nResponse parameters\n',
          '\nPriorityintegerNo\n\nThe task priority.\n\n5\n\nResponse parameters\n',
        ),
      drift: 'DRIFT UpdateLivePullToPush parameter Priority [present]: vendor: present; spec: absent',
    },
    {
      change: 'a removed enumeration value',
      page: () => once(seed, '  • preregion\n', ''),
      drift:
        "DRIFT UpdateLivePullToPush parameter Region [enum]: vendor: does not allow 'preregion'; spec: allows 'preregion'",
    },
    {
      change: 'a changed required flag',
      page: () => once(seed, 'FileIndexintegerNo', 'FileIndexintegerYes'),
      drift: 'DRIFT UpdateLivePullToPush parameter FileIndex [required]: vendor: required; spec: optional',
    },
    {
      change: 'a new error code',
      page: () =>
        once(
          seed,
          'cannot be updated.\n',
          'cannot be updated.\n400CodeTaskIsBusyThe task is busy.The task is busy now.\n',
        ),
      drift:
        'DRIFT UpdateLivePullToPush error CodeTaskIsBusy [errors]: vendor: HTTP 400 "The task is busy."; spec: absent',
    },
    {
      change: 'a changed HTTP status',
      page: () => once(seed, '400CodeTaskNotExist', '404CodeTaskNotExist'),
      drift: 'DRIFT UpdateLivePullToPush error CodeTaskNotExist [status]: vendor: HTTP 404; spec: HTTP 400',
    },
  ];

  it.each(cases)('$change', async ({ page, drift }) => {
    const result = await check(page(), 'txt');
    expect(result.stdout).toContain(drift);
    expect(result.code).toBe(1);
  });
});

/** Replaces every occurrence, and exactly `count` of them (the page repeats some notes for array items). */
function every(text: string, search: string, replacement: string, count: number): string {
  expect(text.split(search)).toHaveLength(count + 1);
  return text.replaceAll(search, replacement);
}

describe.concurrent('docs:check reads the prose of a changed page, one rule at a time', SLOW, () => {
  const cases: readonly { rule: string; page: () => string; drift: readonly string[] }[] = [
    {
      rule: 'a length limit (CallbackUrl 2,000 → 1,000 characters)',
      page: () => once(seed, 'up to 2,000 characters', 'up to 1,000 characters'),
      drift: [
        'DRIFT UpdateLivePullToPush parameter CallbackUrl [maxLength]: vendor: 1000 ("The URL can be up to 1,000 characters in length."); spec: 2000',
      ],
    },
    {
      rule: 'a count per SourceType (30 → 50 source URLs)',
      page: () => every(seed, 'you can specify up to 30 IDs', 'you can specify up to 50 IDs', 2),
      drift: [
        'DRIFT UpdateLivePullToPush parameter SourceUrls [maxItems.vod]: vendor: 50 ("If SourceType is set to vod or url, you can specify up to 50 IDs or URLs."); spec: 30',
        'DRIFT UpdateLivePullToPush parameter SourceUrls [maxItems.url]: vendor: 50',
      ],
    },
    {
      rule: 'the time window (seven days → three days)',
      page: () => every(seed, 'cannot exceed seven days', 'cannot exceed three days', 2),
      drift: [
        'DRIFT UpdateLivePullToPush parameter StartTime [maxTaskDays]: vendor: 3 ("The time range specified by the StartTime and EndTime parameters cannot exceed three days."); spec: 7',
        'DRIFT UpdateLivePullToPush parameter EndTime [maxTaskDays]: vendor: 3',
      ],
    },
    {
      rule: 'the QPS limit (10 → 20 calls per second)',
      page: () => once(seed, 'up to 10 times per second', 'up to 20 times per second'),
      drift: [
        'DRIFT UpdateLivePullToPush [qps]: vendor: 20 ("You can call this operation up to 20 times per second per account."); spec: 10',
      ],
    },
    {
      rule: 'a default (FileIndex 0 → 1; the decision recording 0 goes stale)',
      page: () => once(seed, 'Default value: 0.', 'Default value: 1.'),
      drift: [
        'DRIFT UpdateLivePullToPush parameter FileIndex [default]: vendor: 1 ("Default value: 1."); spec: none (stale decision: D-23 records spec null, source 0; source now 1)',
      ],
    },
    {
      rule: 'a positive bound (Offset positive → non-negative)',
      page: () => once(seed, 'Valid values: positive numbers.', 'Valid values: non-negative numbers.'),
      drift: [
        'DRIFT UpdateLivePullToPush parameter Offset [minimum]: vendor: 0 ("Valid values: non-negative numbers."); spec: 1',
      ],
    },
    {
      rule: 'the running-state bullet rewritten',
      page: () =>
        once(
          seed,
          'you can modify only the CallbackUrl and RepeatTime parameters',
          'you can modify only the CallbackUrl, RepeatTime, and EndTime parameters',
        ),
      drift: [
        'DRIFT UpdateLivePullToPush task state running [state-rule]: vendor: only CallbackUrl, RepeatTime, EndTime, immediately ("If a task is running',
        '(stale decision: D-01 records spec CallbackUrl',
      ],
    },
    {
      rule: 'the stopped-state bullet rewritten',
      page: () =>
        once(seed, 'except SourceType, Region, and DstUrl.', 'except SourceType, Region, DstUrl, and SourceUrls.'),
      drift: [
        'DRIFT UpdateLivePullToPush task state stopped [state-rule]: vendor: except SourceType, Region, DstUrl, SourceUrls',
      ],
    },
    {
      rule: 'a takes-effect note (FileIndex after a restart → immediately)',
      page: () =>
        once(seed, 'The update takes effect after you restart the task.', 'The update takes effect immediately.'),
      drift: [
        'DRIFT UpdateLivePullToPush parameter FileIndex [effect]: vendor: immediately, only-when-stopped ("You can modify this parameter only if the task is stopped. The update takes effect immediately."); spec: next-restart, only-when-stopped',
      ],
    },
    {
      rule: 'a takes-effect note in words the reader does not know',
      page: () =>
        once(
          seed,
          'The update takes effect for subsequent events that occur.',
          'The update takes effect within an hour.',
        ),
      drift: [
        'DRIFT UpdateLivePullToPush parameter CallbackUrl [effect]: vendor: unread ("The update takes effect within an hour."); spec: next-event',
      ],
    },
    {
      rule: 'a limit dropped (the CallbackUrl length sentence deleted)',
      page: () => once(seed, '  • The URL can be up to 2,000 characters in length.\n', ''),
      drift: ['DRIFT UpdateLivePullToPush parameter CallbackUrl [maxLength]: vendor: not stated; spec: 2000'],
    },
    {
      rule: 'the QPS limit in words the reader does not know',
      page: () =>
        once(
          seed,
          'You can call this operation up to 10 times per second per account.',
          'Calls are limited per account.',
        ),
      drift: ['DRIFT UpdateLivePullToPush [qps]: vendor: not stated ("Calls are limited per account. Requests that'],
    },
    {
      rule: 'the running-state bullet in words the reader does not know',
      page: () =>
        once(
          seed,
          'If a task is running (even if the task is in an abnormal retry state), you can modify only the CallbackUrl and RepeatTime parameters of the task. The update takes effect immediately.',
          'A running task keeps its parameters.',
        ),
      drift: [
        'DRIFT UpdateLivePullToPush task state running [state-rule]: vendor: not stated (no bullet for this state; the others: "You can call this operation to update a pulled-stream relay task."; "A running task keeps its parameters.")',
      ],
    },
    {
      rule: 'the running-state bullet naming the state but not in words the reader knows',
      page: () =>
        once(
          seed,
          'If a task is running (even if the task is in an abnormal retry state), you can modify only the CallbackUrl and RepeatTime parameters of the task. The update takes effect immediately.',
          'While a task runs, no parameter can be changed.',
        ),
      drift: [
        'DRIFT UpdateLivePullToPush task state running [state-rule]: vendor: unread ("While a task runs, no parameter can be changed."); spec: RepeatNumber, CallbackUrl',
      ],
    },
    {
      rule: 'a takes-effect note removed (StartTime after the start)',
      page: () => once(seed, '  • If the task has already started, the update does not take effect.\n', ''),
      drift: [
        'DRIFT UpdateLivePullToPush parameter StartTime [effect]: vendor: not stated; spec: no-effect-after-start',
      ],
    },
    {
      rule: "an array's item row disagreeing with its notes (30 → 50 there only)",
      page: () => {
        const item = seed.indexOf('\nstringNo\n');
        return seed.slice(0, item) + once(seed.slice(item), 'up to 30 IDs', 'up to 50 IDs');
      },
      drift: [
        'DRIFT UpdateLivePullToPush parameter SourceUrls [maxItems.vod]: vendor: 50',
        'DRIFT UpdateLivePullToPush parameter SourceUrls [maxItems.url]: vendor: 50',
      ],
    },
    {
      rule: 'a default the spec leaves out on purpose, dropped (RepeatNumber "0 (default)"; D-23 goes stale)',
      page: () => once(seed, '  • 0 (default): specifies', '  • 0: specifies'),
      drift: [
        'DRIFT UpdateLivePullToPush parameter RepeatNumber [default]: vendor: no different from the spec now; spec: none (stale decision: D-23 records source 0; the source no longer says so)',
      ],
    },
    {
      rule: 'the protocols of a SourceType (live without SRT)',
      page: () => once(seed, 'Secure Reliable Transport Protocol (SRT), ', ''),
      drift: ['DRIFT UpdateLivePullToPush parameter SourceUrls [protocols.live]: vendor: rtmp, rtsp, http-flv ('],
    },
  ];

  it.each(cases)('$rule', async ({ page, drift }) => {
    const result = await check(page(), 'txt');
    for (const line of drift) expect(result.stdout).toContain(line);
    expect(result.stdout.match(/^ {2}DRIFT /gm)?.length).toBe(drift.filter((l) => l.startsWith('DRIFT')).length);
    expect(result.code).toBe(1);
  });
});

describe.concurrent('docs:check catches changed vendor metadata (it has no error codes)', SLOW, () => {
  it('an added parameter', async () => {
    const changed = mutateMetadata('UpdateLivePullToPush', (api) => {
      api.parameters.push({ name: 'Priority', schema: { type: 'integer', required: false } });
    });
    const result = await check(changed, 'json');
    expect(result.stdout).toContain(
      'DRIFT UpdateLivePullToPush parameter Priority [present]: vendor: present; spec: absent',
    );
    expect(result.code).toBe(1);
  });

  it('a removed enumeration value', async () => {
    const changed = mutateMetadata('CreateLivePullToPush', (api) => {
      const schema = param(api, 'Region').schema;
      schema['enum'] = (schema['enum'] as string[]).filter((value) => value !== 'preregion');
    });
    const result = await check(changed, 'json');
    expect(result.stdout).toContain(
      "DRIFT CreateLivePullToPush parameter Region [enum]: vendor: does not allow 'preregion'; spec: allows 'preregion'",
    );
    expect(result.code).toBe(1);
  });

  it('a changed required flag', async () => {
    const changed = mutateMetadata('UpdateLivePullToPush', (api) => {
      param(api, 'SourceUrls').schema['required'] = true;
    });
    const result = await check(changed, 'json');
    expect(result.stdout).toContain(
      'DRIFT UpdateLivePullToPush parameter SourceUrls [required]: vendor: required; spec: optional',
    );
    expect(result.code).toBe(1);
  });

  it('a changed bound, wire style and method list', async () => {
    const changed = mutateMetadata('CreateLivePullToPush', (api) => {
      param(api, 'RetryInterval').schema['maximum'] = '600';
      delete param(api, 'SourceUrls').style;
      api.methods = ['get'];
    });
    const result = await check(changed, 'json');
    expect(result.stdout).toContain(
      'DRIFT CreateLivePullToPush parameter RetryInterval [maximum]: vendor: 600; spec: 300',
    );
    expect(result.stdout).toContain(
      'DRIFT CreateLivePullToPush parameter SourceUrls [style]: vendor: plain; spec: json',
    );
    expect(result.stdout).toContain('DRIFT CreateLivePullToPush [methods]: vendor: GET; spec: GET, POST');
    expect(result.code).toBe(1);
  });
});

describe.concurrent('docs:check usage', SLOW, () => {
  it('exits 2 with the usage line when no FILE is given', async () => {
    const result = await runScript('scripts/docs-check.ts');
    expect(result.stderr).toContain('usage: npm run docs:check -- FILE');
    expect(result.code).toBe(2);
  });

  it('exits 2 and says why when FILE is neither a page nor metadata', async () => {
    const result = await check('just some notes\n', 'txt');
    expect(result.stderr).toContain('no `:<Action>` title line');
    expect(result.code).toBe(2);
  });
});
