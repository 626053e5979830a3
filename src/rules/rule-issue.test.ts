import { describe, expect, it } from 'vitest';
import { errorCodes, operations } from '../../generated/operations.js';
import { RULE_ERROR_CODES } from './rule-issue.js';

describe('RULE_ERROR_CODES', () => {
  it.each(RULE_ERROR_CODES)('%s is a 400 error code of the spec', (code) => {
    expect(errorCodes[code]).toMatchObject({ code, status: 400 });
  });

  it('lists the codes the operations that apply the rules document', () => {
    const documented = (action: keyof typeof operations) => operations[action].errors.map((e) => e.code);
    expect(documented('CreateLivePullToPush')).toEqual(
      expect.arrayContaining(['InvalidParameter', 'InvalidParam.CodeIllegalDuration']),
    );
    expect(documented('UpdateLivePullToPush')).toEqual(
      expect.arrayContaining([
        'InvalidParameter',
        'InvalidParam.CodeIllegalDuration',
        'CodeTaskHasStarted',
        'CodeTaskNotExist',
      ]),
    );
    expect(documented('StopLivePullToPush')).toEqual(
      expect.arrayContaining(['CodeTaskHasStopped', 'CodeTaskNotExist']),
    );
  });
});
