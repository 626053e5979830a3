import { readFileSync } from 'node:fs';
import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { parseVendorPage, VendorPageError } from '../../scripts/docs-check/vendor-page.js';
import { seedPage } from './paths.js';

const seed = readFileSync(seedPage, 'utf8');

describe('parseVendorPage on the seed page (UpdateLivePullToPush, May 13, 2025)', () => {
  const page = parseVendorPage(seed);

  it('reads the action from the `:Action` title line and the date as YYYY-MM-DD', () => {
    expect(page.action).toBe('UpdateLivePullToPush');
    expect(page.lastUpdated).toBe('2025-05-13');
  });

  it('reads every request row: name, type and required flag glued on one line', () => {
    expect(page.params.map((p) => [p.name, p.type, p.required])).toEqual([
      ['TaskId', 'string', true],
      ['Region', 'string', true],
      ['StartTime', 'string', false],
      ['EndTime', 'string', false],
      ['SourceUrls', 'array', false],
      ['RepeatNumber', 'integer', false],
      ['Offset', 'integer', false],
      ['CallbackUrl', 'string', false],
      ['FileIndex', 'integer', false],
    ]);
  });

  it('takes the unnamed `stringNo` row as the items of the array above it', () => {
    expect(page.params.find((p) => p.name === 'SourceUrls')?.itemType).toBe('string');
  });

  it('takes only the `Enumeration Value:` bullets as an enumeration, not the prose "Valid values" list', () => {
    expect(page.params.find((p) => p.name === 'Region')?.enum).toEqual([
      'ap-northeast-1',
      'ap-southeast-1',
      'ap-southeast-5',
      'eu-central-1',
      'me-central-1',
      'cn-beijing',
      'cn-shanghai',
      'cn-shenzhen',
      'cn-qingdao',
      'preregion',
    ]);
    expect(page.params.filter((p) => p.enum !== undefined).map((p) => p.name)).toEqual(['Region']);
  });

  it('reads the response rows and skips the unnamed body row', () => {
    expect(page.responseFields).toEqual([
      { name: 'RequestId', type: 'string' },
      { name: 'RetCode', type: 'integer' },
      { name: 'Description', type: 'string' },
    ]);
  });

  it('splits each error row into status, code and message', () => {
    expect(page.errors).toEqual([
      { status: 400, code: 'InvalidParameter', message: '%s.' },
      { status: 400, code: 'InvalidParam.CodeIllegalDuration', message: '%s.' },
      { status: 400, code: 'CodeInvalidAliUid', message: 'This aliuid does not have a live domain name.' },
      { status: 400, code: 'CodeTaskNotExist', message: 'Task does not exist.' },
      { status: 400, code: 'CodeTaskHasStarted', message: 'The task has already started.' },
      { status: 500, code: 'InternalError', message: '%s.' },
    ]);
  });

  it('reads CRLF line endings the same way', () => {
    expect(parseVendorPage(seed.replace(/\n/g, '\r\n'))).toEqual(page);
  });
});

describe('parseVendorPage error rows', () => {
  const withErrors = (...rows: string[]): string =>
    seed.replace(
      /^HTTP status codeError codeError messageDescription\n[\s\S]*?\n\n/m,
      (header) => `${header.split('\n')[0]}\n${rows.join('\n')}\n\n`,
    );

  it('cuts before an acronym that starts the message', () => {
    expect(parseVendorPage(withErrors('400InvalidUrlURL is not valid.The URL is not valid.')).errors).toEqual([
      { status: 400, code: 'InvalidUrl', message: 'URL is not valid.' },
    ]);
  });

  it('prefers a known code when the message starts with a camel-case word', () => {
    const page = withErrors('400InvalidTaskIdTaskId is not valid.The task ID is not valid.');
    expect(parseVendorPage(page).errors[0]?.code).toBe('InvalidTaskIdTask');
    expect(parseVendorPage(page, { knownErrorCodes: ['InvalidTaskId', 'Invalid'] }).errors[0]).toEqual({
      status: 400,
      code: 'InvalidTaskId',
      message: 'TaskId is not valid.',
    });
  });

  it('keeps a message without a glued description whole', () => {
    expect(parseVendorPage(withErrors('403Forbidden.RAMUser not authorized')).errors).toEqual([
      { status: 403, code: 'Forbidden.RAM', message: 'User not authorized' },
    ]);
  });
});

describe('parseVendorPage input checks', () => {
  it('refuses text without a title line', () => {
    expect(() => parseVendorPage('Hello\nworld\n')).toThrow(VendorPageError);
  });

  it('names the missing table', () => {
    expect(() => parseVendorPage(seed.replace('ParameterTypeRequiredDescriptionExample', ''))).toThrow(
      /ParameterTypeRequiredDescriptionExample/,
    );
  });
});

// Round trip: a page rendered in the browser-copy format reads back as what was rendered.

interface GenParam {
  name: string;
  type: string;
  required: boolean;
  enum: string[];
  description: string[];
  example: string;
}
interface GenField {
  name: string;
  type: string;
}
interface GenError {
  status: number;
  code: string;
  message: string;
  description: string;
}

const pascal = fc.stringMatching(/^[A-Z][a-z]{1,7}([A-Z][a-z]{1,7}){0,2}$/);
const sentence = fc.stringMatching(/^[A-Z][a-z]{1,8}( [a-z0-9]{1,8}){1,6}\.$/);
const genParam = fc.record<GenParam>({
  name: pascal,
  type: fc.constantFrom('string', 'integer', 'long', 'boolean'),
  required: fc.boolean(),
  enum: fc.uniqueArray(fc.stringMatching(/^[a-z][a-z0-9-]{0,10}$/), { maxLength: 5 }),
  description: fc.array(sentence, { minLength: 1, maxLength: 3 }),
  example: fc.stringMatching(/^[a-z0-9][a-z0-9:/.*-]{0,20}$/),
});
const genField = fc.record<GenField>({ name: pascal, type: fc.constantFrom('string', 'integer', 'long', 'boolean') });
const genError = fc.record<GenError>({
  status: fc.constantFrom(400, 403, 404, 500, 503),
  code: fc.stringMatching(/^[A-Z][a-z]{1,7}([A-Z][a-z]{1,7}){0,2}(\.[A-Z][a-z]{1,7}([A-Z][a-z]{1,7})?)?$/),
  message: fc.oneof(fc.constant('%s.'), sentence),
  description: sentence,
});

function renderPage(action: string, params: GenParam[], fields: GenField[], errors: GenError[]): string {
  const request = params.flatMap((p) => [
    `${p.name}${p.type}${p.required ? 'Yes' : 'No'}`,
    '',
    ...p.description.flatMap((line) => [line, '']),
    ...(p.enum.length > 0 ? ['Enumeration Value:', ...p.enum.map((v) => `  • ${v}`)] : []),
    p.example,
  ]);
  const response = fields.flatMap((f) => [`${f.name}${f.type}`, '', 'A field.', '', 'x']);
  const errorRows = errors.map((e) => `${e.status}${e.code}${e.message}${e.description}`);
  return [
    'All Products',
    '',
    `:${action}`,
    '',
    'Last Updated:Jan 2, 2026',
    '',
    'Request parameters',
    '',
    'ParameterTypeRequiredDescriptionExample',
    ...request,
    '',
    'Response parameters',
    '',
    'ParameterTypeDescriptionExample',
    'object',
    '',
    'Schema of Response',
    '',
    ...response,
    '',
    'Examples',
    '',
    'Error codes',
    '',
    'HTTP status codeError codeError messageDescription',
    ...errorRows,
    '',
    'For a list of error codes, visit the Service error codes.',
  ].join('\n');
}

const LONG_TYPE: Record<string, string> = { long: 'integer' };

describe('parseVendorPage round trip (fast-check)', () => {
  it('reads back every parameter, response field and error of a rendered page', () => {
    fc.assert(
      fc.property(
        pascal,
        fc.array(genParam, { maxLength: 6 }),
        fc.array(genField, { maxLength: 5 }),
        fc.array(genError, { maxLength: 5 }),
        (action, params, fields, errors) => {
          const page = parseVendorPage(renderPage(action, params, fields, errors));
          expect(page.action).toBe(action);
          expect(page.params).toEqual(
            params.map((p) => ({
              name: p.name,
              type: LONG_TYPE[p.type] ?? p.type,
              required: p.required,
              ...(p.enum.length > 0 ? { enum: p.enum } : {}),
            })),
          );
          expect(page.responseFields).toEqual(fields.map((f) => ({ name: f.name, type: LONG_TYPE[f.type] ?? f.type })));
          expect(page.errors).toEqual(errors.map((e) => ({ status: e.status, code: e.code, message: e.message })));
        },
      ),
    );
  });
});
