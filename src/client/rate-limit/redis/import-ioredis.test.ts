import { describe, expect, it } from 'vitest';
import { importIoredis } from './import-ioredis.js';
import { MissingIoredisError } from './missing-ioredis-error.js';

describe('importIoredis', () => {
  it('loads the Redis class of the installed ioredis', async () => {
    const { Redis } = await import('ioredis');
    expect(await importIoredis()).toBe(Redis);
  });

  it('says how to install ioredis when it is missing', async () => {
    const missing = Object.assign(new Error("Cannot find package 'ioredis'"), { code: 'ERR_MODULE_NOT_FOUND' });
    const error = await importIoredis(() => Promise.reject(missing)).catch((e: unknown) => e);
    expect(error).toBeInstanceOf(MissingIoredisError);
    expect(error).toMatchObject({ message: expect.stringContaining('npm install ioredis@5'), cause: missing });
  });

  it('passes other load failures through', async () => {
    const broken = new SyntaxError('Unexpected token');
    await expect(importIoredis(() => Promise.reject(broken))).rejects.toBe(broken);
  });
});
