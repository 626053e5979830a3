/**
 * `npm run spec:diff -- BASE [HEAD]`: the changes between two versions of spec/openapi.yaml as a
 * Markdown changelog section, each change marked breaking or not for a user of the generated
 * client. BASE and HEAD are files or git revisions (`v0.1.0`, `main~3`, a commit id); HEAD
 * defaults to the spec in the working tree. Exit 0, or 2 when a version cannot be read.
 */
import { execFile } from 'node:child_process';
import { existsSync } from 'node:fs';
import { readFile } from 'node:fs/promises';
import { join, resolve } from 'node:path';
import { promisify } from 'node:util';
import { parse } from 'yaml';
import { REPO_ROOT } from './docs/repo-root.js';
import { changelogSection } from './spec-diff/changelog.js';
import { specChanges } from './spec-diff/spec-changes.js';

const USAGE = 'usage: npm run spec:diff -- BASE [HEAD]   (files or git revisions; HEAD defaults to spec/openapi.yaml)';
const SPEC_IN_REPO = 'spec/openapi.yaml';

/** A version's text and a label: a file as it is, or the spec at a git revision. */
async function readVersion(version: string, callerDir: string): Promise<{ label: string; text: string }> {
  const file = resolve(callerDir, version);
  if (existsSync(file)) return { label: version, text: await readFile(file, 'utf8') };
  const { stdout } = await promisify(execFile)('git', ['show', `${version}:${SPEC_IN_REPO}`], {
    cwd: REPO_ROOT,
    maxBuffer: 64 * 1024 * 1024,
  }).catch(() => {
    throw new Error(`${version} is neither a file nor a git revision with ${SPEC_IN_REPO}`);
  });
  const { stdout: id } = await promisify(execFile)('git', ['rev-parse', '--short', version], { cwd: REPO_ROOT });
  return { label: `${version} (${id.trim()})`, text: stdout };
}

async function main(): Promise<number> {
  const args = process.argv.slice(2);
  if (args.length < 1 || args.length > 2 || args.some((a) => a.startsWith('-'))) {
    console.error(USAGE);
    return 2;
  }
  const callerDir = process.env['INIT_CWD'] ?? process.cwd();
  const base = await readVersion(args[0] ?? '', callerDir);
  const head = await readVersion(args[1] ?? join(REPO_ROOT, SPEC_IN_REPO), callerDir);
  const { changes, documentation } = specChanges(parse(base.text), parse(head.text));
  console.log(
    changelogSection(`${base.label} → ${args[1] === undefined ? SPEC_IN_REPO : head.label}`, changes, documentation),
  );
  return 0;
}

main().then(
  (code) => {
    process.exitCode = code;
  },
  (error: unknown) => {
    console.error(`spec:diff: ${error instanceof Error ? error.message : String(error)}`);
    console.error(USAGE);
    process.exitCode = 2;
  },
);
