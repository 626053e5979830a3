/**
 * The published page in a real browser: `scripts/docs.ts` builds build/docs/index.html, headless
 * Chromium opens it from `file://` with every http(s) request blocked, and the UpdateLivePullToPush
 * section, its code samples, its error examples and the webhooks must render. Interactions (menus,
 * the example picker) only work once Redoc has hydrated, so they also prove the page runs offline.
 */

import { dirname, join } from 'node:path';
import { pathToFileURL } from 'node:url';
import type { Locator, Page } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { operations, webhookNames } from '../../generated/operations.js';
import { bundleSpec } from '../../scripts/docs/bundle-spec.js';
import { updateTable } from '../../src/rules/update-table.js';
import type { HeadlessChromium } from './chromium.js';
import { findChromium, launchChromium } from './chromium.js';
import { docsPage, repoRoot } from './paths.js';
import { runScript } from './run-script.js';
import { serveStatic } from './static-server.js';

const chromiumPath = findChromium();
if (chromiumPath === undefined) {
  console.warn(
    'test/docs/docs-page.test.ts SKIPPED: no Chromium at /usr/bin/chromium or on PATH. ' +
      'Install it with `apt-get install chromium` to run the docs page test (CI installs it).',
  );
}

const SCREENSHOT = join(repoRoot, 'build', 'docs', 'screenshot-update.png');
const UPDATE = operations.UpdateLivePullToPush;

describe.skipIf(chromiumPath === undefined)(
  'docs page in headless Chromium (skipped without Chromium: apt-get install chromium)',
  { timeout: 60_000 },
  () => {
    let browser: HeadlessChromium | undefined;
    let page: Page;
    /** Every http(s) request the page tried; all are aborted. */
    const network: { url: string; type: string }[] = [];

    beforeAll(async () => {
      const build = await runScript('scripts/docs.ts');
      if (build.code !== 0) throw new Error(`scripts/docs.ts failed:\n${build.stdout}${build.stderr}`);
      browser = await launchChromium(chromiumPath ?? '');
      page = await browser.context.newPage();
      await page.route(/^https?:\/\//, async (route) => {
        network.push({ url: route.request().url(), type: route.request().resourceType() });
        await route.abort();
      });
      await page.goto(pathToFileURL(docsPage).href);
    }, 180_000);

    afterAll(async () => {
      await browser?.close();
    });

    const context = () => {
      if (browser === undefined) throw new Error('Chromium did not start');
      return browser.context;
    };

    /** An operation's or webhook's section, found by the slug Redoc derives from its id. */
    const section = (id: string): Locator => page.locator(`[data-section-id$="/${id.toLowerCase()}"]`);

    it('renders the UpdateLivePullToPush section with every parameter', async () => {
      await page.locator(`a[href$="/${UPDATE.action.toLowerCase()}"]`).first().click();
      const update = section(UPDATE.action);
      await update.locator('.schema-name').first().waitFor();
      const names = await update.locator('.schema-name').allTextContents();
      expect(names).toEqual(expect.arrayContaining(['TaskId', 'Region', 'SourceUrls', 'CallbackUrl', 'FileIndex']));
      expect(names).toEqual(expect.arrayContaining(UPDATE.params.map((p) => p.name)));
      await update.screenshot({ path: SCREENSHOT });
    });

    it('renders the Update-by-task-state table from the generated rules', async () => {
      const update = section(UPDATE.action);
      const table = update.locator('table', { hasText: 'Before StartTime [0]' });
      await table.waitFor();
      const rows = await table
        .locator('tbody tr')
        .evaluateAll((trs) =>
          trs.map((tr) => [...tr.querySelectorAll('td')].map((td) => td.textContent?.trim() ?? '')),
        );
      expect(rows).toEqual(updateTable().rows.map((row) => [row.param, ...row.cells]));
    });

    it('shows the TypeScript client sample and, from the language menu, the CLI sample', async () => {
      const update = section(UPDATE.action);
      const samples = update.locator('pre[data-testid="source-code"]').first();
      await expect.poll(() => samples.innerText()).toContain('client.updateLivePullToPush({');
      expect(await samples.innerText()).toContain("SourceUrls: ['rtmp://");

      await update.getByRole('button', { name: 'TypeScript', exact: true }).click();
      await page.getByRole('menuitem', { name: 'CLI', exact: true }).click();
      await expect.poll(() => samples.innerText()).toContain('live-relay UpdateLivePullToPush');
      expect(await samples.innerText()).toContain(`--SourceUrls '["rtmp://`);
    });

    it("lists the operation's error codes among the 400 response examples", async () => {
      const update = section(UPDATE.action);
      await update.locator('[data-testid="right-panel"] button:not([role="tab"])', { hasText: /^400$/ }).click();
      const picker = update.getByRole('button', { name: 'Example' });
      await picker.click();
      const count = await page.getByRole('menuitem').count();
      const codes: string[] = [];
      for (let i = 0; i < count; i += 1) {
        // Choosing an example closes the menu; reopen it for the next one.
        if (i > 0) await picker.click();
        await page.getByRole('menuitem').nth(i).click();
        const body = update.locator('pre[data-testid="source-code"]', { hasText: '"Code"' });
        codes.push(/"Code": "([^"]+)"/.exec(await body.innerText())?.[1] ?? '');
      }
      expect(codes).toEqual(
        expect.arrayContaining(['CodeTaskHasStarted', 'CodeTaskNotExist', 'InvalidParam.CodeIllegalDuration']),
      );
      const documented400 = UPDATE.errors.filter((e) => e.status === 400).map((e) => e.code);
      expect([...codes].sort()).toEqual([...documented400].sort());
    });

    it('renders every webhook', async () => {
      const document = (await bundleSpec(join(repoRoot, 'spec', 'openapi.yaml'))) as {
        webhooks: Record<string, { post: { tags?: string[]; summary: string } }>;
      };
      for (const name of webhookNames) {
        const { tags, summary } = document.webhooks[name]?.post ?? { summary: '' };
        // The sidebar lists a webhook once its tag is open. On a loaded machine a click can land
        // while the menu is still opening, so the section is awaited click by click.
        const link = page.locator(`a[href$="/${name.toLowerCase()}"]`).first();
        const webhook = section(name);
        await expect
          .poll(
            async () => {
              if (!(await link.isVisible()) && tags?.[0] !== undefined)
                await page.getByText(tags[0], { exact: true }).first().click();
              await link.click();
              return webhook.isVisible();
            },
            { timeout: 40_000 },
          )
          .toBe(true);
        const text = await webhook.textContent();
        expect(text).toContain(summary);
        expect(text).toContain('Webhook');
        expect(await webhook.locator('.schema-name').allTextContents()).toEqual(
          expect.arrayContaining(['Event', 'EventTime', 'TaskId', 'TaskStatus']),
        );
      }
    });

    /** Redoc renders the sections from the one the route names onwards: go to UpdateLivePullToPush. */
    async function openUpdate(): Promise<Locator> {
      await page.locator(`a[href$="/${UPDATE.action.toLowerCase()}"]`).first().click();
      const update = section(UPDATE.action);
      await update.waitFor();
      return update;
    }

    it("shows each operation's error codes as a table of HTTP status, code, message and description", async () => {
      const update = await openUpdate();
      const table = update.locator('table', { hasText: 'Error message' });
      await table.waitFor();
      const rows = await table
        .locator('tbody tr')
        .evaluateAll((trs) =>
          trs.map((tr) => [...tr.querySelectorAll('td')].map((td) => td.textContent?.trim() ?? '')),
        );
      const own = UPDATE.errors.filter((e) => !e.gateway).sort((a, b) => a.status - b.status);
      expect(rows).toEqual(own.map((e) => [String(e.status), e.code, e.message.trim(), e.description.trim()]));
      expect(rows.map((row) => row[1])).toEqual(
        expect.arrayContaining(['CodeTaskHasStarted', 'CodeTaskNotExist', 'InvalidParam.CodeIllegalDuration']),
      );
    });

    it('publishes the decisions and the changelog beside the page, and links to them', async () => {
      for (const [href, heading] of [
        ['./decisions.html', 'Decisions: where the vendor sources disagree'],
        ['./changelog.html', 'Changelog'],
      ] as const) {
        const link = page.locator(`a[href="${href}"]`).first();
        await link.waitFor({ state: 'attached' });
        const target = await context().newPage();
        await target.goto(new URL(href, pathToFileURL(docsPage)).href);
        expect(await target.locator('h1').first().innerText()).toContain(heading.split(':')[0] ?? heading);
        await target.close();
      }
      // A decision named in an operation's description links to its own heading.
      const decision = (await openUpdate()).locator('a[href="./decisions.html#D-01"]').first();
      await decision.waitFor({ state: 'attached' });
      const target = await context().newPage();
      await target.goto(new URL('./decisions.html#D-01', pathToFileURL(docsPage)).href);
      expect(await target.locator('#D-01').innerText()).toMatch(/^D-01 UpdateLivePullToPush/);
      // The gateway codes every operation can return are tabled once, on errors.html.
      await section(UPDATE.action).locator('a[href="./errors.html"]').first().waitFor({ state: 'attached' });
      await target.goto(new URL('./errors.html', pathToFileURL(docsPage)).href);
      const codes = await target.locator('tbody tr td:nth-child(2)').allInnerTexts();
      expect(codes).toEqual(expect.arrayContaining(['Throttling.User', 'SignatureDoesNotMatch', 'MissingParameter']));
      await target.close();
    });

    /** The id of the operation section at the top of the viewport. */
    const sectionAtTop = (at: Page): Promise<string | undefined> =>
      at.locator('[data-section-id]').evaluateAll((sections) => {
        const top = sections.find((el) => {
          const { top: y, bottom } = el.getBoundingClientRect();
          return y <= 120 && bottom > 120;
        });
        return top?.getAttribute('data-section-id') ?? undefined;
      });

    /** The link the sidebar gives UpdateLivePullToPush, relative to the page (`#/…`). */
    async function updateLink(): Promise<string> {
      const href = await page.locator(`a[href$="/${UPDATE.action.toLowerCase()}"]`).first().getAttribute('href');
      expect(href).toMatch(/^#\//);
      return href ?? '';
    }

    async function expectDeepLink(url: string, at: Page): Promise<void> {
      await at.goto(url);
      await expect.poll(() => sectionAtTop(at), { timeout: 20_000 }).toMatch(/\/updatelivepulltopush$/);
      await at.reload();
      await expect.poll(() => sectionAtTop(at), { timeout: 20_000 }).toMatch(/\/updatelivepulltopush$/);
      expect(at.url()).toBe(url);
    }

    it('opens a deep link to UpdateLivePullToPush from disk, and a reload keeps it there', async () => {
      const fresh = await context().newPage();
      await fresh.route(/^https?:\/\//, (route) => route.abort());
      await expectDeepLink(`${pathToFileURL(docsPage).href}${await updateLink()}`, fresh);
      await fresh.close();
    });

    it('opens the same deep link over a plain static file server, and a reload keeps it there', {
      timeout: 120_000,
    }, async () => {
      const server = await serveStatic(dirname(docsPage));
      const fresh = await context().newPage();
      await fresh.route(/^https?:\/\//, (route) =>
        route.request().url().startsWith(server.url) ? route.continue() : route.abort(),
      );
      try {
        const link = await updateLink();
        await expectDeepLink(`${server.url}/index.html${link}`, fresh);
        await expectDeepLink(`${server.url}/${link}`, fresh);
        const decisions = await fresh.goto(`${server.url}/decisions.html#D-01`);
        expect(decisions?.status()).toBe(200);
      } finally {
        await fresh.close();
        await server.close();
      }
    });

    it('loads no script, style or data from the network', () => {
      // Redocly's "API docs by" logo is an <img> that hides itself when it cannot load.
      expect(network.filter((request) => request.type !== 'image')).toEqual([]);
    });
  },
);
