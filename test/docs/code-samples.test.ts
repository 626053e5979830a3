import { describe, expect, it } from 'vitest';
import { operations } from '../../generated/operations.js';
import { cliSample } from '../../scripts/docs/cli-sample.js';
import { codeSamples, withCodeSamples } from '../../scripts/docs/code-samples.js';
import type { SampleOperation } from '../../scripts/docs/sample-arguments.js';
import { sampleArguments } from '../../scripts/docs/sample-arguments.js';
import { typescriptSample } from '../../scripts/docs/typescript-sample.js';

const UPDATE: SampleOperation = {
  action: 'UpdateLivePullToPush',
  params: [
    { name: 'RegionId', type: 'string', required: false, example: 'cn-shanghai' },
    { name: 'TaskId', type: 'string', required: true, example: 'fd245384-4067-4f91-9d75-9666a6bc****' },
    { name: 'Region', type: 'string', required: true, example: 'cn-shanghai' },
    { name: 'SourceUrls', type: 'array', required: false, example: ['rtmp://pull.example.com/app/stream'] },
    { name: 'FileIndex', type: 'integer', required: false, example: 0 },
  ],
};

describe('code samples', () => {
  it('pass the required parameters and every array, in table order', () => {
    expect(sampleArguments(UPDATE).map((a) => a.name)).toEqual(['TaskId', 'Region', 'SourceUrls']);
  });

  it('call the client method named after the action, arrays as arrays', () => {
    expect(typescriptSample('UpdateLivePullToPush', sampleArguments(UPDATE))).toBe(
      [
        "import { createLiveClient } from 'live-relay';",
        '',
        'const client = createLiveClient();',
        'const res = await client.updateLivePullToPush({',
        "  TaskId: 'fd245384-4067-4f91-9d75-9666a6bc****',",
        "  Region: 'cn-shanghai',",
        "  SourceUrls: ['rtmp://pull.example.com/app/stream'],",
        '});',
        '',
      ].join('\n'),
    );
  });

  it('write the CLI command with shell quoting and arrays as JSON', () => {
    expect(cliSample('UpdateLivePullToPush', sampleArguments(UPDATE))).toBe(
      'live-relay UpdateLivePullToPush \\\n' +
        "  --TaskId 'fd245384-4067-4f91-9d75-9666a6bc****' \\\n" +
        '  --Region cn-shanghai \\\n' +
        `  --SourceUrls '["rtmp://pull.example.com/app/stream"]'\n`,
    );
    expect(cliSample('DescribeLivePullToPushList', [{ name: 'Region', value: 'cn-shanghai' }])).toBe(
      'live-relay DescribeLivePullToPushList --Region cn-shanghai\n',
    );
  });

  it('escape quotes in both languages', () => {
    const args = [{ name: 'TaskName', value: "it's" }];
    expect(typescriptSample('CreateLivePullToPush', args)).toContain("TaskName: 'it\\'s',");
    expect(cliSample('CreateLivePullToPush', args)).toBe("live-relay CreateLivePullToPush --TaskName 'it'\\''s'\n");
  });

  it('refuse a sampled parameter without an example', () => {
    const { example: _, ...noExample } = UPDATE.params[1]!;
    expect(() => codeSamples({ ...UPDATE, params: [noExample] })).toThrow(
      /UpdateLivePullToPush: parameter TaskId has no example/,
    );
  });

  it('exist for every operation of the generated table', () => {
    for (const operation of Object.values(operations)) {
      const [typescript, cli] = codeSamples(operation);
      expect(typescript?.source).toContain(
        `client.${operation.action.charAt(0).toLowerCase()}${operation.action.slice(1)}({`,
      );
      expect(cli?.source.replace(/ \\\n +/g, ' ')).toMatch(new RegExp(`^live-relay ${operation.action} --\\w+ \\S`));
    }
  });
});

describe('withCodeSamples', () => {
  const document = {
    paths: { '/UpdateLivePullToPush': { get: { operationId: 'UpdateLivePullToPush', responses: {} } } },
  };

  it('adds x-codeSamples to a copy, matched by operationId', () => {
    const copy = withCodeSamples(document, [UPDATE]) as typeof document;
    const samples = (copy.paths['/UpdateLivePullToPush'].get as { 'x-codeSamples'?: { label: string }[] })[
      'x-codeSamples'
    ];
    expect(samples?.map((s) => s.label)).toEqual(['TypeScript', 'CLI']);
    expect(document.paths['/UpdateLivePullToPush'].get).not.toHaveProperty('x-codeSamples');
  });

  it('refuses operations missing from either side', () => {
    expect(() => withCodeSamples(document, [])).toThrow(/GET \/UpdateLivePullToPush: not in the operation table/);
    expect(() => withCodeSamples(document, [UPDATE, { ...UPDATE, action: 'StopLivePullToPush' }])).toThrow(
      /not in the spec: StopLivePullToPush/,
    );
  });
});
