import { updateRules } from '../../generated/operations.js';
import { updateTable } from '../../src/rules/update-table.js';
import { type BundledDocument, eachOperation } from './bundled-document.js';

/**
 * A copy of a bundled OpenAPI document whose Update operation description ends with the
 * "Update by task state" table, rendered from the generated `updateRules` (the spec's
 * `x-acs-update-rules`), so the page shows the same table the client, the emulator and the CLI use.
 */
export function withUpdateTable(document: BundledDocument): BundledDocument {
  const copy = structuredClone(document);
  let found = false;
  eachOperation(copy, (operation) => {
    if (operation.operationId !== updateRules.action) return;
    operation.description = `${(operation.description ?? '').trimEnd()}\n\n${updateTableMarkdown()}`;
    found = true;
  });
  if (!found) throw new Error(`${updateRules.action} is not in the spec`);
  return copy;
}

/** The table as Markdown: a row per parameter, a column per task state, then how refusals are answered. */
export function updateTableMarkdown(): string {
  const { headings, rows, refusals } = updateTable();
  const line = (cells: readonly string[]): string => `| ${cells.join(' | ')} |`;
  return [
    '### Update by task state',
    '',
    'Which parameters each task state accepts (TaskStatus values in brackets), and when an accepted change takes effect.',
    '',
    line(['Parameter', ...headings]),
    line(['---', ...headings.map(() => '---')]),
    ...rows.map((row) => line([`\`${row.param}\``, ...row.cells])),
    '',
    ...refusals.map((note) => `- ${note}`),
    '',
  ].join('\n');
}
