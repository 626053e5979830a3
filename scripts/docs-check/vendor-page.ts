import type { ErrorDoc, FieldDoc, OperationDoc, ParamDoc, ValueType } from './doc-model.js';
import { normaliseType, VENDOR_TYPE_NAMES } from './doc-model.js';
import { readPageProse } from './page-prose.js';

/**
 * Reads an Alibaba Cloud API reference page that was selected in a browser and saved as plain
 * text. Copying flattens every table cell into lines of its own and glues a row's short cells
 * together, so the page is read as a sequence of row-start lines:
 *
 * - request row:  `TaskIdstringYes` (name, type, required); an array's item row has no name
 *   (`stringNo`); `Enumeration Value:` followed by `•` bullets lists the allowed values;
 * - response row: `RequestIdstring` (name, type); the unnamed `object` row is the body itself;
 * - error row:    `400CodeTaskNotExistTask does not exist.The task does not exist.` (status,
 *   code, message and description run together).
 */
export type VendorPage = OperationDoc &
  Required<Pick<OperationDoc, 'params' | 'responseFields' | 'errors' | 'prose'>> & {
    /** Each error row's Description column, by code (what a new error's `description` starts from). */
    readonly errorDescriptions: Readonly<Record<string, string>>;
  };

export interface VendorPageOptions {
  /**
   * Error codes known in advance (our spec's). A code glued to its message is split after the
   * longest known code that prefixes it; unknown codes split where the message's first word begins.
   */
  readonly knownErrorCodes?: readonly string[];
}

/** Thrown when the text is not a vendor reference page. */
export class VendorPageError extends Error {
  override readonly name = 'VendorPageError';
}

const TITLE = /^:([A-Z][A-Za-z0-9]+)$/;
const LAST_UPDATED = /^Last Updated:\s*(.+)$/;
const REQUEST_HEADER = 'ParameterTypeRequiredDescriptionExample';
const RESPONSE_HEADER = 'ParameterTypeDescriptionExample';
const ERROR_HEADER = 'HTTP status codeError codeError messageDescription';
const ENUM_HEADING = 'Enumeration Value:';

const TYPES = VENDOR_TYPE_NAMES.join('|');
const REQUEST_ROW = new RegExp(`^([A-Z][A-Za-z0-9]*?)?(${TYPES})(?:<(${TYPES})>)?(Yes|No)$`);
const RESPONSE_ROW = new RegExp(`^([A-Z][A-Za-z0-9]*?)?(${TYPES})(?:<(${TYPES})>)?$`);
const ERROR_ROW = /^([1-5]\d\d)(\S.*)$/;
const BULLET = /^\s*•\s*(.+)$/;

/**
 * Parses a saved page; throws {@link VendorPageError} when the title or a table is missing.
 * `lastUpdated` is the page's date as `YYYY-MM-DD`, or as printed when it cannot be read.
 */
export function parseVendorPage(text: string, options: VendorPageOptions = {}): VendorPage {
  const lines = text.split(/\r?\n/).map((line) => line.trimEnd());
  const action = findFirst(lines, TITLE);
  if (action === undefined) {
    throw new VendorPageError('no `:<Action>` title line: is this a saved Alibaba Cloud API reference page?');
  }
  const printedDate = findFirst(lines, LAST_UPDATED);
  const requestLines = tableLines(lines, REQUEST_HEADER);
  return {
    action,
    ...(printedDate === undefined ? {} : { lastUpdated: isoDate(printedDate) }),
    params: readRequestTable(requestLines),
    prose: readPageProse({
      description: section(lines, 'Operation description'),
      qps: section(lines, 'QPS limit'),
      ...readParamNotes(requestLines),
    }),
    responseFields: readResponseTable(tableLines(lines, RESPONSE_HEADER)),
    errors: readErrorTable(tableLines(lines, ERROR_HEADER), options.knownErrorCodes ?? []),
    errorDescriptions: readErrorDescriptions(tableLines(lines, ERROR_HEADER), options.knownErrorCodes ?? []),
  };
}

const MONTHS = [
  'January',
  'February',
  'March',
  'April',
  'May',
  'June',
  'July',
  'August',
  'September',
  'October',
  'November',
  'December',
];

/** `May 13, 2025` → `2025-05-13`; anything else is returned unchanged. */
function isoDate(printed: string): string {
  const match = /^([A-Z][a-z]+) (\d{1,2}), (\d{4})$/.exec(printed);
  const month = match === null ? -1 : MONTHS.indexOf(match[1]!);
  if (match === null || month < 0) return printed;
  return `${match[3]}-${String(month + 1).padStart(2, '0')}-${match[2]!.padStart(2, '0')}`;
}

function findFirst(lines: readonly string[], pattern: RegExp): string | undefined {
  for (const line of lines) {
    const match = pattern.exec(line);
    if (match?.[1] !== undefined) return match[1].trim();
  }
  return undefined;
}

/** The lines after a table's header, up to the next section heading. */
function tableLines(lines: readonly string[], header: string): readonly string[] {
  const start = lines.indexOf(header);
  if (start < 0) throw new VendorPageError(`table header \`${header}\` not found`);
  const rest = lines.slice(start + 1);
  const end = rest.findIndex((line, i) => isSectionHeading(line, rest[i - 1], rest[i + 1]));
  return end < 0 ? rest : rest.slice(0, end);
}

/** Headings stand alone between blank lines and are not table rows ("Response parameters", "Examples"). */
function isSectionHeading(line: string, before: string | undefined, after: string | undefined): boolean {
  return (
    /^(Request parameters|Response parameters|Examples|Error codes|Sample success responses)$/.test(line) &&
    (before ?? '') === '' &&
    (after ?? '') === ''
  );
}

interface Row {
  readonly match: RegExpExecArray;
  readonly body: readonly string[];
}

/** Splits table lines into rows, each a row-start line and the lines up to the next one. */
function rows(lines: readonly string[], rowStart: RegExp): Row[] {
  const found: { match: RegExpExecArray; body: string[] }[] = [];
  for (const line of lines) {
    const match = rowStart.exec(line);
    if (match !== null) found.push({ match, body: [] });
    else found.at(-1)?.body.push(line);
  }
  return found;
}

/** Lines under a prose heading up to the next heading (a short line between blank lines). */
function section(lines: readonly string[], heading: string): readonly string[] {
  const start = lines.indexOf(heading);
  if (start < 0) return [];
  const rest = lines.slice(start + 1);
  const end = rest.findIndex(
    (line, i) => i > 0 && PROSE_HEADINGS.includes(line) && (rest[i - 1] ?? '') === '' && (rest[i + 1] ?? '') === '',
  );
  return end < 0 ? rest : rest.slice(0, end);
}

const PROSE_HEADINGS = [
  'Operation description',
  'QPS limit',
  'Debugging',
  'Authorization information',
  'Request parameters',
];

/**
 * Each named parameter row's description and notes, and an array's unnamed item row's notes
 * (which repeat the array's) under the array's name.
 */
function readParamNotes(lines: readonly string[]): {
  paramNotes: Record<string, readonly string[]>;
  itemNotes: Record<string, readonly string[]>;
} {
  const paramNotes: Record<string, readonly string[]> = {};
  const itemNotes: Record<string, readonly string[]> = {};
  let array: string | undefined;
  for (const { match, body } of rows(lines, REQUEST_ROW)) {
    const name = match[1];
    if (name === undefined) {
      if (array !== undefined && itemNotes[array] === undefined) itemNotes[array] = body;
      continue;
    }
    array = normaliseType(match[2]) === 'array' ? name : undefined;
    if (paramNotes[name] === undefined) paramNotes[name] = body;
  }
  return { paramNotes, itemNotes };
}

function readRequestTable(lines: readonly string[]): ParamDoc[] {
  const params: ParamDoc[] = [];
  for (const { match, body } of rows(lines, REQUEST_ROW)) {
    const [, name, typeName, itemTypeName, required] = match;
    const type = normaliseType(typeName);
    const last = params.at(-1);
    if (name === undefined) {
      // An unnamed row describes the items of the array row above it.
      if (last?.type === 'array' && last.itemType === undefined && type !== undefined) {
        params[params.length - 1] = { ...last, itemType: type };
      }
      continue;
    }
    const values = enumeration(body);
    params.push({
      name,
      ...typed(type, normaliseType(itemTypeName)),
      required: required === 'Yes',
      ...(values.length > 0 ? { enum: values } : {}),
    });
  }
  return params;
}

function typed(
  type: ValueType | undefined,
  itemType: ValueType | undefined,
): { type?: ValueType; itemType?: ValueType } {
  return { ...(type === undefined ? {} : { type }), ...(itemType === undefined ? {} : { itemType }) };
}

/** The `•` bullets right after `Enumeration Value:`; a bullet's `: label` suffix is dropped. */
function enumeration(body: readonly string[]): string[] {
  const start = body.indexOf(ENUM_HEADING);
  if (start < 0) return [];
  const values: string[] = [];
  for (const line of body.slice(start + 1)) {
    const bullet = BULLET.exec(line);
    if (bullet?.[1] === undefined) break;
    values.push(bullet[1].split(/:\s/)[0]!.trim());
  }
  return values;
}

function readResponseTable(lines: readonly string[]): FieldDoc[] {
  const fields: FieldDoc[] = [];
  for (const { match } of rows(lines, RESPONSE_ROW)) {
    const [, name, typeName] = match;
    // Unnamed rows are the body object itself or an array's items.
    if (name === undefined) continue;
    const type = normaliseType(typeName);
    fields.push(type === undefined ? { name } : { name, type });
  }
  return fields;
}

function readErrorTable(lines: readonly string[], knownCodes: readonly string[]): ErrorDoc[] {
  const errors: ErrorDoc[] = [];
  for (const line of lines) {
    const row = ERROR_ROW.exec(line);
    if (row?.[1] === undefined || row[2] === undefined) continue;
    const { code, rest } = splitCode(row[2], knownCodes);
    const message = splitMessage(rest);
    errors.push(message === '' ? { code, status: Number(row[1]) } : { code, status: Number(row[1]), message });
  }
  return errors;
}

function readErrorDescriptions(lines: readonly string[], knownCodes: readonly string[]): Record<string, string> {
  const descriptions: Record<string, string> = {};
  for (const line of lines) {
    const row = ERROR_ROW.exec(line);
    if (row?.[2] === undefined) continue;
    const { code, rest } = splitCode(row[2], knownCodes);
    const description = rest.trim().slice(splitMessage(rest).length).trim();
    if (description !== '') descriptions[code] = description;
  }
  return descriptions;
}

/**
 * `CodeTaskNotExistTask does not exist.…` → `CodeTaskNotExist` + `Task does not exist.…`.
 * The code is the leading run of code characters. When a space follows the run, the message's
 * first word is glued to its end: the cut is after the longest known code, else at the run's last
 * case step (`…Exist|Task`, `…Url|URL`, `…RAM|User`). When `%` or nothing follows
 * (`InvalidParameter%s.`), the whole run is the code.
 */
function splitCode(cells: string, knownCodes: readonly string[]): { code: string; rest: string } {
  const run = /^[A-Za-z0-9._-]+/.exec(cells)?.[0] ?? '';
  const known = knownCodes
    .filter((code) => run.startsWith(code) && (run.length === code.length || /[A-Z]/.test(run.charAt(code.length))))
    .sort((a, b) => b.length - a.length)[0];
  const cut = known?.length ?? (cells.charAt(run.length) === ' ' ? lastCaseStep(run) : run.length);
  return { code: cells.slice(0, cut), rest: cells.slice(cut) };
}

function lastCaseStep(run: string): number {
  // `Exist|Task`, and after an acronym `RAM|User`.
  const steps = [...run.matchAll(/(?<=[a-z0-9])(?=[A-Z])|(?<=[A-Z])(?=[A-Z][a-z])/g)].map((m) => m.index);
  return steps.at(-1) ?? run.length;
}

/**
 * The message ends at the first full stop glued to the description that follows it
 * (`Task does not exist.The task…`); a message without such a seam is taken whole.
 */
function splitMessage(rest: string): string {
  const seam = /\.(?=\S)/.exec(rest);
  return (seam === null ? rest : rest.slice(0, seam.index + 1)).trim();
}
