import { cpSync, mkdtempSync, rmSync, symlinkSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { repoRoot } from '../docs/paths.js';

/** What a copy needs to sync the spec, generate, lint, build the docs and run the client and emulator. */
const COPIED = [
  'spec',
  'scripts',
  'src',
  'generated',
  'bin',
  'package.json',
  'tsconfig.json',
  'redocly.yaml',
  'CHANGELOG.md',
];

/** A throwaway copy of the repository tree (node_modules linked, not copied). */
export interface RepoCopy {
  readonly dir: string;
  remove(): void;
}

export function copyRepo(): RepoCopy {
  const dir = mkdtempSync(join(tmpdir(), 'live-relay-repo-'));
  for (const entry of COPIED) cpSync(join(repoRoot, entry), join(dir, entry), { recursive: true });
  symlinkSync(join(repoRoot, 'node_modules'), join(dir, 'node_modules'), 'dir');
  return { dir, remove: () => rmSync(dir, { recursive: true, force: true }) };
}
