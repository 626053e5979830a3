import { Marked } from 'marked';
import type { BundledDocument } from './bundled-document.js';

/** The documents published next to index.html, each rendered from a Markdown file of the repository. */
export const COMPANION_PAGES = [
  { source: 'spec/decisions.md', page: 'decisions.html', title: 'Decisions: where the vendor sources disagree' },
  { source: 'CHANGELOG.md', page: 'changelog.html', title: 'Changelog' },
] as const;

/** The companion page of the gateway error codes, rendered from the operation table. */
export const ERRORS_PAGE = { page: 'errors.html', title: 'Gateway error codes' } as const;

/** `## D-07 Offset minimum is 1` gets the id `D-07`, so the API page can link to a decision. */
const DECISION = /^(D-\d+)\b/;

/** A standalone HTML page (no scripts, no network) for one Markdown document. */
export function companionPage(title: string, markdown: string): string {
  const marked = new Marked({
    gfm: true,
    renderer: {
      heading({ tokens, depth, text }) {
        const id = DECISION.exec(text)?.[1] ?? slug(text);
        return `<h${depth} id="${id}">${this.parser.parseInline(tokens)}</h${depth}>\n`;
      },
    },
  });
  const body = marked.parse(markdown, { async: false });
  return `<!doctype html>
<html lang="en">
<head>
<meta charset="utf-8">
<meta name="viewport" content="width=device-width, initial-scale=1">
<title>${escapeHtml(title)}</title>
<style>
body { font: 15px/1.5 system-ui, sans-serif; max-width: 60rem; margin: 2rem auto; padding: 0 1rem; color: #222; }
table { border-collapse: collapse; margin: 1rem 0; } th, td { border: 1px solid #ccc; padding: .3rem .5rem; text-align: left; vertical-align: top; }
code, pre { font: 13px/1.4 ui-monospace, monospace; background: #f4f4f4; } pre { padding: .6rem; overflow-x: auto; }
nav { margin-bottom: 1rem; }
</style>
</head>
<body>
<nav><a href="./index.html">API reference</a> · <a href="./errors.html">Gateway error codes</a> · <a href="./decisions.html">Decisions</a> · <a href="./changelog.html">Changelog</a></nav>
${body}</body>
</html>
`;
}

/**
 * A copy of a bundled document whose descriptions link to the published pages: `./decisions.md`
 * becomes `./decisions.html`, a decision named as "`spec/decisions.md` D-01" links to its
 * heading, and the API description gains a link to the changelog.
 */
export function withCompanionLinks(document: BundledDocument): BundledDocument {
  const copy = relink(structuredClone(document)) as BundledDocument;
  copy.info.description = `${(copy.info.description ?? '').trimEnd()}\n\nWhat changed in each version: [changelog](./changelog.html).\n`;
  return copy;
}

function relink(value: unknown, key?: string): unknown {
  if (typeof value === 'string') {
    if (key !== 'description') return value;
    return value
      .replaceAll('](./decisions.md)', '](./decisions.html)')
      .replace(/`spec\/decisions\.md`,? (D-\d+)/g, '[$1](./decisions.html#$1)');
  }
  if (Array.isArray(value)) return value.map((item) => relink(item));
  if (typeof value === 'object' && value !== null) {
    return Object.fromEntries(Object.entries(value).map(([k, v]) => [k, relink(v, k)]));
  }
  return value;
}

function slug(text: string): string {
  return text
    .toLowerCase()
    .replace(/[^a-z0-9]+/g, '-')
    .replace(/^-|-$/g, '');
}

function escapeHtml(text: string): string {
  return text.replaceAll('&', '&amp;').replaceAll('<', '&lt;').replaceAll('>', '&gt;');
}
