import { inspect } from 'node:util';
import { describe, expect, it } from 'vitest';
import { safeError } from './safe-error.js';

describe('safeError', () => {
  it('copies name, message, stack, code and the cause chain with secrets masked, and drops every other field', () => {
    const inner = Object.assign(new Error('connect ECONNREFUSED, password hunter2'), {
      code: 'ECONNREFUSED',
      command: { name: 'auth', args: ['hunter2'] },
    });
    const outer = Object.assign(
      new TypeError('request to http://h/?Signature=abc&SecurityToken=tok failed', { cause: inner }),
      {
        type: 'system',
        url: 'http://h/?Signature=abc',
      },
    );
    const copy = safeError(outer, ['hunter2']);
    expect(copy).toMatchObject({
      name: 'TypeError',
      type: 'system',
      message: 'request to http://h/?Signature=***&SecurityToken=*** failed',
    });
    expect(copy.cause).toMatchObject({ code: 'ECONNREFUSED', message: 'connect ECONNREFUSED, password ***' });
    const shown = [inspect(copy, { depth: 10 }), JSON.stringify(copy), copy.stack, (copy.cause as Error).stack].join(
      '\n',
    );
    for (const secret of ['hunter2', 'abc', 'tok']) expect(shown).not.toMatch(new RegExp(`\\b${secret}\\b`));
  });

  it('turns a thrown non-error into an error', () => {
    expect(safeError('token=x SecurityToken=y').message).toBe('token=x SecurityToken=***');
  });
});
