/**
 * `npm run docs`: spec/openapi.yaml → build/docs/index.html, one self-contained Redoc page that
 * works offline, with a TypeScript client sample and a CLI sample on every operation, each
 * operation's error codes as a table, the Update-by-state table, and two companion pages beside
 * it: decisions.html (spec/decisions.md), changelog.html (CHANGELOG.md) and errors.html (the gateway
 * error codes), which the page links to.
 * Links to an operation are `index.html#/<tag>/<operation>`: they work from disk and from any
 * static file server, and survive a reload.
 *
 * The additions are made to a temporary bundled copy of the spec; spec/ is never written.
 */
import { mkdir, mkdtemp, readFile, rm, writeFile } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { dirname, join, relative } from 'node:path';
import { operations } from '../generated/operations.js';
import { bundleSpec } from './docs/bundle-spec.js';
import type { BundledDocument } from './docs/bundled-document.js';
import { withCodeSamples } from './docs/code-samples.js';
import { COMPANION_PAGES, companionPage, ERRORS_PAGE, withCompanionLinks } from './docs/companion-pages.js';
import { gatewayErrorsMarkdown, withErrorTables } from './docs/error-table-section.js';
import { pageConfig } from './docs/page-config.js';
import { runRedocly } from './docs/redocly.js';
import { REPO_ROOT } from './docs/repo-root.js';
import { withUpdateTable } from './docs/update-table-section.js';

const SPEC = join(REPO_ROOT, 'spec', 'openapi.yaml');
/** Where the page is written; build/ is not committed. */
const DOCS_PAGE = join(REPO_ROOT, 'build', 'docs', 'index.html');

async function main(): Promise<void> {
  const table = Object.values(operations);
  const bundled = withCodeSamples(await bundleSpec(SPEC), table) as BundledDocument;
  const document = withCompanionLinks(withUpdateTable(withErrorTables(bundled, table)));
  const work = await mkdtemp(join(tmpdir(), 'live-relay-docs-'));
  try {
    const specFile = join(work, 'openapi.json');
    const configFile = join(work, 'redocly.yaml');
    await writeFile(specFile, JSON.stringify(document));
    await writeFile(configFile, pageConfig());
    await mkdir(dirname(DOCS_PAGE), { recursive: true });
    // --inlineBundle embeds Redoc itself; without it the page loads Redoc from a CDN and stays empty offline.
    await runRedocly(['build-docs', specFile, '--inlineBundle', '--config', configFile, '--output', DOCS_PAGE]);
    for (const { source, page, title } of COMPANION_PAGES) {
      const markdown = await readFile(join(REPO_ROOT, source), 'utf8');
      await writeFile(join(dirname(DOCS_PAGE), page), companionPage(title, markdown));
    }
    const errorsPage = companionPage(ERRORS_PAGE.title, gatewayErrorsMarkdown(table));
    await writeFile(join(dirname(DOCS_PAGE), ERRORS_PAGE.page), errorsPage);
  } finally {
    await rm(work, { recursive: true, force: true });
  }
  console.log(`docs: wrote ${relative(REPO_ROOT, DOCS_PAGE)}`);
}

main().catch((error: unknown) => {
  console.error(error instanceof Error ? error.message : error);
  process.exitCode = 1;
});
