import { describe, expect, it } from 'vitest';
import { operationNames, operations } from '../../generated/operations.js';
import { operationHelp, overviewHelp } from './help.js';

describe('overviewHelp', () => {
  it('lists every operation with its alias and summary, and the global options', () => {
    const text = overviewHelp(operations, operationNames);
    for (const name of operationNames) expect(text).toContain(name);
    expect(text).toMatch(/UpdateLivePullToPush\s+update\s+\S/);
    for (const flag of ['--endpoint', '--access-key-id', '--profile', '--signature-version', '--output', '--all']) {
      expect(text).toContain(flag);
    }
  });
});

describe('operationHelp', () => {
  it('shows every parameter of the operation table with its type, required flag, enum and default', () => {
    const operation = operations.CreateLivePullToPush;
    const text = operationHelp(operation, 'vendor');
    for (const param of operation.params) {
      const line = text.split('\n').find((l) => l.startsWith(`  --${param.name} `));
      expect(line, param.name).toBeDefined();
      expect(line).toContain(param.required ? 'required' : 'optional');
      if (param.type === 'integer') expect(line).toContain('<integer>');
      if (param.default !== undefined) expect(line).toContain(`default ${JSON.stringify(param.default)}`);
      for (const value of param.enum ?? []) expect(text).toContain(value);
    }
    expect(text).toContain(operation.docUrl);
  });

  it('speaks kebab case for an alias', () => {
    const text = operationHelp(operations.UpdateLivePullToPush, 'kebab');
    expect(text).toContain('Usage: live-relay update --task-id <string> --region <string> [options]');
    expect(text).toContain('  --source-urls <string[]>');
    expect(text).not.toMatch(/^ {2}--SourceUrls/m);
  });
});
