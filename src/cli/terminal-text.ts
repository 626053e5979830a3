/** Spec markdown turned into plain, wrapped terminal text for `--help`. */

/** Help text width in columns; fixed so help reads the same in a terminal, a pipe and a test. */
export const HELP_WIDTH = 80;

/**
 * Plain text from the spec's CommonMark: emphasis and code marks dropped, links as
 * `text (url)`, tables as one list item per row (a terminal is too narrow for most tables).
 * Paragraphs and list items stay on their own lines.
 */
export function plainMarkdown(markdown: string): string {
  return tablesAsLists(markdown.replace(/\r\n?/g, '\n'))
    .replace(/\[([^\]]+)\]\(([^)\s]+)\)/g, (_, text: string, url: string) => (text === url ? url : `${text} (${url})`))
    .replace(/(\*\*|__)(.+?)\1/g, '$2')
    .replace(/`([^`]+)`/g, '$1')
    .trim();
}

const TABLE_ROW = /^\s*\|(.*)\|\s*$/;
const TABLE_RULE = /^\s*\|[\s:|-]+\|\s*$/;

/** `| a | b |` tables → `- a: B-header: b; C-header: c` lines, one per body row. */
function tablesAsLists(markdown: string): string {
  const lines = markdown.split('\n');
  const out: string[] = [];
  for (let i = 0; i < lines.length; i++) {
    if (!(TABLE_ROW.test(lines[i]!) && TABLE_RULE.test(lines[i + 1] ?? ''))) {
      out.push(lines[i]!);
      continue;
    }
    const headers = cells(lines[i]!);
    i += 2;
    while (i < lines.length && TABLE_ROW.test(lines[i]!)) {
      const [first = '', ...rest] = cells(lines[i]!);
      const described = rest
        .map((cell, column) =>
          cell === '' || cell === '—' ? '' : `${headers[column + 1] ?? ''}: ${cell}`.replace(/^: /, ''),
        )
        .filter((text) => text !== '');
      out.push(`- ${first}${described.length > 0 ? `: ${described.join('; ')}` : ''}`);
      i++;
    }
    i--;
  }
  return out.join('\n');
}

function cells(row: string): string[] {
  return TABLE_ROW.exec(row)![1]!
    .split('|')
    .map((cell) => cell.trim());
}

/**
 * Wraps plain text to `width` columns, each paragraph's first line indented by `indent` spaces and
 * the lines after it by `hang` (default: the same). Blank lines
 * separate paragraphs; a line starting a list item (`- `, `* `, `1. `) starts a new line and
 * its continuation lines hang under the item's text.
 */
export function wrapText(text: string, indent: number, width = HELP_WIDTH, hang = indent): string {
  const out: string[] = [];
  for (const block of splitBlocks(text)) {
    if (block === '') {
      if (out.length > 0 && out[out.length - 1] !== '') out.push('');
      continue;
    }
    const bullet = /^(\s*(?:[-*]|\d+\.)\s+)/.exec(block)?.[1] ?? '';
    const continuation = ' '.repeat(hang + bullet.length);
    let line = ' '.repeat(indent) + bullet;
    let lineHasWord = false;
    for (const word of block.slice(bullet.length).split(/\s+/).filter(Boolean)) {
      if (lineHasWord && line.length + 1 + word.length > width) {
        out.push(line);
        line = continuation + word;
      } else {
        line += (lineHasWord ? ' ' : '') + word;
      }
      lineHasWord = true;
    }
    out.push(line);
  }
  while (out[out.length - 1] === '') out.pop();
  return out.join('\n');
}

/** Paragraphs (soft line breaks joined) and list items, with `''` for each paragraph break. */
function splitBlocks(text: string): string[] {
  const blocks: string[] = [];
  let current: string | undefined;
  for (const raw of text.split('\n')) {
    const line = raw.trimEnd();
    if (line.trim() === '') {
      if (current !== undefined) blocks.push(current);
      current = undefined;
      blocks.push('');
    } else if (current === undefined || /^\s*(?:[-*]|\d+\.)\s+/.test(line)) {
      if (current !== undefined) blocks.push(current);
      current = line.trim();
    } else {
      current += ` ${line.trim()}`;
    }
  }
  if (current !== undefined) blocks.push(current);
  return blocks;
}
