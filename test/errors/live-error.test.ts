/**
 * One error family: every error class the package exports extends LiveError, and no class in
 * src/ extends Error directly, so `instanceof LiveError` catches everything live-relay throws on
 * purpose.
 */
import { readdirSync, readFileSync } from 'node:fs';
import { join, relative } from 'node:path';
import { fileURLToPath } from 'node:url';
import { describe, expect, it } from 'vitest';
import * as emulatorEntry from '../../src/emulator/server.js';
import * as eventsEntry from '../../src/events/index.js';
import * as clientEntry from '../../src/index.js';

const SRC = fileURLToPath(new URL('../../src/', import.meta.url));

function sourceFiles(dir: string): string[] {
  return readdirSync(dir, { withFileTypes: true }).flatMap((entry) => {
    const path = join(dir, entry.name);
    if (entry.isDirectory()) return sourceFiles(path);
    return entry.name.endsWith('.ts') && !entry.name.endsWith('.test.ts') ? [path] : [];
  });
}

describe('LiveError', () => {
  it.each([
    ['live-relay', clientEntry],
    ['live-relay/events', eventsEntry],
    ['live-relay/emulator', emulatorEntry],
  ])('is the base of every error class %s exports', (_entry, exports) => {
    const errorClasses = Object.entries(exports).filter(
      ([name, value]) => name.endsWith('Error') && typeof value === 'function',
    );
    expect(errorClasses.map(([name]) => name)).toContain('LiveError');
    for (const [name, value] of errorClasses) {
      expect(value === clientEntry.LiveError || value.prototype instanceof clientEntry.LiveError, name).toBe(true);
    }
  });

  it('is the only class in src/ that extends Error directly', () => {
    const direct = sourceFiles(SRC).filter((file) => /\bextends Error\b/.test(readFileSync(file, 'utf8')));
    expect(direct.map((file) => relative(SRC, file))).toEqual(['errors/live-error.ts']);
  });

  it('a bad option is a LiveOptionError naming the option, with code InvalidOption, before anything is sent', () => {
    const refused = (() => {
      try {
        clientEntry.createLiveClient({ endpoint: 'http://127.0.0.1:1', retry: { maxAttempts: 0 } });
      } catch (error) {
        return error;
      }
    })();
    expect(refused).toBeInstanceOf(clientEntry.LiveError);
    expect(refused).toMatchObject({ name: 'LiveOptionError', code: 'InvalidOption', option: 'retry.maxAttempts' });
  });
});
