import type { SpecChange } from './spec-changes.js';

/**
 * A changelog section: breaking changes first, each list grouped by operation, then a count of
 * documentation-only changes. Breaking means code written against the old generated client may
 * stop compiling or start failing.
 */
export function changelogSection(title: string, changes: readonly SpecChange[], documentation: number): string {
  const breaking = changes.filter((c) => c.breaking);
  const other = changes.filter((c) => !c.breaking);
  const lines = [`### API changes: ${title}`, ''];
  lines.push(`#### Breaking for users of the generated client (${breaking.length})`, '');
  lines.push(...(breaking.length === 0 ? ['None.'] : items(breaking, '**BREAKING** ')), '');
  lines.push(`#### Not breaking (${other.length})`, '');
  lines.push(...(other.length === 0 ? ['None.'] : items(other, '')), '');
  lines.push(`Documentation only (descriptions, summaries, examples): ${documentation} change(s).`);
  return `${lines.join('\n')}\n`;
}

function items(changes: readonly SpecChange[], mark: string): string[] {
  const order = [...new Set(changes.map((c) => c.where))];
  return order.flatMap((where) =>
    changes.filter((c) => c.where === where).map((c) => `- ${mark}\`${where}\`: ${c.what.trim()}`),
  );
}
