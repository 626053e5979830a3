/** generated/api.d.ts: the openapi-typescript rendering of the spec. */

import { pathToFileURL } from 'node:url';
import openapiTS, { astToString } from 'openapi-typescript';
import { GENERATED_HEADER } from './header.js';

export async function renderApiTypes(specPath: string): Promise<string> {
  const ast = await openapiTS(pathToFileURL(specPath), { silent: true });
  return GENERATED_HEADER + astToString(ast);
}
