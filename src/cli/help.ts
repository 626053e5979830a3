import { type OperationName, type OperationSpec, type ParamSpec, updateRules } from '../../generated/operations.js';
import { updateTable } from '../rules/update-table.js';
import { aliasOf } from './command-alias.js';
import { type FlagStyle, flagFor } from './flag-name.js';
import { globalOptionDocs } from './global-options.js';
import { renderTable } from './table.js';
import { plainMarkdown, wrapText } from './terminal-text.js';

/** `live-relay --help`: the operations (from the operation table), global options and exit statuses. */
export function overviewHelp(
  operations: Readonly<Record<OperationName, OperationSpec>>,
  names: readonly OperationName[],
): string {
  const actionWidth = Math.max(...names.map((name) => name.length));
  const lines = [
    'live-relay: ApsaraVideo Live pull-to-push (pulled-stream relay) tasks from the command line',
    '',
    'Usage:',
    '  live-relay <Operation> --Param value ... [global options]    vendor spelling, as the aliyun CLI',
    '  live-relay <alias> --param-name value ... [global options]   friendly spelling',
    "  live-relay <Operation|alias> --help                          an operation's parameters",
    '  live-relay wait --task-id ID --region R --status running     until a task is in a state; see live-relay wait --help',
    '  live-relay emulator [options]                                a local service; see live-relay emulator --help',
    '',
    'Operations (alias):',
  ];
  for (const name of names) {
    const alias = aliasOf(name) ?? '';
    lines.push(`  ${name.padEnd(actionWidth)}  ${alias.padEnd(8)}  ${plainMarkdown(operations[name].summary)}`);
  }
  lines.push('', 'Global options:');
  const flagWidth = Math.max(...globalOptionDocs.map(optionLabel).map((label) => label.length));
  for (const option of globalOptionDocs) {
    const description = wrapText(option.description, flagWidth + 4).trimStart();
    lines.push(`  ${optionLabel(option).padEnd(flagWidth)}  ${description}`);
  }
  lines.push(
    '',
    'Arrays take a JSON array or the flag repeated:',
    '  --SourceUrls \'["a","b"]\'  or  --SourceUrls a --SourceUrls b',
    'Credentials, first found wins: --access-key-id with --access-key-secret-file or --access-key-secret,',
    'then --profile, then ALIBABA_CLOUD_ACCESS_KEY_ID/_SECRET (+ ALIBABA_CLOUD_SECURITY_TOKEN), then',
    '~/.aliyun/config.json. A secret given as a flag is visible to other users of this machine (ps):',
    "prefer a file ('-' for stdin), the environment or a profile.",
    '',
    'Exit status: 0 success; 1 the service answered with an error, or could not be reached;',
    '2 usage or validation error (nothing was sent).',
  );
  return `${lines.join('\n')}\n`;
}

/** The spec's Update-by-state table: which parameters each task state accepts, and when a change takes effect. */
function updateTableHelp(style: FlagStyle): string[] {
  const { headings, rows, refusals } = updateTable();
  const table = renderTable(
    ['Parameter', ...headings],
    rows.map((row) => [flagFor(row.param, style), ...row.cells]),
  );
  return [
    'Update by task state (TaskStatus values in brackets; a cell says when an accepted change takes effect):',
    ...table
      .trimEnd()
      .split('\n')
      .map((line) => `  ${line}`),
    ...refusals.map((note) => wrapText(note, 2)),
  ];
}

function optionLabel(option: { readonly flag: string; readonly value?: string }): string {
  return option.value === undefined ? option.flag : `${option.flag} ${option.value}`;
}

/**
 * `live-relay <Operation> --help`: summary, description, and every parameter from the operation
 * table with its type, whether it is required, its enumeration, limits and default.
 */
export function operationHelp(operation: OperationSpec, style: FlagStyle): string {
  const alias = aliasOf(operation.action);
  const command = style === 'kebab' && alias !== undefined ? alias : operation.action;
  const required = operation.params.filter((param) => param.required);
  const usage = [
    `live-relay ${command}`,
    ...required.map((param) => `${flagFor(param.name, style)} ${placeholder(param)}`),
    ...(required.length < operation.params.length ? ['[options]'] : []),
  ].join(' ');
  const lines = [
    `${operation.action}${alias === undefined ? '' : ` (alias: ${alias})`}: ${plainMarkdown(operation.summary)}`,
    '',
    wrapText(`Usage: ${usage}`, 0, undefined, 'Usage: '.length),
  ];
  const description = plainMarkdown(operation.description);
  if (description !== '' && description !== plainMarkdown(operation.summary)) lines.push('', wrapText(description, 0));
  lines.push('', 'Parameters:');
  for (const param of operation.params) lines.push(parameterHelp(param, style));
  if (operation.action === updateRules.action) lines.push('', ...updateTableHelp(style));
  const otherStyle: FlagStyle = style === 'vendor' ? 'kebab' : 'vendor';
  const example = required[0] ?? operation.params[0];
  if (example !== undefined) {
    lines.push('', `Each flag is also accepted in the ${otherStyle} spelling (${flagFor(example.name, otherStyle)}).`);
  }
  lines.push('Global options: live-relay --help', `Reference: ${operation.docUrl}`);
  return `${lines.join('\n')}\n`;
}

function parameterHelp(param: ParamSpec, style: FlagStyle): string {
  const facts = [param.required ? 'required' : 'optional', ...limitsOf(param)];
  if (param.default !== undefined) facts.push(`default ${JSON.stringify(param.default)}`);
  if (param.type === 'array') facts.push('a JSON array or the flag repeated');
  const head = wrapText(`${flagFor(param.name, style)} ${placeholder(param)} — ${facts.join('; ')}`, 2, undefined, 6);
  const body = [plainMarkdown(param.description)];
  if (param.enum !== undefined) body.push(`One of: ${param.enum.join(', ')}.`);
  const text = body.filter((part) => part !== '').join('\n\n');
  return text === '' ? head : `${head}\n${wrapText(text, 6)}`;
}

function placeholder(param: ParamSpec): string {
  if (param.type === 'array') return '<string[]>';
  if (param.enum !== undefined && param.enum.length <= 5) return `<${param.enum.join('|')}>`;
  return `<${param.type}>`;
}

function limitsOf(param: ParamSpec): string[] {
  const limits = [
    range(param.minimum, param.maximum, '', ''),
    range(param.minLength, param.maxLength, ' character', ' characters'),
    range(param.minItems, param.maxItems, ' item', ' items'),
  ].filter((text) => text !== '');
  if (param.format === 'date-time') limits.push('UTC, yyyy-MM-ddTHH:mm:ssZ');
  else if (param.pattern !== undefined) limits.push(`matching ${param.pattern}`);
  return limits;
}

function range(min: number | undefined, max: number | undefined, one: string, many: string): string {
  const unit = (n: number): string => (n === 1 ? one : many);
  if (min !== undefined && max !== undefined) return `from ${min} to ${max}${unit(max)}`;
  if (min !== undefined) return `at least ${min}${unit(min)}`;
  if (max !== undefined) return `at most ${max}${unit(max)}`;
  return '';
}
