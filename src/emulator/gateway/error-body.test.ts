import { describe, expect, it } from 'vitest';
import { errorCodes } from '../../../generated/operations.js';
import { validateErrorBody } from '../../../generated/validators.js';
import { errorAnswer, formatMessage } from './error-body.js';
import { refuse } from './refusal.js';

describe('formatMessage', () => {
  it('fills %s and does not double the full stop', () => {
    expect(formatMessage('%s.', 'Parameter error.', 'Specified parameter Region is not valid.')).toBe(
      'Specified parameter Region is not valid.',
    );
    expect(formatMessage('The input parameter "%s" is not supplied.', 'd', 'Timestamp')).toBe(
      'The input parameter "Timestamp" is not supplied.',
    );
  });

  it('falls back to the detail, then to the description, for an empty slot', () => {
    expect(formatMessage('%s.', 'Parameter error.', undefined, 'x is wrong')).toBe('x is wrong.');
    expect(formatMessage('%s.', 'Parameter error.')).toBe('Parameter error.');
  });

  it('appends a detail after a colon, unless it repeats the message', () => {
    expect(formatMessage('Task does not exist.', 'd', undefined, 'TaskId "x" names no task')).toBe(
      'Task does not exist: TaskId "x" names no task.',
    );
    expect(formatMessage('Task does not exist.', 'd', undefined, 'Task does not exist')).toBe('Task does not exist.');
    expect(formatMessage('The input parameter "%s" is missing.', 'd', 'Action', 'send it')).toBe(
      'The input parameter "Action" is missing: send it.',
    );
  });
});

describe('errorAnswer', () => {
  it('takes the status from the spec and builds a schema-valid body for every code', () => {
    for (const [code, spec] of Object.entries(errorCodes)) {
      const answer = errorAnswer(refuse(code, 'X', 'detail'), 'A1B2C3D4-0000-4000-8000-000000000000', '127.0.0.1:9000');
      expect(answer.status).toBe(spec.status);
      expect(validateErrorBody(answer.body)).toBe(true);
      expect(answer.body.Code).toBe(code);
      expect(answer.body.Recommend).toContain(
        `q=${encodeURIComponent(code)}&product=live&requestId=A1B2C3D4-0000-4000-8000-000000000000`,
      );
    }
  });

  it('refuses a code the spec does not have (an emulator bug)', () => {
    expect(() => errorAnswer(refuse('NoSuchCode'), 'id', 'host')).toThrow(/not in the spec/);
  });
});
