/**
 * `npm run docs`: spec/openapi.yaml → build/docs/index.html, one self-contained Redoc page that
 * works offline, with a TypeScript client sample and a CLI sample on every operation.
 *
 * The samples are added to a temporary bundled copy of the spec; spec/ is never written.
 */
import { mkdir, mkdtemp, rm, writeFile } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { dirname, join, relative } from 'node:path';
import { operations } from '../generated/operations.js';
import { bundleSpec } from './docs/bundle-spec.js';
import { withCodeSamples } from './docs/code-samples.js';
import { pageConfig } from './docs/page-config.js';
import { runRedocly } from './docs/redocly.js';
import { REPO_ROOT } from './docs/repo-root.js';
import { withUpdateTable } from './docs/update-table-section.js';

const SPEC = join(REPO_ROOT, 'spec', 'openapi.yaml');
/** Where the page is written; build/ is not committed. */
const DOCS_PAGE = join(REPO_ROOT, 'build', 'docs', 'index.html');

async function main(): Promise<void> {
  const document = withUpdateTable(withCodeSamples(await bundleSpec(SPEC), Object.values(operations)));
  const work = await mkdtemp(join(tmpdir(), 'live-relay-docs-'));
  try {
    const specFile = join(work, 'openapi.json');
    const configFile = join(work, 'redocly.yaml');
    await writeFile(specFile, JSON.stringify(document));
    await writeFile(configFile, pageConfig());
    await mkdir(dirname(DOCS_PAGE), { recursive: true });
    // --inlineBundle embeds Redoc itself; without it the page loads Redoc from a CDN and stays empty offline.
    await runRedocly(['build-docs', specFile, '--inlineBundle', '--config', configFile, '--output', DOCS_PAGE]);
  } finally {
    await rm(work, { recursive: true, force: true });
  }
  console.log(`docs: wrote ${relative(REPO_ROOT, DOCS_PAGE)}`);
}

main().catch((error: unknown) => {
  console.error(error instanceof Error ? error.message : error);
  process.exitCode = 1;
});
