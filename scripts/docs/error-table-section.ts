import type { ErrorSpec, OperationSpec } from '../../generated/operations.js';
import { type BundledDocument, eachOperation } from './bundled-document.js';

/**
 * A copy of a bundled OpenAPI document in which each operation's description ends with its error
 * codes as the vendor pages show them (HTTP status, code, message, description), from the
 * generated operation table. The codes every operation can return (the gateway's) are named in a
 * line and tabled once, on the companion page errors.html ({@link gatewayErrorsMarkdown}).
 */
export function withErrorTables(document: BundledDocument, operations: readonly OperationSpec[]): BundledDocument {
  const copy = structuredClone(document);
  const byAction = new Map<string, OperationSpec>(operations.map((op) => [op.action, op]));
  eachOperation(copy, (operation) => {
    const spec = byAction.get(operation.operationId ?? '');
    if (spec === undefined) throw new Error(`${operation.operationId ?? '?'}: not in the operation table`);
    const gateway = spec.errors.filter((e) => e.gateway).map((e) => `\`${e.code}\``);
    operation.description = `${(operation.description ?? '').trimEnd()}\n\n${[
      '### Error codes',
      '',
      errorTable(spec.errors.filter((e) => !e.gateway)),
      '',
      `Every operation can also return the gateway codes (signature, throttling, missing or invalid protocol parameters, server errors): ${gateway.join(', ')}; see [the gateway error codes](./errors.html).`,
      '',
    ].join('\n')}`;
  });
  return copy;
}

/** The gateway codes (those every operation can return) as a Markdown page. */
export function gatewayErrorsMarkdown(operations: readonly OperationSpec[]): string {
  const gateway = [
    ...new Map(operations.flatMap((op) => op.errors.filter((e) => e.gateway)).map((e) => [e.code, e])).values(),
  ];
  return [
    '# Gateway error codes',
    '',
    "Codes the API gateway answers for any operation, besides each operation's own codes.",
    '',
    errorTable(gateway),
    '',
  ].join('\n');
}

/** A Markdown table: HTTP status, code, the vendor's literal message, description. */
export function errorTable(errors: readonly ErrorSpec[]): string {
  const cell = (text: string) =>
    text
      .replaceAll('|', '\\|')
      .replace(/\s*\n\s*/g, ' ')
      .trim();
  return [
    '| HTTP status | Error code | Error message | Description |',
    '|---|---|---|---|',
    ...[...errors]
      .sort((a, b) => a.status - b.status)
      .map((e) => `| ${e.status} | \`${e.code}\` | ${cell(e.message)} | ${cell(e.description)} |`),
  ].join('\n');
}
