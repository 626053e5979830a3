/** Plain-text tables for `--output table`: aligned columns, no colour, no box drawing. */

import { terminalSafe } from './terminal-safe.js';

/**
 * Column-aligned rows under a header row and a rule. Cells are single-line strings; every
 * control character in them is escaped (see {@link terminalSafe}).
 */
export function renderTable(header: readonly string[], unsafeRows: readonly (readonly string[])[]): string {
  const rows = unsafeRows.map((row) => row.map(terminalSafe));
  const widths = header.map((title, column) =>
    Math.max(title.length, ...rows.map((row) => (row[column] ?? '').length)),
  );
  const line = (cells: readonly string[]): string =>
    cells
      .map((cell, column) => (column === cells.length - 1 ? cell : cell.padEnd(widths[column]!)))
      .join('  ')
      .trimEnd();
  return `${[line(header), line(widths.map((width) => '-'.repeat(width))), ...rows.map(line)].join('\n')}\n`;
}

/**
 * Two columns, key and value, for one response body. Nested objects become dotted keys
 * (`TaskInfo.DstUrl`); lists of plain values are joined with `, `; `describe` may replace a value's
 * text (for example to name a status code).
 */
export function renderKeyValue(
  body: Readonly<Record<string, unknown>>,
  describe: (key: string, value: unknown) => string | undefined = () => undefined,
): string {
  const rows: string[][] = [];
  const visit = (prefix: string, value: unknown): void => {
    if (isPlainObject(value) && Object.keys(value).length > 0) {
      for (const [key, inner] of Object.entries(value)) visit(prefix === '' ? key : `${prefix}.${key}`, inner);
      return;
    }
    rows.push([terminalSafe(prefix), terminalSafe(describe(prefix, value) ?? cellText(value))]);
  };
  visit('', body);
  const width = Math.max(...rows.map((row) => row[0]!.length));
  return `${rows.map(([key, value]) => `${key!.padEnd(width)}  ${value}`.trimEnd()).join('\n')}\n`;
}

/** One cell's text: strings as they are, lists of plain values joined, anything else as JSON. */
export function cellText(value: unknown): string {
  if (value === undefined || value === null) return '';
  if (typeof value === 'string') return oneLine(value);
  if (Array.isArray(value) && value.every((item) => typeof item !== 'object' || item === null)) {
    return value.map((item) => cellText(item)).join(', ');
  }
  return typeof value === 'object' ? JSON.stringify(value) : String(value);
}

function oneLine(text: string): string {
  return text.replace(/[\r\n\t]+/g, ' ');
}

function isPlainObject(value: unknown): value is Record<string, unknown> {
  return typeof value === 'object' && value !== null && !Array.isArray(value);
}
